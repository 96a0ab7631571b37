import type {
  AccountPositions,
  AccountPositionsUpdate,
  AccountSummaries,
  Contract,
  PnL,
  PnLSingle,
  Position,
} from '@stoqey/ib';
import {
  figure,
  type HeldPosition,
  type InstrumentInfo,
  type PnlFigures,
  type PnlSingleFigures,
  type SummaryLine,
  type AccountsAction,
} from './accounts-state';

/** IBApiNext's shapes to the reducer's plain data; nothing here keeps state. */

export function summaryLines(summaries: AccountSummaries): SummaryLine[] {
  const lines: SummaryLine[] = [];
  for (const [account, tags] of summaries)
    for (const [tag, values] of tags)
      for (const [currency, { value }] of values) lines.push({ account, tag, value, currency });
  return lines;
}

export function instrumentOf(contract: Contract): InstrumentInfo {
  const symbol = contract.symbol ?? contract.localSymbol ?? String(contract.conId ?? '?');
  const option = contract.secType === 'OPT' || contract.secType === 'FOP';
  return {
    conId: contract.conId ?? 0,
    symbol,
    secType: contract.secType ?? '',
    currency: contract.currency ?? 'USD',
    description: option
      ? [symbol, contract.lastTradeDateOrContractMonth, contract.strike, contract.right].filter(Boolean).join(' ')
      : contract.secType === 'FUT'
        ? (contract.localSymbol ?? `${symbol} ${contract.lastTradeDateOrContractMonth ?? ''}`.trim())
        : symbol,
    multiplier: figure(contract.multiplier ?? null) || 1,
    ...(expiryOf(contract) ? { expiry: expiryOf(contract) } : {}),
    ...(option ? optionTerms(contract) : {}),
  };
}

/** An option's right (IBKR may spell it CALL or PUT) and strike, where the gateway sent them. */
function optionTerms(contract: Contract): Pick<InstrumentInfo, 'right' | 'strike'> {
  const right = String(contract.right ?? '')
    .charAt(0)
    .toUpperCase();
  return {
    ...(right === 'C' || right === 'P' ? { right } : {}),
    ...(contract.strike ? { strike: contract.strike } : {}),
  };
}

/** A dated contract's last trading day as YYYYMMDD (a future's YYYYMM month is not a day: none). */
function expiryOf(contract: Contract): string | undefined {
  const date = contract.lastTradeDateOrContractMonth ?? '';
  return /^\d{8}$/.test(date) ? date : undefined;
}

export function heldPositions(all: AccountPositions): HeldPosition[] {
  const held: HeldPosition[] = [];
  for (const [account, positions] of all)
    for (const position of positions)
      held.push({
        account,
        instrument: instrumentOf(position.contract),
        quantity: position.pos,
        avgCost: figure(position.avgCost),
      });
  return held;
}

export const pnlFigures = (pnl: PnL): PnlFigures => ({
  daily: figure(pnl.dailyPnL),
  unrealized: figure(pnl.unrealizedPnL),
  realized: figure(pnl.realizedPnL),
});

export const pnlSingleFigures = (pnl: PnLSingle): PnlSingleFigures => ({
  ...pnlFigures(pnl),
  value: figure(pnl.marketValue),
});

/**
 * A getPositions update as reducer actions: the first one a subscriber sees is the full list (IBApiNext
 * also labels it `added`); after that only the deltas are trusted, because @stoqey/ib 1.6.10 removes a
 * closed position from its cached `all` with `splice(index)`, which also drops every later position of
 * that account.
 */
export function positionActions(update: AccountPositionsUpdate, first: boolean): AccountsAction[] {
  if (first) return [{ type: 'positions', positions: heldPositions(update.all) }];
  const { added, changed, removed } = update;
  const closed = heldPositions(removed ?? new Map()).map((held) => ({ ...held, quantity: 0 }));
  return [...heldPositions(added ?? new Map()), ...heldPositions(changed ?? new Map()), ...closed].map((position) => ({
    type: 'position' as const,
    position,
  }));
}

/**
 * A getPositions update with `all` rebuilt from the deltas: @stoqey/ib 1.6.10 removes a closed position
 * from its cached `all` with `splice(index)`, which also drops every later position of that account, so
 * every reader of `all` after a close (the order gate's held positions) would miss them. `previous` is the
 * list this returned for the update before (the first update, at positionEnd, is whole).
 */
export function withTrueAll(previous: AccountPositions, update: AccountPositionsUpdate): AccountPositionsUpdate {
  const all = new Map([...previous].map(([account, positions]) => [account, [...positions]]));
  const put = (position: Position) => {
    const list = all.get(position.account) ?? [];
    const at = list.findIndex((p) => p.contract.conId === position.contract.conId);
    if (at === -1) list.push(position);
    else list[at] = position;
    all.set(position.account, list);
  };
  for (const positions of [...(update.added?.values() ?? []), ...(update.changed?.values() ?? [])])
    positions.forEach(put);
  for (const [account, closed] of update.removed ?? []) {
    const list = all.get(account) ?? [];
    all.set(
      account,
      list.filter((p) => !closed.some((c) => c.contract.conId === p.contract.conId)),
    );
  }
  return { ...update, all };
}
