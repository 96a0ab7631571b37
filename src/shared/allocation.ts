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
  ],
  { error: `Choose how to size the accounts: ${ALLOCATION_MODES.join(', ')}.` },
);
export type AllocationSizing = z.infer<typeof AllocationSizingSchema>;

export const AllocationRequestSchema = z.strictObject({
  /** The order's terms; each child adds its account and quantity. */
  order: z.strictObject(ORDER_TERMS, { error: 'The order terms are missing or have unknown fields.' }),
  accounts: z
    .array(AccountIdSchema)
    .min(2, { error: 'Choose at least two accounts to allocate to (one account is a normal order).' })
    .max(10, { error: 'At most 10 accounts can share one allocation.' })
    .refine((ids) => new Set(ids).size === ids.length, { error: 'Each account can be chosen once.' }),
  sizing: AllocationSizingSchema,
});
export type AllocationRequest = z.infer<typeof AllocationRequestSchema>;
export type AllocationRequestInput = z.input<typeof AllocationRequestSchema>;

/** One account's child: how it was sized (rounding shown, never hidden) and its own preview or why none. */
export const AllocationRowSchema = z.object({
  account: z.string(),
  /** Before rounding, e.g. 33.33 of a split. */
  requested: z.number().nullable(),
  /** Whole shares or contracts sent; 0 when nothing is sent for this account. */
  quantity: z.number(),
  /** How the quantity was found: "33 of 100 by net liquidation ($125,000.00 of $375,000.00), rounded down from 33.33". */
  sizing: z.string(),
  preview: OrderPreviewSchema.nullable(),
  /** Why this account has no preview (rounds to nothing, net liquidation unknown, the gateway refused). */
  problem: z.string().nullable(),
});
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
