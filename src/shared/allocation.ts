import { z } from 'zod';
import { ALLOCATION_MODES } from './enums';
import { OrderPreviewSchema, SubmitResultSchema } from './orders';
import { AccountIdSchema, ORDER_TERMS } from './ticket';

/**
 * One idea in several accounts: the same order terms sent as one order per account, each sized by the
 * chosen rule and each ruled by its own account (linked accounts under one login are not an FA structure,
 * so there is no IBKR allocation group: Gatehouse places the children itself).
 */

const positiveNumber = (message: string) => z.number({ error: message }).positive({ error: message });

export const AllocationSizingSchema = z.discriminatedUnion(
  'mode',
  [
    z.strictObject({ mode: z.literal('same'), quantity: positiveNumber('Enter the quantity for each account.') }),
    z.strictObject({
      mode: z.literal('split-net-liq'),
      total: positiveNumber('Enter the total quantity to split by net liquidation.'),
    }),
    z.strictObject({
      mode: z.literal('percent-net-liq'),
      percent: positiveNumber('Enter the percent of each account’s net liquidation.').max(100, {
        error: 'A percent of net liquidation is at most 100.',
      }),
    }),
    z.strictObject({
      mode: z.literal('per-account'),
      quantities: z.record(AccountIdSchema, z.number({ error: 'Each quantity is a number.' }).min(0)),
    }),
    z.strictObject({
      mode: z.literal('risk'),
      /** What one trade may lose if the stop is hit: dollars, or a percent of each account's net liquidation. */
      risk: positiveNumber('Enter the risk per trade.'),
      riskUnit: z.enum(['usd', 'percent'], { error: 'Risk is an amount in USD or a percent of net liquidation.' }),
      /** Where the position would be stopped out; the distance from the entry is the risk per share. */
      stopPrice: positiveNumber('Enter the stop price that bounds the risk.'),
    }),
  ],
  { error: `Choose how to size the accounts: ${ALLOCATION_MODES.join(', ')}.` },
);
export type AllocationSizing = z.infer<typeof AllocationSizingSchema>;

const accountList = (min: number, tooFew: string) =>
  z
    .array(AccountIdSchema)
    .min(min, { error: tooFew })
    .max(10, { error: 'At most 10 accounts can share one allocation.' })
    .refine((ids) => new Set(ids).size === ids.length, { error: 'Each account can be chosen once.' });

/** The order's terms; each child adds its account and quantity. */
const OrderTermsSchema = z.strictObject(ORDER_TERMS, { error: 'The order terms are missing or have unknown fields.' });

export const AllocationRequestSchema = z.strictObject({
  order: OrderTermsSchema,
  accounts: accountList(2, 'Choose at least two accounts to allocate to (one account is a normal order).'),
  sizing: AllocationSizingSchema,
});
export type AllocationRequest = z.infer<typeof AllocationRequestSchema>;
export type AllocationRequestInput = z.input<typeof AllocationRequestSchema>;

/** Sizing alone (no preview), for one account's ticket or several: the quantity each would get, and why. */
export const SizingRequestSchema = z.strictObject({
  order: OrderTermsSchema,
  accounts: accountList(1, 'Choose the account to size for.'),
  sizing: AllocationSizingSchema,
});
export type SizingRequestInput = z.input<typeof SizingRequestSchema>;

export const SizedRowSchema = z.object({
  account: z.string(),
  requested: z.number().nullable(),
  quantity: z.number(),
  sizing: z.string(),
  problem: z.string().nullable(),
});

export type SizedRow = z.infer<typeof SizedRowSchema>;

/**
 * One account's child: how it was sized (requested before rounding; quantity sent, 0 for nothing; the
 * arithmetic in words, rounding and caps shown, never hidden) and its own preview, or the problem that
 * left it without one (rounds to nothing, a figure unknown, the gateway refused).
 */
export const AllocationRowSchema = SizedRowSchema.extend({ preview: OrderPreviewSchema.nullable() });
export type AllocationRow = z.infer<typeof AllocationRowSchema>;

export const AllocationPreviewSchema = z.object({
  allocationId: z.string(),
  /** "Buy AAPL at 190.00 limit, day, in 3 accounts". */
  words: z.string(),
  rows: z.array(AllocationRowSchema),
});
export type AllocationPreview = z.infer<typeof AllocationPreviewSchema>;

export const AllocationSubmitSchema = z.strictObject({
  allocationId: z.string().min(1).max(64),
  /** The rows the person keeps (a blocked row may be dropped), each with its own acknowledgements. */
  children: z
    .array(
      z.strictObject({
        previewId: z.string().min(1).max(64),
        acknowledgements: z.array(z.string().min(1).max(64)).max(50),
      }),
    )
    .min(1, { error: 'Keep at least one account to transmit.' })
    .max(10),
});
export type AllocationSubmit = z.infer<typeof AllocationSubmitSchema>;

export const AllocationResultSchema = z.object({
  allocationId: z.string(),
  /** Per child, in the order sent: each sent or refused on its own, never reported as one. */
  children: z.array(z.object({ account: z.string(), previewId: z.string(), result: SubmitResultSchema })),
});
export type AllocationResult = z.infer<typeof AllocationResultSchema>;
