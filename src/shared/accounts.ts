import { z } from 'zod';
import { AccountKindSchema } from './ticket';

const Money = z.number().nullable();

/** One linked account as the window shows it. */
export const AccountSchema = z.object({
  id: z.string(),
  /** Null until IBKR's AccountType arrives, unless the person set the kind in settings. */
  kind: AccountKindSchema.nullable(),
  /** The person's own name for it, or a default from its kind. */
  label: z.string(),
  /** IBKR's AccountType summary tag as reported (e.g. "IRA", "INDIVIDUAL", "CORPORATION"); null until known. */
  ibAccountType: z.string().nullable(),
  /** True when the kind came from settings rather than from IBKR's tag. */
  kindOverridden: z.boolean(),
  /** True when the label is the person's own rather than a default from the kind. */
  labelOverridden: z.boolean(),
});
export type Account = z.infer<typeof AccountSchema>;

/** Balances in the account's base currency (USD); null where the gateway has not said yet. */
export const BalanceSchema = z.object({
  account: z.string(),
  currency: z.string(),
  netLiquidation: Money,
  totalCashValue: Money,
  settledCash: Money,
  buyingPower: Money,
  availableFunds: Money,
  excessLiquidity: Money,
  initMarginReq: Money,
  maintMarginReq: Money,
  grossPositionValue: Money,
  dailyPnl: Money,
  unrealizedPnl: Money,
  realizedPnl: Money,
});
export type Balance = z.infer<typeof BalanceSchema>;
export type BalanceField = Exclude<keyof Balance, 'account' | 'currency'>;
export const BALANCE_FIELDS = Object.keys(BalanceSchema.shape).filter(
  (key): key is BalanceField => key !== 'account' && key !== 'currency',
);

/** Cash in one currency of one account (`$LEDGER:ALL`). */
export const LedgerLineSchema = z.object({
  account: z.string(),
  currency: z.string(),
  cash: Money,
  /** Units of the base currency per unit of this one. */
  exchangeRate: Money,
});
export type LedgerLine = z.infer<typeof LedgerLineSchema>;

export const PositionRowSchema = z.object({
  account: z.string(),
  conId: z.number().int(),
  symbol: z.string(),
  /** e.g. "AAPL 20261218 230 C" for an option; the symbol otherwise. */
  description: z.string(),
  /** Last trading day (YYYYMMDD) of an option or future, for the expiry flag. */
  expiry: z.string().optional(),
  /** An option's right and strike, for the assignment-risk notice. */
  right: z.enum(['C', 'P']).optional(),
  strike: z.number().optional(),
  secType: z.string(),
  currency: z.string(),
  quantity: z.number(),
  avgCost: Money,
  marketPrice: Money,
  marketValue: Money,
  unrealizedPnl: Money,
  dailyPnl: Money,
  /** The day's P&L as a percentage of the position's value at the previous close (its size, for a short). */
  dailyPnlPct: Money,
  /** Market value (in USD) as a share of the account's net liquidation, in percent. */
  pctOfAccount: Money,
  /** Set on the rows of an external account (another broker's holdings, imported): shown, never traded. */
  external: z.literal(true).optional(),
  /** Why the price is missing, e.g. "no IBKR price" for a symbol IBKR does not resolve. */
  priceNote: z.string().optional(),
});
export type PositionRow = z.infer<typeof PositionRowSchema>;

export const ConsolidatedPositionSchema = PositionRowSchema.omit({ account: true, pctOfAccount: true }).extend({
  /** How much each account holds. */
  split: z.array(z.object({ account: z.string(), quantity: z.number() })),
  /** Market value (in USD) as a share of all accounts' net liquidation, in percent. */
  pctOfTotal: Money,
});
export type ConsolidatedPosition = z.infer<typeof ConsolidatedPositionSchema>;

/** Where the accounts feed stands, so an empty grid can say why it is empty. */
export const AccountsStatusSchema = z.enum(['waiting', 'loading', 'ready']);
export type AccountsStatus = z.infer<typeof AccountsStatusSchema>;

/** Everything the workspace shows, at once: the first paint and the answer after a reconnect. */
export const AccountsSnapshotSchema = z.object({
  status: AccountsStatusSchema,
  accounts: z.array(AccountSchema),
  balances: z.array(BalanceSchema),
  /** Sum of the balance rows in USD; a field is null when any row lacks it or cannot be converted. */
  total: BalanceSchema,
  positions: z.array(PositionRowSchema),
  consolidated: z.array(ConsolidatedPositionSchema),
});
export type AccountsSnapshot = z.infer<typeof AccountsSnapshotSchema>;

/**
 * What changed since the last update, shaped as grid transactions: rows to add or update by id, and the
 * ids of rows that went away. Balances are few and are upserted whole; `accounts` comes only when it changed.
 */
export const AccountsUpdateSchema = z.object({
  status: AccountsStatusSchema,
  accounts: z.array(AccountSchema).optional(),
  balances: z.array(BalanceSchema),
  total: BalanceSchema,
  positions: z.object({ upsert: z.array(PositionRowSchema), remove: z.array(z.string()) }),
  consolidated: z.object({ upsert: z.array(ConsolidatedPositionSchema), remove: z.array(z.number().int()) }),
});
export type AccountsUpdate = z.infer<typeof AccountsUpdateSchema>;
