import { z } from 'zod';
import {
  AuditFilterSchema,
  AuditPageSchema,
  KillSwitchStateSchema,
  OrderPreviewSchema,
  SubmitRequestSchema,
  SubmitResultSchema,
  TicketAccountSchema,
  TrackedOrderSchema,
} from '../orders';
import { OrderTicketSchema } from '../ticket';
import {
  AllocationPreviewSchema,
  AllocationRequestSchema,
  AllocationResultSchema,
  AllocationSubmitSchema,
  SizedRowSchema,
  SizingRequestSchema,
} from '../allocation';
import { BracketPreviewSchema, BracketRequestSchema, BracketResultSchema, BracketSubmitSchema } from '../bracket';
import { RollPreviewSchema, RollRequestSchema, RollResultSchema, RollSubmitSchema } from '../roll';
import { request, type EventMap, type RequestMap } from './define';

/** Order entry: preview (rules + what-if), submit, the kill switch and the audit log. */
export const ordersRequests = {
  'orders.accounts': request(
    z.void(),
    z.array(TicketAccountSchema),
    'The accounts an order can go to, each with the kind its rules follow.',
  ),
  'orders.preview': request(
    OrderTicketSchema,
    OrderPreviewSchema,
    "Check a ticket on fresh gateway data: every rule, the gateway's what-if and the quote used.",
  ),
  'orders.submit': request(
    SubmitRequestSchema,
    SubmitResultSchema,
    'Send a previewed order after re-checking every rule; the same preview id never sends twice.',
  ),
  'orders.discard': request(
    z.strictObject({ previewId: z.string().min(1).max(64) }),
    z.void(),
    'The ticket closed without sending this preview: its quote line is given back.',
  ),
  'orders.size': request(
    SizingRequestSchema,
    z.array(SizedRowSchema),
    "Each account's quantity by the sizing chosen (risk, net liquidation…), capped where its rules cap it, and why.",
  ),
  'orders.previewAllocation': request(
    AllocationRequestSchema,
    AllocationPreviewSchema,
    'One order per chosen account, each sized by the rule chosen and previewed and ruled by its own account.',
  ),
  'orders.submitAllocation': request(
    AllocationSubmitSchema,
    AllocationResultSchema,
    "Send the allocation's kept children one by one, each re-checked; each account's outcome on its own.",
  ),
  'orders.previewBracket': request(
    BracketRequestSchema,
    BracketPreviewSchema,
    'A bracket (entry, take-profit, stop-loss) previewed as one group: each leg ruled as that leg, with its words.',
  ),
  'orders.submitBracket': request(
    BracketSubmitSchema,
    BracketResultSchema,
    'Re-rule every leg and send the bracket as IBKR builds it (only the last leg transmitted), or send nothing.',
  ),
  'orders.previewRoll': request(
    RollRequestSchema,
    RollPreviewSchema,
    'A roll (buy a short option back, sell another) previewed as one BAG order: both legs ruled together, the net priced.',
  ),
  'orders.submitRoll': request(
    RollSubmitSchema,
    RollResultSchema,
    'Re-rule both legs of the roll and send it as one BAG order with its net limit, or send nothing.',
  ),
  'orders.list': request(z.void(), z.array(TrackedOrderSchema), 'Orders sent from this window since it started.'),
  'orders.killSwitch': request(
    z.void(),
    KillSwitchStateSchema,
    'Cancel every open order in every account (reqGlobalCancel) and refuse new orders until re-armed.',
  ),
  'orders.killSwitchState': request(z.void(), KillSwitchStateSchema, 'Whether the kill switch is engaged.'),
  'orders.rearm': request(
    z.strictObject({ confirmation: z.string().max(20) }),
    KillSwitchStateSchema,
    'Release the kill switch; the confirmation must be the word REARM, typed.',
  ),
  'orders.audit': request(
    z.strictObject({ filter: AuditFilterSchema.prefault({}) }),
    AuditPageSchema,
    "One day's audit records, newest first, filtered by account, kind and text.",
  ),
} as const satisfies RequestMap;

export const ordersEvents = {
  /** An order's state changed (status, fill, rejection, cancel). */
  'orders.update': TrackedOrderSchema,
  'orders.killSwitch': KillSwitchStateSchema,
} as const satisfies EventMap;
