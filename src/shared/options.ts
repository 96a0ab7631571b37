import { z } from 'zod';
import { QuoteSchema } from './market';

/** An expiry as IBKR writes it (YYYYMMDD). */
const Expiry = z.string().regex(/^\d{8}$/, 'an expiry is YYYYMMDD');
const ConId = z.number().int().positive();

export const OptionRightSchema = z.enum(['C', 'P']);
export type OptionRight = z.infer<typeof OptionRightSchema>;

/** Monthly: the third-Friday standard expiry. Weekly: any other listed Friday (or holiday Thursday). */
export const ExpiryKindSchema = z.enum(['monthly', 'weekly']);
export type ExpiryKind = z.infer<typeof ExpiryKindSchema>;

export const ChainExpirySchema = z.object({ expiry: Expiry, kind: ExpiryKindSchema });
export type ChainExpiry = z.infer<typeof ChainExpirySchema>;

/** The underlying a chain is asked for: the symbol, and its conId when the window knows it. */
export const UnderlyingSchema = z.strictObject({
  symbol: z.string().trim().min(1).max(32),
  conId: ConId.optional(),
});
export type Underlying = z.infer<typeof UnderlyingSchema>;

/** What reqSecDefOptParams lists for an underlying's own trading class on SMART. */
export const OptionChainSchema = z.object({
  underlying: z.object({ symbol: z.string(), conId: ConId, currency: z.string() }),
  tradingClass: z.string(),
  multiplier: z.number().positive(),
  expiries: z.array(ChainExpirySchema),
  strikes: z.array(z.number().positive()),
});
export type OptionChain = z.infer<typeof OptionChainSchema>;

/** One listed option, as contract details name it. */
export const OptionContractSchema = z.object({
  conId: ConId,
  symbol: z.string(),
  right: OptionRightSchema,
  strike: z.number().positive(),
  expiry: Expiry,
  multiplier: z.number().positive(),
  localSymbol: z.string(),
  currency: z.string(),
  exchange: z.string(),
});
export type OptionContract = z.infer<typeof OptionContractSchema>;

/** One strike of the chain: its call and put side by side (null where none is listed). */
export const ChainRowSchema = z.object({
  strike: z.number().positive(),
  call: OptionContractSchema.nullable(),
  put: OptionContractSchema.nullable(),
});
export type ChainRow = z.infer<typeof ChainRowSchema>;

export const ChainRowsSchema = z.object({
  underlyingConId: ConId,
  expiry: Expiry,
  /** The strike nearest the underlying's price; null when the gateway has given no price yet. */
  atTheMoney: z.number().positive().nullable(),
  /** The price the at-the-money strike was picked at. */
  underlyingPrice: z.number().positive().nullable(),
  rows: z.array(ChainRowSchema),
});
export type ChainRows = z.infer<typeof ChainRowsSchema>;

export const WatchedOptionsSchema = z.object({
  /** Options now holding a market data line for the chain. */
  watching: z.array(ConId),
  /** Options the window asked for that got no line: the allowance is used up. */
  refused: z.array(ConId),
  /** Why some got no line, in a sentence; null when all did. */
  message: z.string().nullable(),
  /** Latest quotes of the options watched, so rows scrolled back in start filled in. */
  quotes: z.array(QuoteSchema),
});
export type WatchedOptions = z.infer<typeof WatchedOptionsSchema>;

export const HeldOptionsSchema = z.object({
  /** The terms of each held option IB described: its underlying, multiplier, strike, right and expiry. */
  options: z.array(OptionContractSchema),
  /** Held options left without a quote line (the allowance is used up): their greeks stay unknown. */
  unwatched: z.array(ConId),
});
export type HeldOptions = z.infer<typeof HeldOptionsSchema>;
