import {
  type Account,
  type AccountsSnapshot,
  type AccountsStatus,
  type Balance,
  type LedgerLine,
  type PositionRow,
} from '../../shared/accounts';
import { accountIdentity } from './account-kind';
import { type AccountOverrides, type AccountsState, type HeldPosition, figure } from './accounts-state';
import { consolidatePositions, dailyPnlPct, totalBalances } from './consolidate';

/** The summary tags the balances grid shows, and the Balance field each fills. */
export const BALANCE_TAGS = {
  NetLiquidation: 'netLiquidation',
  TotalCashValue: 'totalCashValue',
  SettledCash: 'settledCash',
  BuyingPower: 'buyingPower',
  AvailableFunds: 'availableFunds',
  ExcessLiquidity: 'excessLiquidity',
  InitMarginReq: 'initMarginReq',
  MaintMarginReq: 'maintMarginReq',
  GrossPositionValue: 'grossPositionValue',
} as const satisfies Record<string, keyof Balance>;

/** Everything the accounts service asks for in one account summary subscription. */
export const SUMMARY_TAGS = ['AccountType', ...Object.keys(BALANCE_TAGS)].join(',');
/**
 * The other one: cash per currency. IBKR allows a client two account summary subscriptions, and IBApiNext
 * shares a subscription only between identical requests, so every reader of the summary uses these two.
 */
export const LEDGER_TAGS = '$LEDGER:ALL';

/** Converts an amount in `currency` to USD; null when the rate is not known (never a guess). */
export function toUsd(state: AccountsState, amount: number | null, currency: string): number | null {
  if (amount === null) return null;
  if (currency === '' || currency === 'USD') return amount;
  const rate = state.usdPer[currency];
  return rate === undefined ? null : amount * rate;
}

const usdPer = (state: AccountsState) => (currency: string) =>
  currency === 'USD' ? 1 : (state.usdPer[currency] ?? null);

/** The account's base currency: the one its NetLiquidation is reported in (USD until known). */
function baseCurrency(state: AccountsState, account: string): string {
  return state.summary[account]?.NetLiquidation?.currency || 'USD';
}

export function accountOf(state: AccountsState, id: string, overrides: AccountOverrides): Account {
  const ibAccountType = state.summary[id]?.AccountType?.value ?? null;
  return { id, ...accountIdentity(ibAccountType, overrides[id]), ibAccountType };
}

export function balanceOf(state: AccountsState, account: string): Balance {
  const lines = state.summary[account] ?? {};
  const balance = { account, currency: 'USD' } as Balance;
  for (const [tag, field] of Object.entries(BALANCE_TAGS)) {
    const line = lines[tag];
    balance[field] = line ? toUsd(state, figure(line.value), line.currency) : null;
  }
  const pnl = state.pnl[account];
  const base = baseCurrency(state, account);
  balance.dailyPnl = toUsd(state, pnl?.daily ?? null, base);
  balance.unrealizedPnl = toUsd(state, pnl?.unrealized ?? null, base);
  balance.realizedPnl = toUsd(state, pnl?.realized ?? null, base);
  return balance;
}

/**
 * A position as the grid shows it: cost, price and value in the instrument's currency, P&L in USD (IBKR
 * reports reqPnLSingle in the account's base currency). Price and value come from reqPnLSingle's value,
 * so every position is live without the one-account-at-a-time reqAccountUpdates.
 */
export function positionRowOf(state: AccountsState, key: string, held: HeldPosition): PositionRow {
  const { instrument, quantity } = held;
  const base = baseCurrency(state, held.account);
  const single = state.pnlSingle[key];
  const valueUsd = toUsd(state, single?.value ?? null, base);
  const dailyPnl = toUsd(state, single?.daily ?? null, base);
  const rate = usdPer(state)(instrument.currency);
  const marketValue = valueUsd === null || rate === null ? null : valueUsd / rate;
  const units = quantity * instrument.multiplier;
  const netLiquidation = balanceOf(state, held.account).netLiquidation;
  return {
    account: held.account,
    conId: instrument.conId,
    symbol: instrument.symbol,
    description: instrument.description,
    ...(instrument.expiry ? { expiry: instrument.expiry } : {}),
    ...(instrument.right ? { right: instrument.right } : {}),
    ...(instrument.strike ? { strike: instrument.strike } : {}),
    secType: instrument.secType,
    currency: instrument.currency,
    quantity,
    avgCost: held.avgCost === null ? null : held.avgCost / instrument.multiplier,
    marketPrice: marketValue === null || units === 0 ? null : marketValue / units,
    marketValue,
    unrealizedPnl: toUsd(state, single?.unrealized ?? null, base),
    dailyPnl,
    dailyPnlPct: dailyPnlPct(dailyPnl, valueUsd),
    pctOfAccount: valueUsd === null || !netLiquidation ? null : (valueUsd * 100) / netLiquidation,
  };
}

/** Loading until the positions and every account's net liquidation have arrived. */
export function statusOf(state: AccountsState): AccountsStatus {
  if (!state.connected) return 'waiting';
  const summariesIn =
    state.accounts.length > 0 && state.accounts.every((a) => state.summary[a]?.NetLiquidation !== undefined);
  return state.positionsLoaded && summariesIn ? 'ready' : 'loading';
}

/** `external`: other brokers' holdings, listed and consolidated with the rest but in no balance. */
export function accountsView(
  state: AccountsState,
  overrides: AccountOverrides,
  external: readonly PositionRow[] = [],
): AccountsSnapshot {
  const accounts = state.accounts.map((id) => accountOf(state, id, overrides));
  const balances = state.accounts.map((id) => balanceOf(state, id));
  const total = totalBalances(balances);
  const positions = Object.entries(state.positions)
    .map(([key, held]) => positionRowOf(state, key, held))
    .concat(external)
    .sort((a, b) => a.account.localeCompare(b.account) || a.symbol.localeCompare(b.symbol));
  return {
    status: statusOf(state),
    accounts,
    balances,
    total,
    positions,
    consolidated: consolidatePositions(positions, usdPer(state), total.netLiquidation),
  };
}

/** `$LEDGER:ALL` cash per currency, for one account or all of them. */
export function ledgerOf(state: AccountsState, account?: string): LedgerLine[] {
  const accounts = account === undefined ? state.accounts : [account];
  return accounts.flatMap((id) =>
    Object.entries(state.ledgerCash[id] ?? {})
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([currency, cash]) => ({ account: id, currency, cash, exchangeRate: usdPer(state)(currency) })),
  );
}
