import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { connectNext, until } from './ib-client';

/** `npm run sim` as a person starts it: the real CLI in a child process. */

const ROOT = resolve(import.meta.dirname, '../../..');
const TSX = resolve(ROOT, 'node_modules/.bin/tsx');
const children: ChildProcess[] = [];

function run(args: string[]): { child: ChildProcess; output: () => string; errors: () => string } {
  const child = spawn(TSX, ['src/simulator/cli.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return { child, output: () => stdout, errors: () => stderr };
}

async function exitCode(child: ChildProcess, ms = 8000): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const timer = setTimeout(() => child.kill('SIGKILL'), ms);
  const [code] = (await once(child, 'exit')) as [number | null];
  clearTimeout(timer);
  return code;
}

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

describe('npm run sim', () => {
  it('serves a client on the port it prints and exits 0 on SIGTERM', async () => {
    const sim = run(['--port', '0', '--tick-rate', '0', '--control-port=-1', '--live-accounts']);
    const port = await until(
      () => /API on 127\.0\.0\.1:(\d+)/.exec(sim.output())?.[1],
      8000,
      'the simulator to print its port',
    );
    expect(sim.output()).toContain('accounts U1000001, U1000002, U1000003');
    expect(sim.output()).not.toContain('Simulator control');
    const client = await connectNext(Number(port), 1);
    expect(await client.api.getManagedAccounts()).toEqual(['U1000001', 'U1000002', 'U1000003']);
    client.reports.expectClean();
    client.close();
    sim.child.kill('SIGTERM');
    expect(await exitCode(sim.child)).toBe(0);
  });

  it('refuses a bad option with exit code 2 and names what was given', async () => {
    const sim = run(['--port', '0', '--control-port', 'abc']);
    expect(await exitCode(sim.child)).toBe(2);
    expect(sim.errors()).toContain('--control-port must be a whole number from -1 to 65535, not "abc"');
    expect(sim.errors()).toContain('usage: npm run sim');
  });
});
