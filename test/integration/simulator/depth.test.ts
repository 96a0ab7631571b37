import { EventName, SecType, type Contract } from '@stoqey/ib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { connectApi, delay, nextEvent, type RawApiClient } from './ib-client';

const stock = (symbol: string): Contract => ({ symbol, secType: SecType.STK, exchange: 'SMART', currency: 'USD' });
const AAPL = stock('AAPL');

interface Row {
  price: number;
  size: number;
  marketMaker: string;
}
/** updateMktDepthL2's arguments: reqId, position, marketMaker, operation, side, price, size, isSmartDepth. */
type L2Update = [number, number, string, number, number, number, number, unknown?];
/** A client's copy of one request's book, kept by applying every update as IBKR's clients do. */
interface ClientBook {
  bids: Row[];
  asks: Row[];
  operations: Set<number>;
  smartFlags: Set<unknown>;
}

describe.each([178, 193])('market depth at server version %i', (serverVersion) => {
  let sim: Simulator;
  let client: RawApiClient;
  const books = new Map<number, ClientBook>();

  function apply(...[reqId, position, marketMaker, operation, side, price, size, smart]: L2Update) {
    const book = books.get(reqId) ?? { bids: [], asks: [], operations: new Set(), smartFlags: new Set() };
    books.set(reqId, book);
    const rows = side === 1 ? book.bids : book.asks;
    if (operation === 0) rows.splice(position, 0, { price, size, marketMaker });
    else if (operation === 1) rows[position] = { price, size, marketMaker };
    else rows.splice(position, 1);
    book.operations.add(operation);
    book.smartFlags.add(smart);
  }

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, tickRate: 0, seed: 42, accountRefreshMs: 60_000 });
    client = await connectApi(sim.port, 1, 5000, serverVersion);
    client.api.on(
      EventName.updateMktDepth,
      (id: number, position: number, operation: number, side: number, price: number, size: number) =>
        apply(id, position, '', operation, side, price, size),
    );
    client.api.on(EventName.updateMktDepthL2, (...update: L2Update) => apply(...update));
  });
  afterEach(() => client.reports.expectClean());
  afterAll(async () => {
    client.close();
    await sim.close();
  });

  const handled = async () => {
    const answer = nextEvent(client.api, EventName.currentTime);
    client.api.reqCurrentTime();
    await answer;
  };
  const aapl = () => sim.world.quote(sim.world.findInstruments({ symbol: 'AAPL', secType: 'STK' })[0]?.conId ?? 0);

  it('negotiates the version under test', () => {
    expect(sim.connections().map((connection) => connection.serverVersion)).toEqual([serverVersion]);
  });

  it('keeps a SMART depth book (updateMktDepthL2, venues) in step with the walk by insert, update and delete', async () => {
    client.api.reqMktDepth(1, AAPL, 5, true, []);
    await handled();
    const first = books.get(1);
    expect(first?.bids).toHaveLength(5);
    expect(first?.asks).toHaveLength(5);
    expect(first?.operations).toEqual(new Set([0]));
    // Walk until every kind of operation has been seen (bounded): levels inserted, resized and deleted.
    for (let round = 0; round < 40 && (round < 5 || (books.get(1)?.operations.size ?? 0) < 3); round += 1) {
      sim.step(500);
      await handled();
    }
    const quote = aapl();
    const book = books.get(1) as ClientBook;
    expect(book.bids[0]).toMatchObject({ price: quote.bid, size: quote.bidSize });
    expect(book.asks[0]).toMatchObject({ price: quote.ask, size: quote.askSize });
    expect([book.bids.length, book.asks.length]).toEqual([5, 5]);
    expect(book.bids.every((row, i) => i === 0 || row.price < (book.bids[i - 1]?.price ?? 0))).toBe(true);
    expect(book.asks.every((row, i) => i === 0 || row.price > (book.asks[i - 1]?.price ?? 0))).toBe(true);
    expect(book.operations).toEqual(new Set([0, 1, 2]));
    expect(book.bids.every((row) => row.marketMaker !== '')).toBe(true);
    expect(book.smartFlags).toEqual(new Set([true]));
  });

  it('sends an exchange book (not SMART depth) as updateMktDepth', async () => {
    client.api.reqMktDepth(2, AAPL, 3, false, []);
    await handled();
    expect(books.get(2)?.bids.map((row) => row.price)).toEqual(
      books
        .get(1)
        ?.bids.slice(0, 3)
        .map((row) => row.price),
    );
    expect(books.get(2)?.smartFlags).toEqual(new Set([undefined]));
  });

  it('allows depth on three instruments (more requests for one are fine) and answers the fourth with 309', async () => {
    client.api.reqMktDepth(3, stock('MSFT'), 5, true, []);
    client.api.reqMktDepth(4, stock('NVDA'), 5, true, []);
    client.api.reqMktDepth(5, stock('SPY'), 5, true, []);
    expect((await client.reports.code(309, 5)).message).toBe(
      'Max number (3) of market depth requests has been reached',
    );
    await handled();
    expect(books.has(3) && books.has(4)).toBe(true);
    client.api.cancelMktDepth(4, true);
    await handled();
    client.api.reqMktDepth(6, stock('SPY'), 5, true, []);
    await handled();
    expect(books.get(6)?.bids).toHaveLength(5);
    client.reports.take((entry) => entry.code === 309);
  });

  it('stops a cancelled book', async () => {
    for (const reqId of [1, 2, 3, 6]) client.api.cancelMktDepth(reqId, reqId !== 2);
    await handled();
    const sizes = JSON.stringify([...books.values()]);
    sim.step(2000);
    await handled();
    await delay(50);
    expect(JSON.stringify([...books.values()])).toBe(sizes);
  });
});
