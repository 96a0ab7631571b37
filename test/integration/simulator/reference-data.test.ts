import {
  type Contract,
  type ContractDetails,
  DurationUnit,
  EventName,
  FADataType,
  LogLevel,
  SecType,
  WhatToShow,
} from '@stoqey/ib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { connectApi, delay, nextEvent, recordEvents, type RawApiClient } from './ib-client';

/**
 * The reference requests TWS clients send at start-up, and the refusals a plain login gets, through @stoqey/ib at
 * more than one server version. Every request must be answered — data or an error with its request id.
 */

const ACCOUNTS = ['DU1000001', 'DU1000002', 'DU1000003'];
const AAPL: Contract = { symbol: 'AAPL', secType: SecType.STK, exchange: 'SMART', currency: 'USD' };
const UNKNOWN: Contract = { symbol: 'NOSUCH', secType: SecType.STK, exchange: 'SMART', currency: 'USD' };
/** MIN_SERVER_VER_USER_INFO and MIN_SERVER_VER_WSHE_CALENDAR: the client sends nothing below them. */
const USER_INFO = 167;
const WSHE_CALENDAR = 161;

let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, tickRate: 0, seed: 42, controlPort: 0 });
});
afterAll(async () => {
  await sim.close();
});

describe.each([193, 160])('at server version %i', (serverVersion) => {
  let client: RawApiClient;

  beforeAll(async () => {
    client = await connectApi(sim.port, serverVersion, 5000, serverVersion);
  });
  afterAll(() => {
    client.reports.expectClean();
    client.close();
  });

  it('negotiates the version asked', () => {
    expect(client.api.serverVersion).toBe(serverVersion);
  });

  it('reqFamilyCodes: every account, none in a family', async () => {
    const codes = nextEvent<[{ accountID: string; familyCode: string }[]]>(client.api, EventName.familyCodes);
    client.api.reqFamilyCodes();
    expect((await codes)[0]).toEqual(ACCOUNTS.map((accountID) => ({ accountID, familyCode: '' })));
  });

  it('reqUserInfo: no white branding', async () => {
    if (serverVersion < USER_INFO) return;
    const info = nextEvent<[number, string]>(client.api, EventName.userInfo);
    client.api.reqUserInfo(11);
    expect(await info).toEqual([11, '']);
  });

  it('reqSoftDollarTiers and reqNewsProviders: empty lists', async () => {
    const tiers = nextEvent<[number, unknown[]]>(client.api, EventName.softDollarTiers);
    client.api.reqSoftDollarTiers(12);
    expect(await tiers).toEqual([12, []]);
    const providers = nextEvent<[unknown[]]>(client.api, EventName.newsProviders);
    client.api.reqNewsProviders();
    expect((await providers)[0]).toEqual([]);
  });

  it("contract details name market rules that reqMarketRule spells out, including the contract's minTick", async () => {
    const details = nextEvent<[number, ContractDetails]>(client.api, EventName.contractDetails, (id) => id === 13);
    client.api.reqContractDetails(13, AAPL);
    const [, aapl] = await details;
    const ids = (aapl.marketRuleIds ?? '').split(',');
    expect(ids).toHaveLength((aapl.validExchanges ?? '').split(',').length);
    const rule = nextEvent<[number, { lowEdge: number; increment: number }[]]>(client.api, EventName.marketRule);
    client.api.reqMarketRule(Number(ids[0]));
    const [ruleId, increments] = await rule;
    expect(ruleId).toBe(Number(ids[0]));
    expect(increments).toEqual([
      { lowEdge: 0, increment: 0.0001 },
      { lowEdge: 1, increment: 0.01 },
    ]);
    expect(increments.map((step) => step.increment)).toContain(aapl.minTick);
  });

  it('refuses a market rule id no venue uses', async () => {
    client.api.reqMarketRule(4242);
    const refusal = await client.reports.waitFor((entry) => entry.code === 321 && /4242/.test(entry.message));
    expect(refusal.reqId).toBe(-1);
  });

  it("reqSmartComponents for the quote's bboExchange, and reqMktDepthExchanges", async () => {
    const params = nextEvent<[number, number, string]>(client.api, EventName.tickReqParams, (id) => id === 14);
    client.api.reqMktData(14, AAPL, '', false, false);
    const [, , bboExchange] = await params;
    client.api.cancelMktData(14);
    const components = nextEvent<[number, Map<number, [string, string]>]>(client.api, EventName.smartComponents);
    client.api.reqSmartComponents(15, bboExchange);
    const [reqId, map] = await components;
    expect(reqId).toBe(15);
    expect([...map.values()]).toContainEqual(['NASDAQ', 'Q']);

    const depth = nextEvent<[{ exchange: string; serviceDataType: string; aggGroup?: number }[]]>(
      client.api,
      EventName.mktDepthExchanges,
    );
    client.api.reqMktDepthExchanges();
    const [exchanges] = await depth;
    expect(exchanges).toContainEqual(expect.objectContaining({ exchange: 'ISLAND', serviceDataType: 'Deep2' }));
  });

  it('reqHeadTimestamp: the first bar history serves; an unknown contract gets 200', async () => {
    const head = nextEvent<[number, string]>(client.api, EventName.headTimestamp, (id) => id === 16);
    client.api.reqHeadTimestamp(16, AAPL, WhatToShow.TRADES, true, 1);
    expect(await head).toEqual([16, '19801212-14:30:00']);
    const epoch = nextEvent<[number, string]>(client.api, EventName.headTimestamp, (id) => id === 17);
    client.api.reqHeadTimestamp(17, AAPL, WhatToShow.TRADES, true, 2);
    expect((await epoch)[1]).toBe(String(Date.UTC(1980, 11, 12, 14, 30) / 1000));
    client.api.reqHeadTimestamp(18, UNKNOWN, WhatToShow.TRADES, true, 1);
    expect((await client.reports.code(200, 18)).message).toBe('No security definition has been found for the request');
  });

  it('reqFundamentalData: 10358 for a login without the subscription', async () => {
    client.api.reqFundamentalData(19, AAPL, 'ReportSnapshot');
    expect((await client.reports.code(10358, 19)).message).toBe('Fundamentals data is not allowed.');
  });

  it('news bulletins: streamed once asked, the earlier ones replayed with allMsgs, none after cancel', async () => {
    const bulletins = recordEvents<[number, number, string, string]>(client.api, EventName.updateNewsBulletin);
    client.api.reqNewsBulletins(false);
    await roundTrip(client);
    const first = nextEvent<[number, number, string, string]>(client.api, EventName.updateNewsBulletin);
    const msgId = sim.faults.newsBulletin(`Trading halt at ${serverVersion}`, 'NYSE');
    expect(await first).toEqual([msgId, 1, `Trading halt at ${serverVersion}`, 'NYSE']);

    client.api.cancelNewsBulletins();
    await roundTrip(client);
    const seen = bulletins.length;
    sim.faults.newsBulletin('After the cancel');
    await delay(100);
    expect(bulletins.slice(seen)).toEqual([]);

    client.api.reqNewsBulletins(true);
    await roundTrip(client);
    expect(bulletins.slice(seen).map(([, , text]) => text)).toEqual(
      expect.arrayContaining([`Trading halt at ${serverVersion}`, 'After the cancel']),
    );
    client.api.cancelNewsBulletins();
  });

  describe('requests a plain login is refused', () => {
    it('FA requests: 321 "FA data operations ignored", with the request id where there is one', async () => {
      client.api.requestFA(FADataType.GROUPS);
      expect((await client.reports.waitFor((e) => e.code === 321 && /FA data operations/.test(e.message))).reqId).toBe(
        -1,
      );
      client.api.replaceFA(20, FADataType.GROUPS, '<ListOfGroups/>');
      expect((await client.reports.code(321, 20)).message).toMatch(/FA data operations ignored for non FA customers/);
    });

    it('Wall Street Horizon: 10276 with the request id', async () => {
      if (serverVersion < WSHE_CALENDAR) return;
      client.api.reqWshMetaData(21);
      expect((await client.reports.code(10276, 21)).message).toBe('News feed is not allowed.');
    });

    it('display groups and histograms: 321 with the request id', async () => {
      client.api.queryDisplayGroups(22);
      expect((await client.reports.code(321, 22)).message).toContain('does not serve message id 67');
      client.api.reqHistogramData(23, AAPL, true, 1, DurationUnit.WEEK);
      expect((await client.reports.code(321, 23)).message).toContain('does not serve message id 88');
    });

    it('setServerLogLevel and cancels of answered or refused requests: nothing, as from the gateway', async () => {
      const before = client.reports.all.length;
      client.api.setServerLogLevel(LogLevel.DETAIL);
      client.api.cancelHeadTimestamp(16);
      client.api.cancelFundamentalData(19);
      await roundTrip(client);
      expect(client.reports.all.slice(before)).toEqual([]);
    });
  });
});

describe('the control API', () => {
  it('POST /faults/news-bulletin posts a bulletin to subscribed clients; text is required', async () => {
    const client = await connectApi(sim.port, 90);
    try {
      client.api.reqNewsBulletins(false);
      await roundTrip(client);
      const bulletin = nextEvent<[number, number, string, string]>(client.api, EventName.updateNewsBulletin);
      const url = `http://127.0.0.1:${sim.controlPort}/faults/news-bulletin?text=Exchange%20notice&exchange=ARCA`;
      const response = await fetch(url, { method: 'POST', signal: AbortSignal.timeout(2000) });
      expect(response.status).toBe(200);
      const [msgId, , text, exchange] = await bulletin;
      expect([text, exchange]).toEqual(['Exchange notice', 'ARCA']);
      expect(await response.json()).toEqual({ ok: true, result: { msgId } });

      const missing = await fetch(`http://127.0.0.1:${sim.controlPort}/faults/news-bulletin`, {
        method: 'POST',
        signal: AbortSignal.timeout(2000),
      });
      expect(missing.status).toBe(400);
      client.reports.expectClean();
    } finally {
      client.close();
    }
  });
});

/** reqCurrentTime and its answer: everything sent before has been handled and its answers have arrived. */
async function roundTrip(client: RawApiClient): Promise<void> {
  const time = nextEvent(client.api, EventName.currentTime);
  client.api.reqCurrentTime();
  await time;
}
