import { describe, expect, it } from 'vitest';
import { optionComputations, optionGenericMessages } from '../../../../src/simulator/server/option-feed';
import { type MarketSubscription } from '../../../../src/simulator/server/subscriptions';
import { World, type Instrument } from '../../../../src/simulator/world';
import { greeks } from '../../../../src/simulator/world/option-pricing';

const world = new World({ seed: 42, now: () => Date.UTC(2025, 5, 10, 15, 0, 0) });
const only = (query: Parameters<World['findInstruments']>[0]): Instrument => {
  const [found, ...rest] = world.findInstruments(query);
  if (!found || rest.length > 0) throw new Error(`no single instrument for ${JSON.stringify(query)}`);
  return found;
};
const AAPL = only({ symbol: 'AAPL', secType: 'STK' });
const CALL = only({ symbol: 'AAPL', secType: 'OPT', lastTradeDate: '20250815', strike: 230, right: 'C' });

describe('option generic ticks', () => {
  it('sum the chain on the underlying: open interest 27/28, volume 29/30, volatilities 23/24', () => {
    const messages = optionGenericMessages(world, 7, AAPL, '100,101,104,106');
    const listed = world.options.listed(AAPL.conId);
    const total = (right: string, field: 'openInterest' | 'volume') =>
      listed
        .filter((option) => option.right === right)
        .reduce((sum, option) => sum + (world.options.activity(option.conId)?.[field] ?? 0), 0);
    const volatility = world.options.underlyingVolatility(AAPL.conId);
    expect(messages).toEqual([
      { type: 'tickSize', reqId: 7, tickType: 29, size: total('C', 'volume') },
      { type: 'tickSize', reqId: 7, tickType: 30, size: total('P', 'volume') },
      { type: 'tickSize', reqId: 7, tickType: 27, size: total('C', 'openInterest') },
      { type: 'tickSize', reqId: 7, tickType: 28, size: total('P', 'openInterest') },
      { type: 'tickGeneric', reqId: 7, tickType: 23, value: volatility?.historical },
      { type: 'tickGeneric', reqId: 7, tickType: 24, value: volatility?.implied },
    ]);
    expect(total('C', 'openInterest')).toBeGreaterThan(0);
  });

  it('send only what was asked, and nothing for an underlying without options', () => {
    expect(optionGenericMessages(world, 7, AAPL, '236').map((m) => m.type)).toEqual([]);
    expect(optionGenericMessages(world, 7, CALL, '101').map((m) => 'tickType' in m && m.tickType)).toEqual([27]);
    expect(optionGenericMessages(world, 7, only({ symbol: 'KO', secType: 'STK' }), '100,101,104,106')).toEqual([]);
  });
});

describe('option computations', () => {
  const line = (marketDataType: number) => ({ reqId: 3, conId: CALL.conId, marketDataType }) as MarketSubscription;

  it('go out for each side that ticked and for the model, under the delayed types when delayed', () => {
    const inputs = world.options.inputs(CALL.conId);
    if (!inputs) throw new Error('no inputs');
    const model = greeks(inputs);
    const live = optionComputations(line(1), inputs, { bid: model.price - 0.05 });
    expect(live.map((m) => 'tickType' in m && m.tickType)).toEqual([10, 13]);
    expect(live[1]).toMatchObject({
      computation: { impliedVol: inputs.vol, delta: model.delta, undPrice: inputs.spot },
    });
    const delayed = optionComputations(line(3), inputs, { ask: model.price + 0.05, last: model.price });
    expect(delayed.map((m) => 'tickType' in m && m.tickType)).toEqual([81, 82, 83]);
  });

  it('leave the volatility and greeks uncomputed for a price no volatility gives', () => {
    const inputs = world.options.inputs(CALL.conId);
    if (!inputs) throw new Error('no inputs');
    // A call is never worth more than its underlying.
    const [bid] = optionComputations(line(1), inputs, { bid: inputs.spot + 1 });
    expect(bid).toMatchObject({ computation: { optPrice: inputs.spot + 1, undPrice: inputs.spot } });
    expect(bid && 'computation' in bid && bid.computation.impliedVol).toBeUndefined();
    expect(bid && 'computation' in bid && bid.computation.delta).toBeUndefined();
  });
});
