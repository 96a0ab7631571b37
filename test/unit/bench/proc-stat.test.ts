import { describe, expect, it } from 'vitest';
import { cpuPercent, parseProcStat } from '../../bench/proc-stat';

// A real /proc/<pid>/stat line of a Chromium renderer, its name holding spaces and parentheses.
const LINE =
  '4242 (tab) (zygote)) S 4200 4200 4200 0 -1 4194560 12057 0 0 0 731 96 0 0 20 0 22 0 66130 1226371072 35410 18446744073709551615 1 1 0 0 0 0 0 4098 1098993919 0 0 0 17 1 0 0 0 0 0';

describe('parseProcStat', () => {
  it('reads pid, parent and user + system ticks after a name with spaces and parentheses', () => {
    expect(parseProcStat(LINE)).toEqual({ pid: 4242, ppid: 4200, cpuTicks: 731 + 96 });
  });

  it('refuses a line that is not a stat line', () => {
    expect(parseProcStat('')).toBeNull();
    expect(parseProcStat('4242 (truncated')).toBeNull();
    expect(parseProcStat('4242 (x) S')).toBeNull();
  });
});

describe('cpuPercent', () => {
  it('sums the ticks each process used over the window, a process started meanwhile from zero', () => {
    const before = new Map([
      [1, 1000],
      [2, 50],
    ]);
    const after = new Map([
      [1, 1100],
      [2, 70],
      [3, 30],
    ]);
    // 150 ticks of 1/100 s over 2 s: 75 % of one core.
    expect(cpuPercent(before, after, 2)).toBeCloseTo(75);
  });
});
