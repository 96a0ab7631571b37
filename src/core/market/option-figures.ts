import { IBApiNextTickType, IBApiTickType } from '@stoqey/ib';
import type { OptionFigures, Quote } from '../../shared/market';

/**
 * An option line's figures from its ticks. IBApiNext splits each tickOptionComputation into ticks of its own
 * (ids from 10000); the model's side is kept, being the one IBKR computes whatever the book looks like. Open
 * interest and volume come under the tick type of the option's right; a line carries only its own.
 */
const FIELDS = new Map<number, keyof OptionFigures>([
  [IBApiNextTickType.MODEL_OPTION_IV, 'iv'],
  [IBApiNextTickType.MODEL_OPTION_DELTA, 'delta'],
  [IBApiNextTickType.MODEL_OPTION_GAMMA, 'gamma'],
  [IBApiNextTickType.MODEL_OPTION_VEGA, 'vega'],
  [IBApiNextTickType.MODEL_OPTION_THETA, 'theta'],
  [IBApiNextTickType.DELAYED_MODEL_OPTION_IV, 'iv'],
  [IBApiNextTickType.DELAYED_MODEL_OPTION_DELTA, 'delta'],
  [IBApiNextTickType.DELAYED_MODEL_OPTION_GAMMA, 'gamma'],
  [IBApiNextTickType.DELAYED_MODEL_OPTION_VEGA, 'vega'],
  [IBApiNextTickType.DELAYED_MODEL_OPTION_THETA, 'theta'],
  [IBApiNextTickType.OPTION_UNDERLYING, 'underlyingPrice'],
  [IBApiTickType.OPTION_CALL_OPEN_INTEREST, 'openInterest'],
  [IBApiTickType.OPTION_PUT_OPEN_INTEREST, 'openInterest'],
  [IBApiTickType.OPTION_CALL_VOLUME, 'optionVolume'],
  [IBApiTickType.OPTION_PUT_VOLUME, 'optionVolume'],
]);

/** IB's "unset" sentinels (Java's Double and Integer MAX_VALUE). */
const UNSET = new Set([Number.MAX_VALUE, 2 ** 31 - 1]);

export function blankOptionFigures(): OptionFigures {
  return {
    iv: null,
    delta: null,
    gamma: null,
    vega: null,
    theta: null,
    underlyingPrice: null,
    openInterest: null,
    optionVolume: null,
  };
}

/** The quote after one option tick; the same object when the tick is not one, or carries no value. */
export function applyOptionTick(quote: Quote, tickType: number, value: number, receivedAt: number): Quote {
  const field = FIELDS.get(tickType);
  // IBApiNext leaves a figure IB has not computed undefined, which the feed passes on as NaN.
  if (field === undefined || quote.option === undefined || !Number.isFinite(value) || UNSET.has(value)) return quote;
  return { ...quote, option: { ...quote.option, [field]: value }, updatedAt: receivedAt };
}
