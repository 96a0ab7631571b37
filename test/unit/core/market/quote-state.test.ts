import { IBApiNextTickType, IBApiTickType } from '@stoqey/ib';
import { describe, expect, it } from 'vitest';
import { applyTick, initialQuote, TICK, withMarketDataType } from '../../../../src/core/market/quote-state';
import { QuoteSchema, type Quote } from '../../../../src/shared/market';

const T0 = 1_700_000_000_000;
const blank = (): Quote => Object.freeze(initialQuote(265598, 'AAPL', 'live', T0));
const tick = (quote: Quote, tickType: number, value: number, receivedAt = T0 + 5): Quote =>
  applyTick(quote, { tickType, value, receivedAt });

describe('TICK', () => {
  it('uses the ids of IB’s TickType as @stoqey/ib defines them', () => {
    for (const [name, id] of Object.entries(TICK)) {
      expect(IBApiTickType[name as keyof typeof IBApiTickType], name).toBe(id);
    }
  });
});

describe('applyTick', () => {
  it.each([
    ['bid', TICK.BID, TICK.DELAYED_BID, 187.25],
    ['ask', TICK.ASK, TICK.DELAYED_ASK, 187.27],
    ['last', TICK.LAST, TICK.DELAYED_LAST, 187.26],
    ['high', TICK.HIGH, TICK.DELAYED_HIGH, 189.1],
    ['low', TICK.LOW, TICK.DELAYED_LOW, 185.02],
    ['close', TICK.CLOSE, TICK.DELAYED_CLOSE, 186.0],
    ['open', TICK.OPEN, TICK.DELAYED_OPEN, 186.5],
    ['bidSize', TICK.BID_SIZE, TICK.DELAYED_BID_SIZE, 300],
    ['askSize', TICK.ASK_SIZE, TICK.DELAYED_ASK_SIZE, 200],
    ['lastSize', TICK.LAST_SIZE, TICK.DELAYED_LAST_SIZE, 100],
    ['volume', TICK.VOLUME, TICK.DELAYED_VOLUME, 1_234_567],
  ] as const)('folds %s from its live id and its delayed id', (field, liveId, delayedId, value) => {
    const live = tick(blank(), liveId, value);
    expect(live[field]).toBe(value);
    expect(live.marketDataType).toBe('live');
    expect(live.updatedAt).toBe(T0 + 5);

    const delayed = tick(blank(), delayedId, value);
    expect(delayed[field]).toBe(value);
    expect(delayed.marketDataType).toBe('delayed');
  });

  it('keeps every other field as it was', () => {
    const quote = tick(tick(blank(), TICK.BID, 10), TICK.ASK, 10.02);
    expect(quote).toEqual({ ...blank(), bid: 10, ask: 10.02, updatedAt: T0 + 5 });
  });

  it('takes the last trade time from seconds (live 45, delayed 88) to epoch ms', () => {
    expect(tick(blank(), TICK.LAST_TIMESTAMP, 1_700_000_123).lastTradeAt).toBe(1_700_000_123_000);
    const delayed = tick(blank(), TICK.DELAYED_LAST_TIMESTAMP, 1_700_000_123);
    expect(delayed.lastTradeAt).toBe(1_700_000_123_000);
    expect(delayed.marketDataType).toBe('delayed');
  });

  it('keeps the shortability indicator (46) and the shortable shares (89)', () => {
    const quote = tick(tick(blank(), TICK.SHORTABLE, 3), TICK.SHORTABLE_SHARES, 25_000);
    expect(quote.shortable).toBe(3);
    expect(quote.shortableShares).toBe(25_000);
    expect(quote.marketDataType).toBe('live');
  });

  it('is pure: the quote it was given is not changed', () => {
    const before = blank();
    const after = tick(before, TICK.BID, 10);
    expect(after).not.toBe(before);
    expect(before.bid).toBeNull();
  });

  it('refreshes updatedAt on a repeated value: the feed is alive', () => {
    const first = tick(blank(), TICK.BID, 10, T0 + 1);
    const again = tick(first, TICK.BID, 10, T0 + 900);
    expect(again.updatedAt).toBe(T0 + 900);
  });

  describe('change and changePct', () => {
    it('follow last and the previous close, whichever arrives first', () => {
      const closeFirst = tick(tick(blank(), TICK.CLOSE, 200), TICK.LAST, 205);
      const lastFirst = tick(tick(blank(), TICK.LAST, 205), TICK.CLOSE, 200);
      for (const quote of [closeFirst, lastFirst]) {
        expect(quote.change).toBe(5);
        expect(quote.changePct).toBe(2.5);
      }
    });

    it('are recomputed on every new last, downwards too', () => {
      const quote = tick(tick(tick(blank(), TICK.CLOSE, 200), TICK.LAST, 205), TICK.DELAYED_LAST, 190);
      expect(quote.change).toBe(-10);
      expect(quote.changePct).toBe(-5);
    });

    it('are null until both are known', () => {
      expect(tick(blank(), TICK.LAST, 205).change).toBeNull();
      expect(tick(blank(), TICK.CLOSE, 200).changePct).toBeNull();
    });

    it('give no percentage against a zero close', () => {
      const quote = tick(tick(blank(), TICK.CLOSE, 0), TICK.LAST, 0.05);
      expect(quote.change).toBe(0.05);
      expect(quote.changePct).toBeNull();
    });

    it('become null again when IB withdraws the last price', () => {
      const quote = tick(tick(tick(blank(), TICK.CLOSE, 200), TICK.LAST, 205), TICK.LAST, -1);
      expect(quote.last).toBeNull();
      expect(quote.change).toBeNull();
      expect(quote.changePct).toBeNull();
    });
  });

  describe("IB's no-value markers", () => {
    const withBid = () => tick(tick(blank(), TICK.BID, 10), TICK.BID_SIZE, 500);

    it('a price of -1 means none right now: the field becomes null, not the old price', () => {
      const quote = tick(withBid(), TICK.BID, -1, T0 + 9);
      expect(quote.bid).toBeNull();
      expect(quote.updatedAt).toBe(T0 + 9);
      expect(tick(withBid(), TICK.DELAYED_BID, -1).bid).toBeNull();
    });

    it('a negative size is none: the field becomes null', () => {
      expect(tick(withBid(), TICK.BID_SIZE, -1).bidSize).toBeNull();
      expect(tick(withBid(), TICK.DELAYED_VOLUME, -1).volume).toBeNull();
    });

    it.each([
      ['Double.MAX_VALUE', Number.MAX_VALUE],
      ['Integer.MAX_VALUE', 2_147_483_647],
      ['Long.MAX_VALUE', 2 ** 63],
      ['NaN', Number.NaN],
      ['Infinity', Number.POSITIVE_INFINITY],
    ])('an unset value (%s) carries nothing: the same quote comes back', (_name, value) => {
      const quote = withBid();
      expect(tick(quote, TICK.BID, value)).toBe(quote);
      expect(tick(quote, TICK.BID_SIZE, value)).toBe(quote);
      expect(tick(quote, TICK.VOLUME, value)).toBe(quote);
    });

    it('a zero price is a price (far out-of-the-money options bid 0)', () => {
      expect(tick(withBid(), TICK.BID, 0).bid).toBe(0);
      expect(tick(withBid(), TICK.BID_SIZE, 0).bidSize).toBe(0);
    });

    it('a zero or negative timestamp carries nothing', () => {
      const quote = withBid();
      expect(tick(quote, TICK.LAST_TIMESTAMP, 0)).toBe(quote);
      expect(tick(quote, TICK.LAST_TIMESTAMP, -1)).toBe(quote);
    });
  });

  it('ignores tick types a quote does not keep', () => {
    const quote = blank();
    for (const other of [TICK.BID + 9.5, 10, 21, 48, 49, 84, 2_147_483_647, -1]) {
      expect(tick(quote, other, 12)).toBe(quote);
    }
  });

  describe('the market data type label', () => {
    it('a delayed tick on a quote labelled frozen makes it delayed-frozen', () => {
      const frozen = initialQuote(1, 'X', 'frozen', T0);
      expect(tick(frozen, TICK.DELAYED_BID, 1).marketDataType).toBe('delayed-frozen');
    });

    it('a live-id tick never relabels a delayed quote as live: only IB’s marketDataType message does', () => {
      const delayed = tick(blank(), TICK.DELAYED_BID, 1);
      expect(tick(delayed, TICK.BID, 2).marketDataType).toBe('delayed');
      expect(withMarketDataType(delayed, 'live').marketDataType).toBe('live');
    });

    it('withMarketDataType returns the same quote when nothing changes, and leaves updatedAt alone', () => {
      const quote = blank();
      expect(withMarketDataType(quote, 'live')).toBe(quote);
      const relabelled = withMarketDataType(quote, 'delayed');
      expect(relabelled.marketDataType).toBe('delayed');
      expect(relabelled.updatedAt).toBe(T0);
    });
  });

  it('produces quotes the shared schema accepts', () => {
    let quote = blank();
    for (const [type, value] of [
      [TICK.BID, 1],
      [TICK.ASK, 2],
      [TICK.LAST, 1.5],
      [TICK.CLOSE, 1.4],
      [TICK.VOLUME, 10],
      [TICK.SHORTABLE, 2],
    ] as const) {
      quote = tick(quote, type, value);
    }
    expect(QuoteSchema.parse(quote)).toEqual(quote);
  });
});

describe('applyTick on an option line', () => {
  const option = (): Quote => Object.freeze(initialQuote(710_000_001, 'AAPL', 'live', T0, true));

  it('keeps the model greeks, live or delayed, the underlying price, open interest and volume', () => {
    let quote = option();
    quote = tick(quote, IBApiNextTickType.MODEL_OPTION_IV, 0.27);
    quote = tick(quote, IBApiNextTickType.MODEL_OPTION_DELTA, -1);
    quote = tick(quote, IBApiNextTickType.DELAYED_MODEL_OPTION_GAMMA, 0.02);
    quote = tick(quote, IBApiNextTickType.MODEL_OPTION_VEGA, 0.31);
    quote = tick(quote, IBApiNextTickType.MODEL_OPTION_THETA, -0.05);
    quote = tick(quote, IBApiNextTickType.OPTION_UNDERLYING, 228.5);
    quote = tick(quote, IBApiTickType.OPTION_PUT_OPEN_INTEREST, 1200);
    quote = tick(quote, IBApiTickType.OPTION_PUT_VOLUME, 75);
    expect(quote.option).toEqual({
      iv: 0.27,
      delta: -1,
      gamma: 0.02,
      vega: 0.31,
      theta: -0.05,
      underlyingPrice: 228.5,
      openInterest: 1200,
      optionVolume: 75,
    });
    expect(QuoteSchema.parse(quote)).toEqual(quote);
  });

  it('ignores the bid and ask sides, an uncomputed figure (NaN), and greeks on a stock line', () => {
    const quote = option();
    expect(tick(quote, IBApiNextTickType.BID_OPTION_DELTA, 0.5)).toBe(quote);
    expect(tick(quote, IBApiNextTickType.MODEL_OPTION_DELTA, Number.NaN)).toBe(quote);
    expect(tick(quote, IBApiNextTickType.MODEL_OPTION_DELTA, Number.MAX_VALUE)).toBe(quote);
    const stock = blank();
    expect(tick(stock, IBApiNextTickType.MODEL_OPTION_DELTA, 0.5)).toBe(stock);
    expect(stock.option).toBeUndefined();
  });
});
