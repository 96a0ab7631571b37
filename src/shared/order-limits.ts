import { z } from 'zod';

/**
 * The trading limits a person sets (settings.json → "orders"). The defaults are written into the file
 * so they are visible and editable; every other limit keeps the rules engine's documented default.
 */
export const OrderLimitSettingsSchema = z.strictObject({
  /** Largest stock or ETF order, in shares. */
  maxShares: z.number().int().positive().default(1_000),
  /** Largest order value, in US dollars. */
  maxNotionalUsd: z.number().positive().default(250_000),
  /** A limit or stop price this many percent from the mid (or last) draws a warning. */
  priceDeviationPct: z.number().positive().max(100).default(5),
  /** Orders a day (all accounts) after which further orders are refused. */
  maxOrdersPerDay: z.number().int().positive().default(50),
  /** Orders in any 60 seconds after which further orders are refused. */
  maxOrdersPerMinute: z.number().int().positive().default(5),
  /** Symbols treated as MLPs (UBTI) besides those IBKR marks as MLP. */
  mlpSymbols: z.array(z.string().min(1).max(12)).max(500).default([]),
});
export type OrderLimitSettings = z.infer<typeof OrderLimitSettingsSchema>;
