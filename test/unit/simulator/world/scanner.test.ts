import { describe, expect, it } from 'vitest';
import { type Instrument } from '../../../../src/simulator/world';
import { isScanCode, scan, scannerParametersXml } from '../../../../src/simulator/world/scanner';
import { QUOTE } from './quote-fixture';

const stock = (conId: number, currency = 'USD', secType = 'STK') =>
  ({ conId, symbol: `S${conId}`, secType, currency }) as Instrument;
const ALL = { rows: undefined, abovePrice: undefined, belowPrice: undefined, aboveVolume: undefined };
const candidates = [
  { instrument: stock(1), quote: { ...QUOTE, last: 101, close: 100, volume: 5_000, lastSize: 100 } },
  { instrument: stock(2), quote: { ...QUOTE, last: 95, close: 100, volume: 90_000, lastSize: 100 } },
  { instrument: stock(3), quote: { ...QUOTE, last: 110, close: 100, volume: 20_000, lastSize: 5_000 } },
  { instrument: stock(4, 'EUR'), quote: { ...QUOTE, last: 200, close: 100, volume: 1e9, lastSize: 1e8 } },
  { instrument: stock(5, 'USD', 'OPT'), quote: { ...QUOTE, last: 200, close: 100, volume: 1e9, lastSize: 1e8 } },
];
const ids = (found: Instrument[]) => found.map((instrument) => instrument.conId);

describe('the simulated scanner', () => {
  it('ranks US stocks only: gainers by change, most active by volume, hot by the last trade against the day', () => {
    expect(ids(scan('TOP_PERC_GAIN', candidates, ALL))).toEqual([3, 1, 2]);
    expect(ids(scan('MOST_ACTIVE', candidates, ALL))).toEqual([2, 3, 1]);
    expect(ids(scan('HOT_BY_VOLUME', candidates, ALL))).toEqual([3, 1, 2]);
  });

  it('applies the row count and the price and volume filters', () => {
    expect(ids(scan('MOST_ACTIVE', candidates, { ...ALL, rows: 2 }))).toEqual([2, 3]);
    expect(ids(scan('MOST_ACTIVE', candidates, { ...ALL, abovePrice: 100 }))).toEqual([3, 1]);
    expect(ids(scan('MOST_ACTIVE', candidates, { ...ALL, belowPrice: 100, aboveVolume: 1_000 }))).toEqual([2]);
  });

  it('knows its scan codes and lists them, with display names, in the parameters XML', () => {
    expect(['TOP_PERC_GAIN', 'MOST_ACTIVE', 'HOT_BY_VOLUME'].every(isScanCode)).toBe(true);
    expect(isScanCode('TOP_OPEN_PERC_GAIN')).toBe(false);
    const xml = scannerParametersXml();
    expect(xml).toContain('<locationCode>STK.US.MAJOR</locationCode>');
    expect(xml).toContain('<displayName>Top % Gainers</displayName><scanCode>TOP_PERC_GAIN</scanCode>');
    expect(xml).toContain('<scanCode>HOT_BY_VOLUME</scanCode>');
  });
});
