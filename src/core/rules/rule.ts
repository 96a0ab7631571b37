import type { CheckOutcome, OrderTicket, SecType } from '../../shared/ticket';
import { count, plural } from '../../shared/number-words';
import type { RuleContext } from './rule-context';

export interface Verdict {
  outcome: CheckOutcome;
  message: string;
}

/**
 * One row of the rules table. A rule whose appliesTo is false yields no check at all (it is not
 * relevant to this account, instrument or side, so the confirmation dialog does not list it); a rule
 * that applies yields exactly one check, whatever its outcome.
 */
export interface Rule<Id extends string = string> {
  /** Stable id; warnings are acknowledged by it. */
  id: Id;
  /** Short label shown in the confirmation dialog. */
  rule: string;
  appliesTo(ticket: OrderTicket, ctx: RuleContext): boolean;
  evaluate(ticket: OrderTicket, ctx: RuleContext): Verdict;
}

/** Keeps each rule's id as a literal type, so the table's ids form the CheckId union. */
export function defineRule<const Id extends string>(rule: Rule<Id>): Rule<Id> {
  return rule;
}

export const pass = (message: string): Verdict => ({ outcome: 'pass', message });
export const warn = (message: string): Verdict => ({ outcome: 'warn', message });
export const block = (message: string): Verdict => ({ outcome: 'block', message });
export const info = (message: string): Verdict => ({ outcome: 'info', message });

/** True when every value is a finite number; rules check their inputs with it and fail closed. */
export function finite(...values: number[]): boolean {
  return values.every((v) => Number.isFinite(v));
}

/**
 * amount ≤ limit for money, to the cent: sums of prices in binary floating point are off by tiny
 * fractions (200,000 × 1.1 is 220,000.00000000003), which must not turn a pass into a block. False
 * when either is not a number, so a rule using it fails closed.
 */
export function fitsWithin(amount: number, limit: number): boolean {
  return Math.round(amount * 100) <= Math.round(limit * 100);
}

const UNIT: Record<Exclude<SecType, 'CASH'>, [string, string]> = {
  STK: ['share', 'shares'],
  OPT: ['contract', 'contracts'],
  FUT: ['contract', 'contracts'],
};

/** "150 shares", "2 contracts", "10,000 EUR": an amount of this instrument. */
export function units(ctx: RuleContext, n: number): string {
  const { secType, symbol } = ctx.instrument;
  if (secType === 'CASH') return `${count(n)} ${symbol}`;
  const [one, many] = UNIT[secType];
  return plural(n, one, many);
}

/** "150 AAPL", "2 AAPL 20250620 150 C", "3 ES futures", "10,000 EUR": the order's subject. */
export function subject(ctx: RuleContext, n: number): string {
  const { secType, symbol, strike, right, lastTradeDate } = ctx.instrument;
  switch (secType) {
    case 'STK':
      return `${count(n)} ${symbol}`;
    case 'OPT': {
      const kind = right === 'P' ? 'put' : 'call';
      const name = [symbol, lastTradeDate, strike === undefined ? undefined : count(strike), right]
        .filter((part) => part !== undefined)
        .join(' ');
      return `${count(n)} ${name} ${n === 1 ? kind : `${kind}s`}`;
    }
    case 'FUT':
      return `${count(n)} ${symbol} ${lastTradeDate ?? ''} ${n === 1 ? 'future' : 'futures'}`.replace(/ +/g, ' ');
    case 'CASH':
      return `${count(n)} ${symbol}`;
  }
}
