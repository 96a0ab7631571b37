import { z } from 'zod';
import { CheckSchema, ContractSchema } from './ticket';
import { QuoteUsedSchema, SubmitResultSchema, WhatIfFiguresSchema } from './orders';
import { TradingModeSchema } from './session';

/**
 * A roll: buy a short option back and sell another of the same underlying and right (a new expiry, a new
 * strike) in one IBKR combo (BAG) order with one net limit, ruled and sent as one.
 */

export const RollRequestSchema = z.strictObject({
  account: z.string().min(1).max(32),
  /** The short option bought back, as its position row names it. */
  close: ContractSchema,
  /** The option sold in its place: same symbol and right. */
  open: z.strictObject({
    lastTradeDate: z.string().regex(/^\d{8}$/, { error: 'An expiry is written YYYYMMDD, such as 20270115.' }),
    strike: z.number().positive({ error: 'A strike is a positive price.' }),
  }),
  contracts: z.number().int().positive({ error: 'Roll at least one contract.' }),
  /** Net limit per contract in IBKR's combo sign: positive a debit paid, negative a credit received. */
  netLimit: z.number({ error: 'Give the roll a net limit price.' }).finite(),
});
export type RollRequest = z.infer<typeof RollRequestSchema>;
export type RollRequestInput = z.input<typeof RollRequestSchema>;

const RollLegViewSchema = z.object({
  role: z.enum(['close', 'open']),
  /** The leg's own preview: its quote line is given back (orders.discard) when the roll is not sent. */
  previewId: z.string(),
  words: z.string(),
  quote: QuoteUsedSchema.nullable(),
});

export const RollPreviewSchema = z.object({
  groupId: z.string(),
  mode: TradingModeSchema,
  /** "Roll 2 AAPL 20261218 200 C to 20270115 210 C for a net credit of 1.25, in Roth IRA DU1000001". */
  words: z.string(),
  checks: z.array(CheckSchema),
  blocked: z.boolean(),
  toAcknowledge: z.array(z.string()),
  legs: z.array(RollLegViewSchema),
  /** The gateway's what-if of the whole combo (IBKR judges the combo, not its legs); why not, when none. */
  whatIf: WhatIfFiguresSchema.nullable(),
  whatIfProblem: z.string().nullable(),
  /** The net market per contract from the legs' quotes (debit positive); null when a leg has no quote. */
  netMarket: z.object({ bid: z.number(), ask: z.number() }).nullable(),
});
export type RollPreview = z.infer<typeof RollPreviewSchema>;

export const RollSubmitSchema = z.strictObject({
  groupId: z.string().min(1).max(64),
  acknowledgements: z.array(z.string().min(1).max(64)).max(100),
});
export type RollSubmit = z.infer<typeof RollSubmitSchema>;

export const RollResultSchema = z.object({ groupId: z.string(), result: SubmitResultSchema });
export type RollResult = z.infer<typeof RollResultSchema>;
