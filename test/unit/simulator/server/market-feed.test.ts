import { describe, expect, it } from 'vitest';
import { type ServerMessage } from '../../../../src/simulator/wire/messages';
import {
  quoteMessages,
  shortableMessages,
  TICK_SHORTABLE,
  TICK_SHORTABLE_SHARES,
} from '../../../../src/simulator/server/market-feed';
import { type MarketSubscription } from '../../../../src/simulator/server/subscriptions';
import { openSnapshots } from '../../../../src/simulator/server/quote-cadence';
import { AAPL, EURUSD, instrument, QUOTE } from './feed-fixtures';

const subscription = (marketDataType: number): MarketSubscription => ({
  reqId: 7,
  conId: AAPL.conId,
  marketDataType,
  shortable: false,
  snapshots: openSnapshots(250, QUOTE, 0),
});

/** tickType → value, and the message kind. */
function table(messages: ServerMessage[]): Map<number, [string, number | undefined]> {
  const byType = new Map<number, [string, number | undefined]>();
  for (const message of messages) {
    if (message.type === 'tickPrice') byType.set(message.tickType, ['price', message.price]);
    else if (message.type === 'tickSize') byType.set(message.tickType, ['size', message.size]);
    else throw new Error(`unexpected ${message.type}`);
  }
  return byType;
}

describe('quoteMessages', () => {
  it('sends a whole live quote on the live tick types, each size also on its own', () => {
    const messages = quoteMessages(subscription(1), AAPL, QUOTE, QUOTE);
    expect(messages.every((message) => 'reqId' in message && message.reqId === 7)).toBe(true);
    expect(table(messages)).toEqual(
      new Map<number, [string, number | undefined]>([
        [1, ['price', 200.1]],
        [2, ['price', 200.2]],
        [4, ['price', 200.15]],
        [0, ['size', 300]],
        [3, ['size', 400]],
        [5, ['size', 100]],
        [8, ['size', 1_000_000]],
        [6, ['price', 201]],
        [7, ['price', 198.5]],
        [9, ['price', 198.9]],
        [14, ['price', 199]],
      ]),
    );
    // The bid carries its size in the same tickPrice.
    expect(messages.find((m) => m.type === 'tickPrice' && m.tickType === 1)).toMatchObject({
      size: 300,
      attribs: { canAutoExecute: true },
    });
    expect(messages.find((m) => m.type === 'tickPrice' && m.tickType === 9)).toMatchObject({ size: undefined });
  });

  it('uses the delayed tick types 66–76 for a delayed subscription', () => {
    const types = table(quoteMessages(subscription(3), AAPL, QUOTE, QUOTE));
    expect([...types.keys()].sort((a, b) => a - b)).toEqual([66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76]);
    expect(types.get(66)).toEqual(['price', 200.1]);
    expect(types.get(68)).toEqual(['price', 200.15]);
    expect(types.get(74)).toEqual(['size', 1_000_000]);
    expect(types.get(75)).toEqual(['price', 198.9]);
    expect(table(quoteMessages(subscription(4), AAPL, QUOTE, QUOTE)).has(66)).toBe(true);
  });

  it('sends only what changed, with the size that rides on a changed price', () => {
    const messages = quoteMessages(subscription(1), AAPL, { ask: 200.3 }, { ...QUOTE, ask: 200.3 });
    expect(messages).toEqual([
      {
        type: 'tickPrice',
        reqId: 7,
        tickType: 2,
        price: 200.3,
        size: 400,
        attribs: { canAutoExecute: true, pastLimit: false, preOpen: false },
      },
      { type: 'tickSize', reqId: 7, tickType: 3, size: 400 },
    ]);
    expect(quoteMessages(subscription(1), AAPL, { volume: 5 }, { ...QUOTE, volume: 5 })).toEqual([
      { type: 'tickSize', reqId: 7, tickType: 8, size: 5 },
    ]);
    expect(quoteMessages(subscription(1), AAPL, {}, QUOTE)).toEqual([]);
  });

  it('sends FX quotes without last, last size or volume', () => {
    const types = table(quoteMessages({ ...subscription(1), conId: EURUSD.conId }, EURUSD, QUOTE, QUOTE));
    expect([...types.keys()].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 6, 7, 9, 14]);
    const delayed = table(quoteMessages({ ...subscription(3), conId: EURUSD.conId }, EURUSD, QUOTE, QUOTE));
    expect([...delayed.keys()].sort((a, b) => a - b)).toEqual([66, 67, 69, 70, 72, 73, 75, 76]);
    expect(quoteMessages(subscription(1), EURUSD, { last: 1.1, volume: 9 }, QUOTE)).toEqual([]);
  });
});

describe('shortableMessages', () => {
  it.each([
    ['AAPL', 3],
    ['GME', 2],
    ['AMC', 1],
    ['BYND', 1],
  ])('grades %s as %d', (symbol, level) => {
    const stock = instrument(symbol, 'STK');
    expect(shortableMessages(5, stock)).toEqual([
      { type: 'tickGeneric', reqId: 5, tickType: TICK_SHORTABLE, value: level },
      { type: 'tickSize', reqId: 5, tickType: TICK_SHORTABLE_SHARES, size: stock.shortableShares },
    ]);
  });
});
