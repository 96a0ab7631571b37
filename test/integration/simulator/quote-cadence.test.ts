import { EventName, SecType, type Contract } from '@stoqey/ib';
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { connectApi, delay, type RawApiClient } from './ib-client';

const AAPL: Contract = { symbol: 'AAPL', secType: SecType.STK, exchange: 'SMART', currency: 'USD' };
/** Ticks of one snapshot leave together; anything this close to the previous tick belongs to the same one. */
const SAME_SNAPSHOT_MS = 40;
/** How early a snapshot may seem to arrive after its predecessor: delivery jitter on a busy machine. */
const JITTER_MS = 60;

let sim: Simulator | undefined;
let client: RawApiClient | undefined;
afterEach(async () => {
  client?.reports.expectClean();
  client?.close();
  await sim?.close();
  sim = undefined;
  client = undefined;
});

/**
 * Over `ms` after AAPL's first quote: when each snapshot arrived (ticks grouped by arrival) and how many bid
 * prices came.
 */
async function watchAapl(simulator: Simulator, ms: number): Promise<{ snapshots: number[]; bids: number }> {
  client = await connectApi(simulator.port, 1);
  const arrivals: number[] = [];
  let bids = 0;
  const seen = () => arrivals.push(performance.now());
  client.api.on(EventName.tickPrice, (_reqId: number, tickType: number) => {
    seen();
    if (tickType === 1) bids += 1;
  });
  client.api.on(EventName.tickSize, seen);
  client.api.reqMktData(1, AAPL, '', false, false);
  await delay(100); // the first full quote
  arrivals.length = 0;
  bids = 0;
  await delay(ms);
  client.api.cancelMktData(1);
  const snapshots: number[] = [];
  arrivals.forEach((at, index) => {
    if (index === 0 || at - (arrivals[index - 1] as number) > SAME_SNAPSHOT_MS) snapshots.push(at);
  });
  return { snapshots, bids };
}

describe("reqMktData at IBKR's cadence", () => {
  it('moves a watched stock a few times a second at the default tick rate, one snapshot per 250 ms at most', async () => {
    sim = await startSimulator({ port: 0, seed: 42 });
    const { snapshots, bids } = await watchAapl(sim, 2_000);
    expect(bids).toBeLessThanOrEqual(9);
    // 2 s at 250 ms: 8 snapshots at most; the gateway moves a quiet watched instrument every 250 ms.
    expect(snapshots.length).toBeGreaterThanOrEqual(6);
    expect(snapshots.length).toBeLessThanOrEqual(9);
    const gaps = snapshots.slice(1).map((at, index) => at - (snapshots[index] as number));
    expect(Math.min(...gaps)).toBeGreaterThan(250 - JITTER_MS);
  });

  it("sends every step at once in 'every-step' mode, so load tests are not capped", async () => {
    sim = await startSimulator({ port: 0, seed: 42, tickRate: 5_000, quoteCadence: 'every-step' });
    const { bids } = await watchAapl(sim, 1_000);
    // At IBKR's cadence a stock line carries at most 4 bids a second.
    expect(bids).toBeGreaterThan(20);
  });
});
