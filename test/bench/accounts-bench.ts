import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Bench, Figure } from './bench';

/**
 * DESIGN.md §7 "start to first positions painted": from spawning the harness (services + demo simulator)
 * to the first position row visible in Chromium. The browser starts alongside the harness, as a window
 * would with the app; the run is repeated and the median and worst are reported.
 */

const RUNS = 3;
const GOAL_MS = 2000;
const CHROMIUM = process.env.GATEHOUSE_CHROMIUM ?? '/usr/bin/chromium';
const READY = /^Gatehouse harness: (http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]+)$/m;

async function once(): Promise<number> {
  const userData = mkdtempSync(join(tmpdir(), 'gatehouse-bench-'));
  const started = performance.now();
  const harness = spawn(process.execPath, ['--import', 'tsx', 'src/harness/cli.ts', '--port', '0'], {
    env: { ...process.env, GATEHOUSE_USER_DATA: userData },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const browser = chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error('the harness did not print its URL within 20 s')), 20_000);
      harness.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = READY.exec(out);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      harness.once('exit', (code) => reject(new Error(`the harness exited with ${code}`)));
    });
    const page = await (await browser).newPage({ viewport: { width: 1600, height: 1000 } });
    await page.goto(url);
    await page
      .getByRole('region', { name: 'Positions by account' })
      .locator('[role="row"][row-id]')
      .first()
      .waitFor({ state: 'visible', timeout: 20_000 });
    return performance.now() - started;
  } finally {
    await (await browser).close();
    const exited = new Promise((resolve) => harness.once('exit', resolve));
    harness.kill('SIGTERM');
    await exited;
    rmSync(userData, { recursive: true, force: true });
  }
}

export async function accountsBench(): Promise<Bench> {
  return {
    name: 'accounts',
    async run(): Promise<Figure[]> {
      if (!existsSync('out/renderer/harness.html'))
        throw new Error('the renderer is not built: run npm run build first');
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) times.push(await once());
      times.sort((a, b) => a - b);
      const median = times[Math.floor(times.length / 2)] ?? Number.NaN;
      const worst = times.at(-1) ?? Number.NaN;
      const detail = `${RUNS} runs: ${times.map((t) => Math.round(t)).join(', ')} ms`;
      return [
        {
          name: 'start → first positions painted (median)',
          value: median,
          unit: 'ms',
          goal: `< ${GOAL_MS} ms`,
          pass: median < GOAL_MS,
          detail,
        },
        {
          name: 'start → first positions painted (worst)',
          value: worst,
          unit: 'ms',
          goal: 'reported',
          pass: null,
          detail,
        },
      ];
    },
  };
}
