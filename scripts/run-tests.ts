/**
 * `npm test`: every runner (Vitest for unit + integration, Playwright for end-to-end), then one line
 * `N passed, N failed, N skipped` that sums them — the line CI reports. Skipped tests are listed with
 * their reasons, so a skip is never silent.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

const OUT = 'test-results';
mkdirSync(OUT, { recursive: true });

function run(label: string, command: string, args: string[], report: string, read: (json: unknown) => Tally): Tally {
  rmSync(report, { force: true });
  console.log(`\n== ${label}: ${command} ${args.join(' ')}`);
  const { status } = spawnSync(command, args, { stdio: 'inherit' });
  if (!existsSync(report)) {
    console.log(`${label}: the runner exited with ${status} and wrote no report: counted as one failure.`);
    return { passed: 0, failed: 1, skipped: 0 };
  }
  const tally = read(JSON.parse(readFileSync(report, 'utf8')));
  // A runner that fails outside any test (a crash in setup, an unhandled error) still fails the run.
  if (status !== 0 && tally.failed === 0) tally.failed = 1;
  return tally;
}

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
}

interface PlaywrightSpec {
  title: string;
  tests: { status: string; annotations: { type: string; description?: string }[] }[];
}
interface PlaywrightSuite {
  specs?: PlaywrightSpec[];
  suites?: PlaywrightSuite[];
}
interface PlaywrightReport {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  suites: PlaywrightSuite[];
}

function skipReasons(suites: PlaywrightSuite[]): string[] {
  return suites.flatMap((suite) => [
    ...(suite.specs ?? []).flatMap((spec) =>
      spec.tests
        .filter((t) => t.status === 'skipped')
        .map((t) => `${spec.title}: ${t.annotations.find((a) => a.type === 'skip')?.description ?? 'skipped'}`),
    ),
    ...skipReasons(suite.suites ?? []),
  ]);
}

const vitest = run(
  'vitest',
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${OUT}/vitest.json`],
  `${OUT}/vitest.json`,
  (json) => {
    const r = json as VitestReport;
    return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests };
  },
);

const playwright = run('playwright', 'npx', ['playwright', 'test'], `${OUT}/e2e.json`, (json) => {
  const r = json as PlaywrightReport;
  for (const reason of skipReasons(r.suites)) console.log(`skipped: ${reason}`);
  return { passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected, skipped: r.stats.skipped };
});

const total: Tally = {
  passed: vitest.passed + playwright.passed,
  failed: vitest.failed + playwright.failed,
  skipped: vitest.skipped + playwright.skipped,
};
console.log(
  `\nvitest ${vitest.passed}/${vitest.failed}/${vitest.skipped}, playwright ${playwright.passed}/${playwright.failed}/${playwright.skipped} (passed/failed/skipped)`,
);
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 ? 1 : 0);
