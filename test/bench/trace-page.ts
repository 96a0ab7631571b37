/**
 * Where the page's time goes at 100 lines × 250 ms:
 * `node --import tsx test/bench/trace-page.ts [gatehouse|bare] [seconds] [css to inject]`.
 * Opens the page in the cost bench's world (simulator and harness in their own processes), starts the
 * quotes, and over a 10 s window reads Chromium's own accounting through CDP — Performance.getMetrics
 * (script, style, layout, task durations) and a sampling Profiler — and prints the heaviest functions by
 * self time. For finding what to fix; the cost bench is what measures it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPage, setTickRate, start, TICK_RATE, type Kind } from './cost-bench';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const kind = (process.argv[2] ?? 'gatehouse') as Kind;
const seconds = Number(process.argv[3] ?? 10);
const userDataDir = mkdtempSync(join(tmpdir(), 'gatehouse-trace-'));
const stopping: (() => Promise<void>)[] = [];
try {
  const world = await start(userDataDir, stopping);
  const page = await openPage(world, kind);
  // An experiment: CSS to try against the page as it is, e.g. to see what hiding a pane saves.
  // A constructed sheet: the page's CSP refuses inline <style>.
  if (process.argv[4])
    await page.evaluate(
      `(() => { const sheet = new CSSStyleSheet(); sheet.replaceSync(${JSON.stringify(process.argv[4])}); document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]; })()`,
    );
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await setTickRate(world, TICK_RATE);
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const metrics = async () =>
    new Map((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value] as const));
  const before = await metrics();
  await cdp.send('Profiler.start');
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  const after = await metrics();
  // Chromium's own timeline over a shorter window: what the main thread of the page's renderer did, by event.
  const events: { name: string; ph: string; dur?: number; tid: number; pid: number; args?: { name?: string } }[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as typeof events)));
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline,blink,cc,viz',
    transferMode: 'ReportEvents',
  });
  await new Promise((resolve) => setTimeout(resolve, 5000));
  await cdp.send('Tracing.end');
  await done;
  await setTickRate(world, 0);
  const threadNames = new Map(
    events.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args?.name ?? '']),
  );
  const byName = new Map<string, { ms: number; count: number }>();
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined) continue;
    const key = `${threadNames.get(`${e.pid}:${e.tid}`) ?? e.tid} ${e.name}`;
    const entry = byName.get(key) ?? { ms: 0, count: 0 };
    entry.ms += e.dur / 1000;
    entry.count++;
    byName.set(key, entry);
  }
  console.log('trace, 5 s (durations include nested events):');
  for (const [key, { ms, count }] of [...byName.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 40))
    console.log(`${(ms / 5).toFixed(1).padStart(7)} ms/s  ${String(Math.round(count / 5)).padStart(5)}/s  ${key}`);
  for (const name of [
    'TaskDuration',
    'ScriptDuration',
    'RecalcStyleDuration',
    'LayoutDuration',
    'RecalcStyleCount',
    'LayoutCount',
    'Nodes',
    'JSHeapUsedSize',
  ]) {
    const delta = (after.get(name) ?? 0) - (before.get(name) ?? 0);
    const per = name.endsWith('Duration')
      ? `${((delta / seconds) * 100).toFixed(1)} % of the main thread`
      : `${Math.round(delta / seconds)}/s`;
    console.log(`${name.padEnd(20)} ${per}  (now ${Math.round(after.get(name) ?? 0)})`);
  }
  const self = new Map<string, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)?.callFrame;
    const key = frame
      ? `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber}:${frame.columnNumber}`
      : '?';
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  for (const [key, us] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30))
    console.log(
      `${((us / total) * 100).toFixed(1).padStart(5)} %  ${(us / 1000 / seconds).toFixed(1).padStart(6)} ms/s  ${key}`,
    );
} finally {
  for (const stop of stopping.reverse()) await stop().catch(() => undefined);
  rmSync(userDataDir, { recursive: true, force: true });
}
