import { z } from 'zod';
import { TradingModeSchema } from '../../shared/session';
import { cancelRefused, cancelRequested, EVERY_ORDER, oneOrder } from './cancel-words';
import type { AuditEntry } from './order-audit';

/**
 * Before the audit log had one writer, the open-orders grid wrote its cancels in a shape of its own
 * (`source: 'order-book'`). Nothing writes it any more; audit files from those versions still read,
 * each such line as the record the one writer now writes for the same cancel.
 */
const OrderBookLineSchema = z.object({
  at: z.string(),
  source: z.literal('order-book'),
  mode: TradingModeSchema.nullable().optional(),
  type: z.string(),
  orderId: z.number().int().optional(),
  account: z.string().optional(),
  symbol: z.string().optional(),
  /** Row ids (`perm:…` or `client:order`) as that version wrote them. */
  workingOrders: z.array(z.union([z.string(), z.number()])).optional(),
  code: z.number().int().optional(),
  text: z.string().optional(),
});

/** The entry and time an old grid line stands for; null when the line is not one. */
export function legacyOrderBookEntry(line: unknown): { entry: AuditEntry; at: Date } | null {
  const parsed = OrderBookLineSchema.safeParse(line);
  if (!parsed.success || Number.isNaN(Date.parse(parsed.data.at))) return null;
  const old = parsed.data;
  const refused = old.type.endsWith('-refused');
  const what = old.type.startsWith('cancel-all') ? EVERY_ORDER : oneOrder(old.orderId ?? '?', old.symbol);
  return {
    at: new Date(old.at),
    entry: {
      kind: refused ? 'gateway-message' : 'cancel-request',
      mode: old.mode ?? null,
      account: old.account ?? null,
      orderId: old.orderId ?? null,
      ibCode: old.code ?? null,
      message: refused ? cancelRefused(what, old.text ?? '') : cancelRequested(what, undefined, old.workingOrders),
    },
  };
}
