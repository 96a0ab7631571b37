import type { AccountOverride } from '../../shared/settings';

/**
 * Everything the gateway has told us about the linked accounts, as plain data. The reducer is pure so
 * that every figure the workspace shows can be derived and tested without a socket.
 */

export interface InstrumentInfo {
  conId: number;
  symbol: string;
  secType: string;
  currency: string;
  /** e.g. "AAPL 20261218 230 C" for an option; the symbol otherwise. */
  description: string;
  multiplier: number;
  /** Last trading day (YYYYMMDD) of an option or future; absent for others. */
  expiry?: string;
  /** An option's right and strike; absent for others. */
  right?: 'C' | 'P';
  strike?: number;
}

export interface HeldPosition {
  account: string;
  instrument: InstrumentInfo;
  quantity: number;
  /** As IBKR reports it: per unit times the multiplier. */
  avgCost: number | null;
}

/** reqPnL / reqPnLSingle figures, in the account's base currency; null where the gateway sent no value. */
export interface PnlFigures {
  daily: number | null;
  unrealized: number | null;
  realized: number | null;
}
export interface PnlSingleFigures extends PnlFigures {
  /** Market value of the position, in the account's base currency. */
  value: number | null;
}

/** One account summary line as the gateway sent it: values are strings, currency may be empty. */
export interface SummaryLine {
  account: string;
  tag: string;
  value: string;
  currency: string;
}

export interface AccountsState {
  connected: boolean;
  accounts: string[];
  /** account → tag → line */
  summary: Record<string, Record<string, SummaryLine>>;
  /** account → currency → cash in that currency ($LEDGER:ALL CashBalance) */
  ledgerCash: Record<string, Record<string, number | null>>;
  /** USD per unit of a currency, from the ledger's ExchangeRate lines. */
  usdPer: Record<string, number>;
  pnl: Record<string, PnlFigures>;
  /** keyed by positionKey */
  positions: Record<string, HeldPosition>;
  /** True once the gateway has sent the full position list (positionEnd). */
  positionsLoaded: boolean;
  pnlSingle: Record<string, PnlSingleFigures>;
}

export type AccountsAction =
  | { type: 'connected'; connected: boolean }
  | { type: 'reset' }
  | { type: 'accounts'; ids: string[] }
  | { type: 'summary'; lines: SummaryLine[] }
  | { type: 'ledger'; lines: SummaryLine[] }
  | { type: 'pnl'; account: string; pnl: PnlFigures }
  /** The full list, at positionEnd. */
  | { type: 'positions'; positions: HeldPosition[] }
  /** One position changed afterwards; quantity 0 means it closed. */
  | { type: 'position'; position: HeldPosition }
  | { type: 'pnlSingle'; account: string; conId: number; pnl: PnlSingleFigures };

export const positionKey = (account: string, conId: number): string => `${account}:${conId}`;

export const initialAccountsState = (): AccountsState => ({
  connected: false,
  accounts: [],
  summary: {},
  ledgerCash: {},
  usdPer: { USD: 1 },
  pnl: {},
  positions: {},
  positionsLoaded: false,
  pnlSingle: {},
});

/** IBKR marks "no value" with Double.MAX_VALUE; anything not finite and sane is unknown, not a figure. */
export function figure(value: number | string | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) && Math.abs(n) < 1e300 ? n : null;
}

function applySummary(state: AccountsState, lines: SummaryLine[]): AccountsState {
  const summary = { ...state.summary };
  for (const line of lines) summary[line.account] = { ...summary[line.account], [line.tag]: line };
  return { ...state, summary };
}

/** Ledger lines come per currency; the BASE line repeats the sums and is not a currency. */
function applyLedger(state: AccountsState, lines: SummaryLine[]): AccountsState {
  const ledgerCash = { ...state.ledgerCash };
  const usdPer = { ...state.usdPer };
  for (const line of lines) {
    if (line.currency === 'BASE' || line.currency === '') continue;
    if (line.tag === 'CashBalance')
      ledgerCash[line.account] = { ...ledgerCash[line.account], [line.currency]: figure(line.value) };
    const rate = figure(line.value);
    if (line.tag === 'ExchangeRate' && rate !== null && rate > 0) usdPer[line.currency] = rate;
  }
  return { ...state, ledgerCash, usdPer };
}

function applyPositions(state: AccountsState, held: HeldPosition[]): AccountsState {
  const positions: Record<string, HeldPosition> = {};
  for (const position of held) {
    if (position.quantity === 0) continue;
    positions[positionKey(position.account, position.instrument.conId)] = position;
  }
  // P&L of a position that is gone would otherwise linger and be shown again if it reopens.
  const pnlSingle = Object.fromEntries(Object.entries(state.pnlSingle).filter(([key]) => key in positions));
  return { ...state, positions, pnlSingle, positionsLoaded: true };
}

function applyPosition(state: AccountsState, held: HeldPosition): AccountsState {
  const key = positionKey(held.account, held.instrument.conId);
  if (held.quantity !== 0) return { ...state, positions: { ...state.positions, [key]: held } };
  if (!(key in state.positions)) return state;
  const { [key]: _closed, ...positions } = state.positions;
  const { [key]: _pnl, ...pnlSingle } = state.pnlSingle;
  return { ...state, positions, pnlSingle };
}

export function reduceAccounts(state: AccountsState, action: AccountsAction): AccountsState {
  switch (action.type) {
    case 'reset':
      return { ...initialAccountsState(), connected: state.connected };
    case 'connected':
      return action.connected === state.connected ? state : { ...state, connected: action.connected };
    case 'accounts':
      return { ...state, accounts: [...action.ids] };
    case 'summary':
      return applySummary(state, action.lines);
    case 'ledger':
      return applyLedger(state, action.lines);
    case 'pnl':
      return { ...state, pnl: { ...state.pnl, [action.account]: action.pnl } };
    case 'positions':
      return applyPositions(state, action.positions);
    case 'position':
      return applyPosition(state, action.position);
    case 'pnlSingle': {
      const key = positionKey(action.account, action.conId);
      if (!(key in state.positions)) return state;
      return { ...state, pnlSingle: { ...state.pnlSingle, [key]: action.pnl } };
    }
  }
}

/** The per-account overrides from settings, keyed by account id. */
export type AccountOverrides = Readonly<Record<string, AccountOverride>>;
