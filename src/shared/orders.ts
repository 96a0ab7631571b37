import { z } from 'zod';
import { AUDIT_KINDS, KIND_SOURCES } from './enums';
import { MarketDataTypeSchema } from './market';
import { TradingModeSchema } from './session';
import { AccountKindSchema, CheckSchema, OrderTicketSchema } from './ticket';

/**
 * What the orders service says about a ticket (its preview), an order it sent (its tracked state),
 * the kill switch and the audit log. Everything here crosses the IPC boundary.
 */

/**
 * An account as the ticket's picker shows it: its id, the kind the rules use, where that kind came from,
 * and a badge label. A null kind is not known yet: the account cannot be chosen until it is.
 */
export const TicketAccountSchema = z.object({
  id: z.string(),
  kind: AccountKindSchema.nullable(),
  kindSource: z.enum(KIND_SOURCES).nullable(),
  label: z.string(),
  /** IBKR's AccountType summary tag as reported; null when the gateway has not said. */
  ibAccountType: z.string().nullable(),
});
export type TicketAccount = z.infer<typeof TicketAccountSchema>;

/** The gateway's what-if answer for this order (IBKR's OrderState); money in the account's base currency. */
export const WhatIfFiguresSchema = z.object({
  commission: z.number().nullable(),
  commissionCurrency: z.string().nullable(),
  initMarginChange: z.number().nullable(),
  maintMarginChange: z.number().nullable(),
  initMarginAfter: z.number().nullable(),
  maintMarginAfter: z.number().nullable(),
  equityWithLoanAfter: z.number().nullable(),
  /** IBKR's own warning text for the order, when it gave one. */
  warning: z.string().nullable(),
});
export type WhatIfFigures = z.infer<typeof WhatIfFiguresSchema>;

/** The quote the checks were run against. */
export const QuoteUsedSchema = z.object({
  bid: z.number().nullable(),
  ask: z.number().nullable(),
  last: z.number().nullable(),
  marketDataType: MarketDataTypeSchema,
  /** Epoch ms of the latest tick in it. */
  receivedAt: z.number(),
});
export type QuoteUsed = z.infer<typeof QuoteUsedSchema>;

/** The legs of IBKR's bracket: the entry (the parent) and its two exits (children in one OCA group). */
export const BRACKET_ROLES = ['entry', 'take-profit', 'stop-loss'] as const;
export const BracketRoleSchema = z.enum(BRACKET_ROLES);
export type BracketRole = z.infer<typeof BracketRoleSchema>;

/** Which bracket an order is a leg of, and which leg. */
export const BracketLegSchema = z.object({ groupId: z.string(), role: BracketRoleSchema });
export type BracketLeg = z.infer<typeof BracketLegSchema>;

export const OrderPreviewSchema = z.object({
  /** Quote it to submit; it is good for one order, within its lifetime. */
  previewId: z.string(),
  ticket: OrderTicketSchema,
  account: TicketAccountSchema,
  mode: TradingModeSchema,
  /** The order in words: "Buy 100 AAPL at 190.00 limit, day, in Roth IRA DU1000001". */
  words: z.string(),
  checks: z.array(CheckSchema),
  /** True when any check blocks: the order cannot be sent. */
  blocked: z.boolean(),
  /** Ids of the warnings the person must acknowledge, one by one. */
  toAcknowledge: z.array(z.string()),
  whatIf: WhatIfFiguresSchema.nullable(),
  /** Why there is no what-if, when there is none (the gateway refused it, or did not answer). */
  whatIfProblem: z.string().nullable(),
  quote: QuoteUsedSchema.nullable(),
  /** The allocation this order is one account's child of; null for a single order. */
  allocationId: z.string().nullable(),
  /** Set when the order is one leg of a bracket: sent only with its bracket. */
  leg: BracketLegSchema.optional(),
  createdAt: z.number(),
  expiresAt: z.number(),
});
export type OrderPreview = z.infer<typeof OrderPreviewSchema>;

/** Gatehouse's view of an order's life; ibStatus keeps the gateway's own word. */
export const OrderPhaseSchema = z.enum([
  /** The intent is on disk and the order is on its way to the gateway. */
  'sending',
  /** The gateway holds it (PendingSubmit / PreSubmitted / Submitted / ApiPending). */
  'working',
  /**
   * A bracket leg IBKR holds Inactive until the bracket's last leg arrives transmitted (and, for a
   * child, until its parent fills): waiting, not dead.
   */
  'held',
  'filled',
  'cancelled',
  /** Refused by the gateway or IBKR (e.g. 201). */
  'rejected',
  /** IBKR marked it invalid (200, 460) or Inactive. */
  'invalid',
]);
export type OrderPhase = z.infer<typeof OrderPhaseSchema>;

export const TrackedOrderSchema = z.object({
  orderId: z.number().int(),
  previewId: z.string(),
  account: z.string(),
  words: z.string(),
  ticket: OrderTicketSchema,
  phase: OrderPhaseSchema,
  /** The gateway's status word, e.g. "Submitted", "Filled"; null before the first status. */
  ibStatus: z.string().nullable(),
  filled: z.number(),
  remaining: z.number(),
  avgFillPrice: z.number().nullable(),
  /** The latest gateway answer about it, in words (a rejection's reason, a locate, how to fix 321). */
  message: z.string().nullable(),
  ibCode: z.number().int().nullable(),
  submittedAt: z.number(),
  updatedAt: z.number(),
  /** Set when the order is one leg of a bracket. */
  leg: BracketLegSchema.optional(),
});
export type TrackedOrder = z.infer<typeof TrackedOrderSchema>;

export const SubmitRequestSchema = z.strictObject({
  previewId: z.string().min(1).max(64),
  /** Ids of the warnings the person ticked, each on its own. */
  acknowledgements: z.array(z.string().min(1).max(64)).max(50),
});

export const SubmitResultSchema = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('sent'),
    order: TrackedOrderSchema,
    /** True when this preview had already been sent: the same order, not a second one. */
    repeated: z.boolean(),
    checks: z.array(CheckSchema),
  }),
  z.object({
    outcome: z.literal('refused'),
    reason: z.string(),
    /** The checks as re-evaluated at submit; the dialog shows them instead of the preview's. */
    checks: z.array(CheckSchema),
  }),
]);
export type SubmitResult = z.infer<typeof SubmitResultSchema>;

export const KillSwitchStateSchema = z.object({
  engaged: z.boolean(),
  /** Epoch ms when it was engaged; null when it is not. */
  engagedAt: z.number().nullable(),
  detail: z.string(),
});
export type KillSwitchState = z.infer<typeof KillSwitchStateSchema>;

export const AuditKindSchema = z.enum(AUDIT_KINDS);

/** One line of the audit log. Loose on read (older lines may lack newer fields), strict about what matters. */
export const AuditRecordSchema = z.object({
  /** ISO 8601 with milliseconds. */
  at: z.string(),
  kind: AuditKindSchema,
  mode: TradingModeSchema.nullable(),
  account: z.string().nullable(),
  orderId: z.number().int().nullable(),
  previewId: z.string().nullable(),
  /** The allocation the order was one account's child of (older lines: none). */
  allocationId: z.string().nullable().default(null),
  /** The bracket (or other order group) the order is one leg of (older lines: none). */
  groupId: z.string().nullable().default(null),
  /** As sent; left loose so a record written by an older version still lists. */
  ticket: z.record(z.string(), z.unknown()).nullable(),
  checks: z.array(CheckSchema).nullable(),
  ibCode: z.number().int().nullable(),
  ibStatus: z.string().nullable(),
  message: z.string().nullable(),
  /** Fills: quantity and price of this execution. */
  fill: z.object({ execId: z.string(), quantity: z.number(), price: z.number() }).nullable(),
});
export type AuditRecord = z.infer<typeof AuditRecordSchema>;

export const AuditFilterSchema = z.strictObject({
  account: z.string().max(20).optional(),
  kind: AuditKindSchema.optional(),
  /** Case-insensitive text anywhere in the record. */
  text: z.string().max(100).optional(),
  /** YYYY-MM-DD (UTC); the newest day when absent. */
  day: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'A day is written YYYY-MM-DD.' })
    .optional(),
  limit: z.number().int().min(1).max(2000).default(500),
});
export type AuditFilter = z.infer<typeof AuditFilterSchema>;

export const AuditPageSchema = z.object({
  day: z.string().nullable(),
  /** Days that have a log, newest first. */
  days: z.array(z.string()),
  /** Newest first. */
  records: z.array(AuditRecordSchema),
  /** Lines that could not be read (a record cut short by a crash); never fatal. */
  damagedLines: z.number().int(),
});
export type AuditPage = z.infer<typeof AuditPageSchema>;
