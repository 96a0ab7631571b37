import { test as base } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningHarness {
  url: string;
  origin: string;
  token: string;
  process: ChildProcess;
  /** The demo simulator's fault-injection API, when started with --sim-control-port. */
  simControl: string | null;
  /** Everything the harness wrote to stderr, for assertions about what it logged. */
  log: () => string;
  /** The fresh user-data folder it was started with (settings, audit log), unless --user-data overrode it. */
  userData: string;
}

const READY = /^Gatehouse harness: (http:\/\/127\.0\.0\.1:\d+)\/#token=([0-9a-f]+)$/m;
const SIM_CONTROL = /^Simulator control: (http:\/\/127\.0\.0\.1:\d+)$/m;

/**
 * Starts the built harness (`out/harness/cli.js`, from src/harness/cli.ts; global-setup builds it) as its
 * own process, as a person would, with a fresh user-data folder.
 */
export async function startHarnessProcess(
  args: string[] = [],
  prepareUserData?: (dir: string) => void,
): Promise<RunningHarness> {
  const userData = mkdtempSync(join(tmpdir(), 'gatehouse-e2e-'));
  prepareUserData?.(userData);
  const child = spawn(process.execPath, ['--enable-source-maps', 'out/harness/cli.js', '--port', '0', ...args], {
    env: { ...process.env, GATEHOUSE_USER_DATA: userData },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  const match = await new Promise<RegExpMatchArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`harness did not start within 30 s:\n${stderr}`)), 30_000);
    child.stdout?.on('data', (chunk) => {
      stdout += chunk;
      const found = stdout.match(READY);
      // The simulator starts with the demo session, possibly after the page URL is printed.
      const controlReady = !args.includes('--sim-control-port') || SIM_CONTROL.test(stdout);
      if (found && controlReady) {
        clearTimeout(timer);
        resolve(found);
      }
    });
    child.once('exit', (code) => reject(new Error(`harness exited with ${code}:\n${stderr}`)));
  });
  const [, origin = '', token = ''] = match;
  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    process: child,
    simControl: stdout.match(SIM_CONTROL)?.[1] ?? null,
    log: () => stderr,
    userData,
  };
}

export async function stopHarnessProcess(harness: RunningHarness): Promise<void> {
  if (harness.process.exitCode !== null) return;
  const exited = new Promise((resolve) => harness.process.once('exit', resolve));
  harness.process.kill('SIGTERM');
  await exited;
}

export const test = base.extend<{ harness: RunningHarness }>({
  // Playwright reads the fixture's dependencies from this destructuring pattern; this one has none.
  // eslint-disable-next-line no-empty-pattern
  harness: async ({}, use) => {
    const harness = await startHarnessProcess();
    await use(harness);
    await stopHarnessProcess(harness);
  },
});

export { expect } from '@playwright/test';
