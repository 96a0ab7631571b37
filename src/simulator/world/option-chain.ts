import { occSymbol, optionChainExpiries, yearsUntil, yyyymmdd } from './expiries';
import { type Listing } from './instruments';
import { smileVolatility, type OptionInputs } from './option-pricing';
import { mixSeed } from './random';
import { type Instrument, type Right } from './types';

/**
 * The listed options of an optionable underlying: every expiry of its chain times strikes around its reference
 * price, calls and puts. A pure function of the underlying and the clock, so every request, the contract
 * details and the chain parameters see the same contracts with the same conIds.
 */

/** Strikes each side of the money, as a liquid US chain lists near-term. */
export const STRIKES_EACH_SIDE = 15;
/** The venues IBKR answers reqSecDefOptParams with for a US equity chain: one entry each. */
export const OPTION_EXCHANGES = ['SMART', 'AMEX', 'CBOE', 'ISE', 'PHLX'] as const;

const OPTION_CON_ID_BASE = 710_000_000;
const CON_IDS_PER_UNDERLYING = 1_000_000;
const DAY_MS = 86_400_000;
const RIGHTS: Right[] = ['C', 'P'];

/** The listing exchanges' strike spacing: finer for cheaper underlyings. */
export function strikeIncrement(price: number): number {
  if (price < 25) return 0.5;
  if (price < 50) return 1;
  if (price < 200) return 2.5;
  return 5;
}

export function chainStrikes(referencePrice: number): number[] {
  const step = strikeIncrement(referencePrice);
  const atTheMoney = Math.round(referencePrice / step) * step;
  return Array.from({ length: 2 * STRIKES_EACH_SIDE + 1 }, (_, index) => {
    const strike = atTheMoney + (index - STRIKES_EACH_SIDE) * step;
    return Math.round(strike * 100) / 100;
  }).filter((strike) => strike > 0);
}

/**
 * conIds stay put for a contract's life: the underlying's place in the optionable list, the expiry's day
 * number, the strike's place in the chain and the right each own a digit range.
 */
function optionConId(underlyingIndex: number, expiry: Date, strikeIndex: number, right: Right): number {
  const day = Math.round(expiry.getTime() / DAY_MS) % 1000;
  return (
    OPTION_CON_ID_BASE +
    underlyingIndex * CON_IDS_PER_UNDERLYING +
    day * 100 +
    strikeIndex * 2 +
    (right === 'P' ? 1 : 0)
  );
}

export function optionChain(underlying: Listing, underlyingIndex: number, nowMs: number): Listing[] {
  const under = underlying.instrument;
  const strikes = chainStrikes(underlying.referencePrice);
  return optionChainExpiries(nowMs).flatMap((expiry) => {
    const lastTradeDate = yyyymmdd(expiry);
    const yearsToExpiry = yearsUntil(expiry, nowMs);
    return strikes.flatMap((strike, strikeIndex) =>
      RIGHTS.map((right): Listing => ({
        instrument: {
          ...under,
          conId: optionConId(underlyingIndex, expiry, strikeIndex, right),
          secType: 'OPT',
          primaryExchange: '',
          localSymbol: occSymbol(under.symbol, lastTradeDate, right, strike),
          tradingClass: under.symbol,
          multiplier: 100,
          lastTradeDate,
          strike,
          right,
          stockType: '',
          minTick: 0.01,
          shortableShares: 0,
          underConId: under.conId,
        },
        referencePrice: 0,
        // Option premiums swing several times as much as their stock; history uses this.
        dailyVol: underlying.dailyVol * 4,
        lot: 1,
        spreadTicks: 2,
        yearsToExpiry,
      })),
    );
  });
}

/**
 * Open interest and the day's volume of one contract: fixed per contract (hashed from its conId), largest at
 * the money and thinning out, as real chains look.
 */
export function optionActivity(option: Instrument, spot: number): { openInterest: number; volume: number } {
  const hash = mixSeed(option.conId);
  const distance = Math.abs(Math.log(option.strike / spot));
  const liquidity = Math.exp(-distance * 12);
  return {
    openInterest: Math.round((500 + (hash % 20_000)) * liquidity),
    volume: Math.round((50 + ((hash >>> 16) % 5_000)) * liquidity),
  };
}

/** Trading days a year: turns an underlying's daily volatility into the annual one options are quoted in. */
const TRADING_DAYS = 252;

/** The underlying's at-the-money volatility: the same daily volatility its walk moves with, annualised. */
export function atTheMoneyVolatility(underlying: Listing): number {
  return underlying.dailyVol * Math.sqrt(TRADING_DAYS);
}

/** What the model needs to price `option` with its underlying at `spot`, on the smile. */
export function optionInputs(option: Listing, underlying: Listing, spot: number): OptionInputs {
  const { right, strike } = option.instrument;
  return {
    right: right === 'P' ? 'P' : 'C',
    spot,
    strike,
    years: option.yearsToExpiry,
    vol: smileVolatility(atTheMoneyVolatility(underlying), spot, strike),
  };
}

/** One trading class of an underlying's chain, as reqSecDefOptParams lists it. */
export interface ChainParameters {
  tradingClass: string;
  multiplier: number;
  expirations: string[];
  strikes: number[];
}

export function chainParameters(catalog: readonly Instrument[], underConId: number): ChainParameters[] {
  const classes = new Map<string, { multiplier: number; expirations: Set<string>; strikes: Set<number> }>();
  for (const option of catalog) {
    if (option.secType !== 'OPT' || option.underConId !== underConId) continue;
    let chain = classes.get(option.tradingClass);
    if (!chain) {
      chain = { multiplier: option.multiplier, expirations: new Set(), strikes: new Set() };
      classes.set(option.tradingClass, chain);
    }
    chain.expirations.add(option.lastTradeDate);
    chain.strikes.add(option.strike);
  }
  return [...classes].map(([tradingClass, chain]) => ({
    tradingClass,
    multiplier: chain.multiplier,
    expirations: [...chain.expirations].sort(),
    strikes: [...chain.strikes].sort((a, b) => a - b),
  }));
}
