import type { CommissionReport, ExecutionDetail, OpenOrder } from '@stoqey/ib';
import type { ExecutionRow, OpenOrderRow } from '../../shared/order-book';
import { figure } from '../accounts/accounts-state';

/** IBApiNext's open orders and executions as the grids' rows; pure, so the mapping is tested directly. */

/** Statuses after which an order no longer works; reqAllOpenOrders may still list it once. */
const DONE = new Set(['Filled', 'Cancelled', 'ApiCancelled', 'Inactive']);

export const openOrderRowId = (clientId: number | null, orderId: number, permId: number | null): string =>
  permId ? `perm:${permId}` : `${clientId ?? '?'}:${orderId}`;

export function openOrderRow(open: OpenOrder): OpenOrderRow | null {
  const { order, contract, orderState, orderStatus } = open;
  const status = orderStatus?.status ?? orderState.status ?? 'Unknown';
  if (DONE.has(status)) return null;
  const quantity = figure(order.totalQuantity ?? null) ?? 0;
  const filled = figure(orderStatus?.filled ?? null) ?? 0;
  const clientId = order.clientId ?? orderStatus?.clientId ?? null;
  const permId = order.permId || orderStatus?.permId || null;
  return {
    id: openOrderRowId(clientId, open.orderId, permId),
    orderId: open.orderId,
    clientId,
    permId,
    account: order.account ?? '',
    symbol: contract.localSymbol || contract.symbol || String(contract.conId ?? ''),
    secType: contract.secType ?? '',
    currency: contract.currency ?? '',
    underlying: contract.symbol ?? '',
    exchange: contract.exchange ?? '',
    lastTradeDate: contract.lastTradeDateOrContractMonth || null,
    strike: figure(contract.strike ?? null),
    right: rightOf(contract.right),
    action: order.action ?? '',
    quantity,
    orderType: order.orderType ?? '',
    limitPrice: figure(order.lmtPrice ?? null),
    stopPrice: figure(order.auxPrice ?? null),
    trailingPercent: setPrice(order.trailingPercent),
    trigger: setPrice(order.trailStopPrice),
    ocaGroup: order.ocaGroup || null,
    tif: order.tif ?? '',
    status,
    filled,
    remaining: figure(orderStatus?.remaining ?? null) ?? quantity - filled,
  };
}

/** A price IBKR has set: it sends Double.MAX_VALUE (or nothing) for one it has not. */
function setPrice(value: number | undefined): number | null {
  const n = figure(value ?? null);
  return n === null || n >= 1e300 ? null : n;
}

/** IBKR spells an option's right C / P or CALL / PUT. */
function rightOf(right: string | undefined): 'C' | 'P' | null {
  const first = right?.trim().toUpperCase()[0];
  return first === 'C' || first === 'P' ? first : null;
}

export function openOrderRows(orders: readonly OpenOrder[]): OpenOrderRow[] {
  const rows = new Map<string, OpenOrderRow>();
  for (const open of orders) {
    const row = openOrderRow(open);
    if (row) rows.set(row.id, row);
  }
  return [...rows.values()].sort((a, b) => a.orderId - b.orderId);
}

/** Executions joined with their commission reports by execId; newest first. */
export function executionRows(
  details: readonly ExecutionDetail[],
  reports: readonly CommissionReport[],
): ExecutionRow[] {
  const commissions = new Map(reports.filter((r) => r.execId).map((r) => [r.execId as string, r]));
  const rows = new Map<string, ExecutionRow>();
  for (const { contract, execution } of details) {
    if (!execution.execId) continue;
    const report = commissions.get(execution.execId);
    rows.set(execution.execId, {
      execId: execution.execId,
      orderId: execution.orderId ?? 0,
      account: execution.acctNumber ?? '',
      symbol: contract.localSymbol || contract.symbol || String(contract.conId ?? ''),
      secType: contract.secType ?? '',
      side: execution.side ?? '',
      quantity: figure(execution.shares ?? null) ?? 0,
      price: figure(execution.price ?? null) ?? 0,
      time: execution.time ?? '',
      commission: figure(report?.commission ?? null),
      commissionCurrency: report?.currency ?? null,
      realizedPnl: figure(report?.realizedPNL ?? null),
    });
  }
  return [...rows.values()].sort((a, b) => b.time.localeCompare(a.time) || b.execId.localeCompare(a.execId));
}
