import { z } from 'zod';
import { request, type EventMap, type RequestMap } from './define';
import { OrderBookSnapshotSchema, OrderBookUpdateSchema } from '../order-book';

const CancelAnswerSchema = z.object({
  /** What the gateway said, in a sentence (e.g. "Cancel requested for order 12."). */
  message: z.string(),
});

/** The order book: working orders of every client and today's executions; cancel one or all. */
export const orderBookRequests = {
  'orders.open': request(
    z.void(),
    OrderBookSnapshotSchema,
    "Working orders (every client's) and today's executions with commissions; orders.bookUpdate carries changes.",
  ),
  'orders.cancel': request(
    z.strictObject({ orderId: z.number().int().nonnegative() }),
    CancelAnswerSchema,
    'Cancel one working order by its order id; recorded in the audit log first.',
  ),
  'orders.cancelAll': request(
    z.strictObject({ confirm: z.literal(true, { error: 'Cancelling every order needs confirm: true.' }) }),
    CancelAnswerSchema,
    'Cancel every working order in every account (reqGlobalCancel); recorded in the audit log first.',
  ),
  'orders.linkOca': request(
    z.strictObject({
      orderIds: z
        .array(z.number().int().nonnegative())
        .min(2, { error: 'Choose two or more working orders to link.' })
        .max(20),
    }),
    CancelAnswerSchema,
    'Link working orders of one account as one-cancels-all (ocaType 1); nothing else about them changes.',
  ),
} as const satisfies RequestMap;

export const orderBookEvents = {
  'orders.bookUpdate': OrderBookUpdateSchema,
} as const satisfies EventMap;
