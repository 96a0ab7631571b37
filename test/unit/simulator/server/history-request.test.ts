import { describe, expect, it } from 'vitest';
import {
  formatBarDate,
  HistoryPacingGate,
  PACING_VIOLATION,
  parseBarSize,
  parseDuration,
  parseEndTime,
  parseHistoryRequest,
  type PacingKey,
} from '../../../../src/simulator/server/history-request';

const NOW = Date.UTC(2025, 5, 10, 15, 0, 0);

describe('parseDuration', () => {
  it.each([
    ['3600 S', 3600],
    ['1 D', 86_400],
    ['2 W', 14 * 86_400],
    ['6 M', 180 * 86_400],
    ['1 Y', 365 * 86_400],
    ['  5 D  ', 5 * 86_400],
  ])('reads %j as %d seconds', (text, seconds) => expect(parseDuration(text)).toBe(seconds));

  it.each(['', '1D', '0 D', '1 d', '1 X', 'D 1', '-1 D', '1.5 D'])('refuses %j', (text) =>
    expect(parseDuration(text)).toBeNull(),
  );
});

describe('parseBarSize', () => {
  it.each([
    ['1 secs', 1],
    ['5 secs', 5],
    ['1 min', 60],
    ['30 mins', 1800],
    ['1 hour', 3600],
    ['8 hours', 28_800],
    ['1 day', 86_400],
    ['1 week', 7 * 86_400],
    ['1 month', 30 * 86_400],
  ])('reads %j as %d seconds', (text, seconds) => expect(parseBarSize(text)).toBe(seconds));

  it.each(['', '1min', '0 mins', '1 fortnight', '1 Min', 'min'])('refuses %j', (text) =>
    expect(parseBarSize(text)).toBeNull(),
  );
});

describe('parseEndTime', () => {
  it('reads an empty end as now, in whole seconds', () => {
    expect(parseEndTime('', NOW + 999)).toBe(NOW / 1000);
    expect(parseEndTime('   ', NOW)).toBe(NOW / 1000);
  });

  it('reads both date forms, with or without a zone, as UTC', () => {
    const expected = Date.UTC(2025, 0, 2, 3, 4, 5) / 1000;
    expect(parseEndTime('20250102 03:04:05', NOW)).toBe(expected);
    expect(parseEndTime('20250102-03:04:05', NOW)).toBe(expected);
    expect(parseEndTime('20250102 03:04:05 US/Eastern', NOW)).toBe(expected);
    expect(parseEndTime(' 20250102-03:04:05 UTC ', NOW)).toBe(expected);
  });

  it.each(['2025-01-02 03:04:05', '20250102', '20250102 3:04:05', 'yesterday'])('refuses %j', (text) =>
    expect(parseEndTime(text, NOW)).toBeNull(),
  );
});

describe('parseHistoryRequest', () => {
  const fields = { endDateTime: '', durationStr: '1 D', barSizeSetting: '5 mins', whatToShow: 'TRADES' };

  it('turns the text fields into a bar request', () => {
    expect(parseHistoryRequest(fields, NOW)).toEqual({
      ok: true,
      request: { endTime: NOW / 1000, durationSeconds: 86_400, barSizeSeconds: 300, whatToShow: 'TRADES' },
    });
  });

  it.each([
    [{ durationStr: '1 X' }, 'duration "1 X"'],
    [{ barSizeSetting: '7 parsecs' }, 'bar size setting "7 parsecs"'],
    [{ whatToShow: 'ADJUSTED_LAST' }, 'whatToShow "ADJUSTED_LAST"'],
    [{ endDateTime: 'soon' }, 'End date/time "soon"'],
  ])('names what is wrong with %j', (change, message) => {
    const parsed = parseHistoryRequest({ ...fields, ...change }, NOW);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(message);
  });
});

describe('formatBarDate', () => {
  const time = Date.UTC(2025, 5, 10, 14, 30, 0) / 1000;

  it('sends epoch seconds for formatDate 2', () => expect(formatBarDate(time, 60, 2)).toBe(String(time)));
  it('sends the day alone for daily bars', () => expect(formatBarDate(time, 86_400, 1)).toBe('20250610'));
  it('sends the time and zone for intraday bars', () =>
    expect(formatBarDate(time, 300, 1)).toBe('20250610 14:30:00 UTC'));
});

describe('HistoryPacingGate', () => {
  const key = (change: Partial<PacingKey> = {}): PacingKey => ({
    conId: 265598,
    endDateTime: '',
    durationStr: '1 D',
    barSizeSetting: '5 mins',
    whatToShow: 'TRADES',
    useRTH: false,
    ...change,
  });

  it('uses IBKR’s wording', () => expect(PACING_VIOLATION).toContain('pacing violation'));

  it('refuses an identical request within 15 s, and allows it at 15 s', () => {
    const gate = new HistoryPacingGate();
    let clock = NOW;
    expect(gate.check(key(), clock)).toBeNull();
    clock += 14_999;
    expect(gate.check(key(), clock)).toBe('an identical request within 15 s');
    // A refused request is not counted: the window still runs from the first one.
    clock = NOW + 15_000;
    expect(gate.check(key(), clock)).toBeNull();
  });

  it('treats a request differing in any field as a different one', () => {
    const gate = new HistoryPacingGate();
    expect(gate.check(key(), NOW)).toBeNull();
    expect(gate.check(key({ useRTH: true }), NOW)).toBeNull();
    expect(gate.check(key({ durationStr: '2 D' }), NOW)).toBeNull();
    expect(gate.check(key({ conId: 1 }), NOW)).toBeNull();
  });

  it('refuses a 6th request for the same contract and data type within 2 s', () => {
    const gate = new HistoryPacingGate();
    for (let index = 1; index <= 5; index += 1)
      expect(gate.check(key({ durationStr: `${index} D` }), NOW + index)).toBeNull();
    expect(gate.check(key({ durationStr: '6 D' }), NOW + 100)).toBe('a 6th request for the same contract within 2 s');
    // Another data type, or another contract, is counted separately.
    expect(gate.check(key({ durationStr: '6 D', whatToShow: 'MIDPOINT' }), NOW + 100)).toBeNull();
    expect(gate.check(key({ durationStr: '6 D', conId: 2 }), NOW + 100)).toBeNull();
    // Once the first has aged 2 s, there is room again.
    expect(gate.check(key({ durationStr: '6 D' }), NOW + 2_001)).toBeNull();
  });

  it('refuses the 61st request in 10 minutes, and forgets requests older than that', () => {
    const gate = new HistoryPacingGate();
    // One request every 5 s, each for its own contract: 60 of them take 295 s.
    for (let index = 0; index < 60; index += 1)
      expect(gate.check(key({ conId: index }), NOW + index * 5_000)).toBeNull();
    expect(gate.check(key({ conId: 999 }), NOW + 300_000)).toBe('more than 60 requests in 10 minutes');
    // At 600 s the first request leaves the window.
    expect(gate.check(key({ conId: 999 }), NOW + 600_000)).toBeNull();
    expect(gate.check(key({ conId: 1000 }), NOW + 600_001)).toBe('more than 60 requests in 10 minutes');
  });
});
