import { z } from 'zod';
import { ListingSchema } from './market';

const Price = z.number().positive().finite();

/**
 * When an alert fires. A move is measured from the price when the alert was set (its base), either way:
 * the person asked "tell me if it moves 2 % from here", not from a close that may be days old.
 */
export const AlertConditionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('above'), price: Price }),
  z.strictObject({ kind: z.literal('below'), price: Price }),
  z.strictObject({ kind: z.literal('move'), percent: z.number().positive().max(1000) }),
]);
export type AlertCondition = z.infer<typeof AlertConditionSchema>;

export const PriceAlertSchema = z.strictObject({
  id: z.string().min(1).max(64),
  listing: ListingSchema,
  condition: AlertConditionSchema,
  /** The price a move is measured from; null until the first quote after the alert was set. */
  basePrice: Price.nullable(),
  createdAt: z.number(),
  /** Set once, when it fires; a fired alert stays listed (and silent) until removed. */
  firedAt: z.number().nullable(),
  firedPrice: z.number().nullable(),
});
export type PriceAlert = z.infer<typeof PriceAlertSchema>;

export const MAX_ALERTS = 200;
