import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ChildConfig, ChildResult } from './keychain-child';

const CHILD = fileURLToPath(new URL('keychain-child.ts', import.meta.url));

export interface ChildRun {
  results: ChildResult[];
  ms: number;
  stderr: string;
}

/**
 * Runs keychain-child.ts under `command` (e.g. dbus-run-session) with `env`, killing it after
 * `killAfterMs`: a hang is reported as a failure with what the child printed, never waited out.
 */
export function runChild(
  config: ChildConfig,
  env: NodeJS.ProcessEnv,
  { prefix = [] as string[], killAfterMs = 15_000 } = {},
): Promise<ChildRun> {
  const argv = [...prefix, process.execPath, '--import', 'tsx', CHILD, JSON.stringify(config)];
  const [command, ...args] = argv as [string, ...string[]];
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, killAfterMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const ms = Date.now() - started;
      const line = stdout.trim().split('\n').at(-1) ?? '';
      // The child kills itself after a call timed out (see keychain-child.ts); only our kill is a hang.
      const ended = code === 0 || (signal === 'SIGKILL' && !killed);
      if (!ended || !line.startsWith('[')) {
        reject(
          new Error(
            `keychain child ${killed ? 'hung and was killed' : `ended with ${signal ?? `exit ${code}`}`} after ${ms} ms\nstdout: ${stdout}\nstderr: ${stderr}`,
          ),
        );
        return;
      }
      resolve({ results: JSON.parse(line) as ChildResult[], ms, stderr });
    });
  });
}
