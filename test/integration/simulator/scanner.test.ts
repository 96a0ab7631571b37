import { EventName, Instrument, LocationCode, ScanCode, type ContractDetails } from '@stoqey/ib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { SCANNER_REFRESH_MS } from '../../../src/simulator/server/scanner-handlers';
import { connectApi, nextEvent, recordEvents, until, type RawApiClient } from './ib-client';

type Row = [
  reqId: number,
  rank: number,
  details: ContractDetails,
  distance: string,
  benchmark: string,
  projection: string,
  legs: string,
];
const US_MAJOR = { instrument: Instrument.STK, locationCode: LocationCode.STK_US_MAJOR };

describe.each([178, 193])('the market scanner at server version %i', (serverVersion) => {
  let sim: Simulator;
  let client: RawApiClient;
  let clock = Date.UTC(2025, 5, 10, 15, 0, 0);
  let rows: Row[];
  let ends: [number][];

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, tickRate: 0, seed: 42, accountRefreshMs: 60_000, now: () => clock });
    client = await connectApi(sim.port, 1, 5000, serverVersion);
    rows = recordEvents<Row>(client.api, EventName.scannerData);
    ends = recordEvents<[number]>(client.api, EventName.scannerDataEnd);
  });
  afterEach(() => client.reports.expectClean());
  afterAll(async () => {
    client.close();
    await sim.close();
  });

  it('answers reqScannerParameters with XML naming its instrument, location and scan codes', async () => {
    const answer = nextEvent<[string]>(client.api, EventName.scannerParameters);
    client.api.reqScannerParameters();
    const [xml] = await answer;
    for (const part of ['<type>STK</type>', 'STK.US.MAJOR', 'TOP_PERC_GAIN', 'MOST_ACTIVE', 'HOT_BY_VOLUME'])
      expect(xml).toContain(part);
  });

  it('sends MOST_ACTIVE rows ranked from the walk, ends each set, and re-sends them every 30 s until cancelled', async () => {
    client.api.reqScannerSubscription(1, { ...US_MAJOR, scanCode: ScanCode.MOST_ACTIVE, numberOfRows: 5 }, []);
    await until(() => (ends.some(([id]) => id === 1) ? true : undefined), 3000, 'the first result set');
    const first = rows.filter(([id]) => id === 1);
    expect(first.map(([, rank]) => rank)).toEqual([0, 1, 2, 3, 4]);
    const volumes = first.map(([, , details]) => sim.world.quote(details.contract?.conId ?? 0).volume);
    expect(volumes).toEqual([...volumes].sort((a, b) => b - a));
    const busiest = sim.world
      .instruments()
      .filter((instrument) => instrument.secType === 'STK' && instrument.currency === 'USD')
      .sort((a, b) => sim.world.quote(b.conId).volume - sim.world.quote(a.conId).volume)[0];
    expect(first[0]?.[2].contract).toMatchObject({ conId: busiest?.conId, symbol: busiest?.symbol, secType: 'STK' });
    expect(first[0]?.[2].marketName).toBeTruthy();

    clock += SCANNER_REFRESH_MS;
    await until(() => (ends.filter(([id]) => id === 1).length === 2 ? true : undefined), 3000, 'the refresh');
    expect(rows.filter(([id]) => id === 1)).toHaveLength(10);

    client.api.cancelScannerSubscription(1);
    const answer = nextEvent(client.api, EventName.currentTime);
    client.api.reqCurrentTime();
    await answer;
    clock += SCANNER_REFRESH_MS;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(ends.filter(([id]) => id === 1)).toHaveLength(2);
  });

  it('answers a scan code it does not know with 321', async () => {
    client.api.reqScannerSubscription(2, { ...US_MAJOR, scanCode: ScanCode.TOP_OPEN_PERC_GAIN }, []);
    expect((await client.reports.code(321, 2)).message).toContain('unknown scan code "TOP_OPEN_PERC_GAIN"');
  });
});
