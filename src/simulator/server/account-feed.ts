import { type AccountSummary, type Position, type World } from '../world';

/**
 * Account figures as the gateway reports them: summary tags, per-currency ledger lines and reqAccountUpdates
 * key/values. Each line has a stable key so subscriptions can send only what changed.
 */

export interface ValueLine {
  account: string;
  tag: string;
  value: string;
  currency: string;
}

const MONEY_TAGS = [
  'NetLiquidation',
  'TotalCashValue',
  'SettledCash',
  'BuyingPower',
  'AvailableFunds',
  'ExcessLiquidity',
  'InitMarginReq',
  'MaintMarginReq',
  'GrossPositionValue',
  'EquityWithLoanValue',
] as const satisfies readonly (keyof AccountSummary)[];

export const SUMMARY_TAGS: ReadonlySet<string> = new Set(['AccountType', ...MONEY_TAGS]);

const money = (value: number) => value.toFixed(2);

function usdPer(world: World, currency: string): number {
  if (currency === 'USD') return 1;
  const pair = world.instruments().find((i) => i.secType === 'CASH' && i.symbol === currency && i.currency === 'USD');
  if (!pair) return 1;
  const quote = world.quote(pair.conId);
  return (quote.bid + quote.ask) / 2;
}

export function summaryLines(
  world: World,
  account: string,
  wireAccount: string,
  tags: ReadonlySet<string>,
): ValueLine[] {
  const summary = world.summary(account);
  const lines: ValueLine[] = [];
  if (tags.has('AccountType'))
    lines.push({ account: wireAccount, tag: 'AccountType', value: summary.AccountType, currency: '' });
  for (const tag of MONEY_TAGS)
    if (tags.has(tag)) lines.push({ account: wireAccount, tag, value: money(summary[tag]), currency: 'USD' });
  return lines;
}

interface CurrencyLedger {
  currency: string;
  cash: number;
  settled: number;
  stock: number;
  unrealized: number;
  realized: number;
  rate: number;
}

function ledgers(world: World, account: string): CurrencyLedger[] {
  const byCurrency = new Map<string, CurrencyLedger>();
  const line = (currency: string): CurrencyLedger => {
    let entry = byCurrency.get(currency);
    if (!entry) {
      entry = { currency, cash: 0, settled: 0, stock: 0, unrealized: 0, realized: 0, rate: usdPer(world, currency) };
      byCurrency.set(currency, entry);
    }
    return entry;
  };
  for (const cash of world.cash(account)) {
    const entry = line(cash.currency);
    entry.cash += cash.total;
    entry.settled += cash.settled;
  }
  for (const position of world.positions(account)) {
    const currency = world.instrument(position.conId)?.currency ?? 'USD';
    const entry = line(currency);
    entry.stock += position.marketValue;
    entry.unrealized += position.unrealizedPnl;
    entry.realized += position.realizedPnl;
  }
  return [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}

/**
 * `$LEDGER` (the BASE line only), `$LEDGER:ALL` (every currency and BASE) or `$LEDGER:<CCY>`. BASE sums the
 * currencies at the current rate, as IBKR's base-currency ledger does.
 */
export function ledgerLines(
  world: World,
  account: string,
  wireAccount: string,
  tags: ReadonlySet<string>,
): ValueLine[] {
  const wanted = [...tags].filter((tag) => tag.startsWith('$LEDGER')).map((tag) => tag.slice('$LEDGER'.length));
  if (wanted.length === 0) return [];
  const currencies = ledgers(world, account);
  const base: CurrencyLedger = { currency: 'BASE', cash: 0, settled: 0, stock: 0, unrealized: 0, realized: 0, rate: 1 };
  for (const entry of currencies) {
    base.cash += entry.cash * entry.rate;
    base.settled += entry.settled * entry.rate;
    base.stock += entry.stock * entry.rate;
    base.unrealized += entry.unrealized * entry.rate;
    base.realized += entry.realized * entry.rate;
  }
  const selected = new Map<string, CurrencyLedger>();
  for (const suffix of wanted) {
    if (suffix === '' || suffix === ':ALL') selected.set('BASE', base);
    if (suffix === ':ALL') for (const entry of currencies) selected.set(entry.currency, entry);
    const only = currencies.find((entry) => `:${entry.currency}` === suffix.toUpperCase());
    if (only) selected.set(only.currency, only);
  }
  return [...selected.values()].flatMap((entry) => ledgerEntryLines(entry, wireAccount));
}

function ledgerEntryLines(entry: CurrencyLedger, account: string): ValueLine[] {
  const values: [string, string][] = [
    ['Currency', entry.currency],
    ['CashBalance', money(entry.cash)],
    ['TotalCashBalance', money(entry.cash)],
    ['SettledCash', money(entry.settled)],
    ['StockMarketValue', money(entry.stock)],
    ['NetLiquidationByCurrency', money(entry.cash + entry.stock)],
    ['UnrealizedPnL', money(entry.unrealized)],
    ['RealizedPnL', money(entry.realized)],
    ['ExchangeRate', entry.rate.toFixed(5)],
  ];
  return values.map(([tag, value]) => ({ account, tag, value, currency: entry.currency }));
}

/** reqAccountUpdates' key/value lines: the summary figures in USD plus the ledger per currency. */
export function accountValueLines(world: World, account: string, wireAccount: string): ValueLine[] {
  return [
    ...summaryLines(world, account, wireAccount, SUMMARY_TAGS),
    ...ledgerLines(world, account, wireAccount, new Set(['$LEDGER:ALL'])),
  ];
}

/**
 * reqAccountUpdatesMulti's lines: all of reqAccountUpdates' values, or with ledgerAndNLV only the per-currency
 * ledger and the net liquidation value.
 */
export function accountMultiLines(world: World, account: string, wireAccount: string, ledgerAndNLV: boolean) {
  if (!ledgerAndNLV) return accountValueLines(world, account, wireAccount);
  return [
    ...summaryLines(world, account, wireAccount, new Set(['NetLiquidation'])),
    ...ledgerLines(world, account, wireAccount, new Set(['$LEDGER:ALL'])),
  ];
}

function lineKey(line: ValueLine): string {
  return `${line.account}|${line.tag}|${line.currency}`;
}

/** The lines whose value differs from what was last sent (all of them the first time), noting them as sent. */
/** Lines as the gateway sends them now: without AccountType while that fault withholds it. */
export function reportedLines(faults: { withholdAccountType: boolean }, lines: ValueLine[]): ValueLine[] {
  return faults.withholdAccountType ? lines.filter((line) => line.tag !== 'AccountType') : lines;
}

export function changedLines(lines: ValueLine[], sent: Map<string, string>): ValueLine[] {
  return lines.filter((line) => {
    const key = lineKey(line);
    if (sent.get(key) === line.value) return false;
    sent.set(key, line.value);
    return true;
  });
}

export function positionKey(account: string, conId: number): string {
  return `${account}|${conId}`;
}

/** A position's identity for change detection: quantity and average cost (prices move every tick). */
export function positionSignature(position: Pick<Position, 'quantity' | 'avgCost'>): string {
  return `${position.quantity}|${position.avgCost}`;
}
