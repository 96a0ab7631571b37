import { z } from 'zod';
import { AccountIdSchema, ContractSchema } from './ticket';

/**
 * The IRA income row actions' answer: a ticket to sell a covered call or a cash-secured put, sized by what
 * the account has left to cover or secure, or — when nothing is left — no ticket and the sentence saying why.
 */

export const IncomeRequestSchema = z.strictObject({
  account: AccountIdSchema,
  /** The underlying stock's contract id (the position's or the watchlist row's). */
  conId: z.number().int().positive(),
});
export type IncomeRequest = z.infer<typeof IncomeRequestSchema>;

export const IncomeTicketSchema = z.object({
  account: AccountIdSchema,
  contract: ContractSchema,
  action: z.literal('SELL'),
  quantity: z.number().int().positive(),
  orderType: z.literal('LMT'),
  /** The option's bid when the gateway quoted one; otherwise the person prices it. */
  limitPrice: z.number().positive().optional(),
  tif: z.literal('DAY'),
});
export type IncomeTicket = z.infer<typeof IncomeTicketSchema>;

export const IncomePrefillSchema = z.object({
  /** Null when the account has nothing left to cover or secure one contract. */
  ticket: IncomeTicketSchema.nullable(),
  /** Whole contracts the account can write: 0 when no ticket. */
  contracts: z.number().int().nonnegative(),
  /** What the size rests on, e.g. "2 contracts: covered by 200 AAPL, 0 already committed." */
  sentence: z.string(),
});
export type IncomePrefill = z.infer<typeof IncomePrefillSchema>;
