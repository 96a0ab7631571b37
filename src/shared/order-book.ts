import { z } from 'zod';

/** One working order, whichever client placed it (reqAllOpenOrders). */
export const OpenOrderRowSchema = z.object({
  /** permId when the gateway gave one (unique across clients), else `clientId:orderId`. */
  id: z.string(),
  orderId: z.number().int(),
  clientId: z.number().int().nullable(),
  permId: z.number().int().nullable(),
  account: z.string(),
  /** What a person reads: the local symbol (an option's OCC name), else the symbol. */
  symbol: z.string(),
  secType: z.string(),
  currency: z.string(),
  /** The contract as the ticket names it, so Modify can fill the ticket for options and futures too. */
  underlying: z.string(),
  exchange: z.string(),
  lastTradeDate: z.string().nullable(),
  strike: z.number().nullable(),
  right: z.enum(['C', 'P']).nullable(),
  action: z.string(),
  quantity: z.number(),
  orderType: z.string(),
  limitPrice: z.number().nullable(),
  /** A stop's price; a trailing order's trailing amount (IBKR's auxPrice). */
  stopPrice: z.number().nullable(),
  /** A trailing order's trail as a percent, when it trails by percent. */
  trailingPercent: z.number().nullable(),
  /** A trailing order's current trigger, as IBKR moves it with the market. */
  trigger: z.number().nullable(),
  /** The one-cancels-all group the order is in, when it is in one. */
  ocaGroup: z.string().nullable().optional(),
  tif: z.string(),
  status: z.string(),
  filled: z.number(),
  remaining: z.number(),
});
export type OpenOrderRow = z.infer<typeof OpenOrderRowSchema>;

/** One fill of today with its commission (from the matching commission report, once it arrives). */
export const ExecutionRowSchema = z.object({
  execId: z.string(),
  orderId: z.number().int(),
  account: z.string(),
  symbol: z.string(),
  secType: z.string(),
  side: z.string(),
  quantity: z.number(),
  price: z.number(),
  /** As the gateway wrote it, e.g. "20260105 14:30:00 US/Eastern". */
  time: z.string(),
  commission: z.number().nullable(),
  commissionCurrency: z.string().nullable(),
  realizedPnl: z.number().nullable(),
});
export type ExecutionRow = z.infer<typeof ExecutionRowSchema>;

export const OrderBookStatusSchema = z.enum(['waiting', 'loading', 'ready']);

export const OrderBookSnapshotSchema = z.object({
  status: OrderBookStatusSchema,
  openOrders: z.array(OpenOrderRowSchema),
  executions: z.array(ExecutionRowSchema),
});
export type OrderBookSnapshot = z.infer<typeof OrderBookSnapshotSchema>;

/** Changes since the last update, as grid transactions keyed by `id` / `execId`. */
export const OrderBookUpdateSchema = z.object({
  status: OrderBookStatusSchema,
  openOrders: z.object({ upsert: z.array(OpenOrderRowSchema), remove: z.array(z.string()) }),
  executions: z.object({ upsert: z.array(ExecutionRowSchema), remove: z.array(z.string()) }),
});
export type OrderBookUpdate = z.infer<typeof OrderBookUpdateSchema>;
