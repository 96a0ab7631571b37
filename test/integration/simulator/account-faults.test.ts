import { EventName } from '@stoqey/ib';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { connectApi, nextEvent, recordEvents, until, type RawApiClient } from './ib-client';

/**
 * Faults for the window in which a gateway has not yet sent an account's facts: AccountType withheld
 * from the summary until released, and summary and position answers delayed, as after a reconnect.
 */

let sim: Simulator;
let client: RawApiClient;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, tickRate: 0, seed: 42, accountRefreshMs: 50, controlPort: 0 });
});
beforeEach(async () => {
  client = await connectApi(sim.port, 1);
});
afterEach(async () => {
  sim.faults.withholdAccountType(false);
  sim.faults.delayAccountData(0);
  client.reports.expectClean();
  client.close();
  await until(() => (sim.connections().length === 0 ? true : undefined), 2000, 'every connection to close');
});
afterAll(() => sim.close());

const post = async (path: string) => {
  const response = await fetch(`http://127.0.0.1:${sim.controlPort}${path}`, { method: 'POST' });
  return { status: response.status, body: (await response.json()) as { error?: string } };
};

type SummaryLine = [number, string, string, string, string];

describe('account facts faults', () => {
  it('withholds AccountType from the account summary, then sends it to the open subscription when released', async () => {
    expect((await post('/faults/withhold-account-type?on=true')).status).toBe(200);
    const lines = recordEvents<SummaryLine>(client.api, EventName.accountSummary);
    const end = nextEvent(client.api, EventName.accountSummaryEnd, () => true, 2000);
    client.api.reqAccountSummary(7, 'All', 'AccountType,NetLiquidation');
    await end;
    const tags = () => lines.map(([, , tag]) => tag);
    expect(tags()).toContain('NetLiquidation');
    expect(tags()).not.toContain('AccountType');

    expect((await post('/faults/withhold-account-type?on=false')).status).toBe(200);
    const types = await until(() => {
      const found = lines.filter(([, , tag]) => tag === 'AccountType');
      return found.length === sim.accountIds().length ? found : undefined;
    });
    expect(types.map(([, account, , value]) => [account, value])).toContainEqual([sim.accountIds()[0], 'IRA']);
  });

  it('answers the account summary and positions only after the delay', async () => {
    expect((await post('/faults/delay-account-data?ms=400')).status).toBe(200);
    const started = Date.now();
    const summaryEnd = nextEvent(client.api, EventName.accountSummaryEnd, () => true, 3000);
    const positionEnd = nextEvent(client.api, EventName.positionEnd, () => true, 3000);
    client.api.reqAccountSummary(8, 'All', 'NetLiquidation');
    client.api.reqPositions();
    await Promise.all([summaryEnd, positionEnd]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(380);
  });

  it('refuses a bad delay with 400 and says why', async () => {
    const answer = await post('/faults/delay-account-data?ms=soon');
    expect(answer.status).toBe(400);
    expect(answer.body.error).toContain('"ms" must be a number');
  });
});
