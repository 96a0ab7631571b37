import { type World } from '../world';
import { type ClientRequest, type ClientRequestType } from '../wire/messages';
import { type AccountIds } from './account-ids';
import { type ApiConnection } from './connection';
import { type HistoryPacingGate } from './history-request';
import { type NewsBulletinBoard } from './news-bulletins';
import { type QuoteCadenceMode } from './quote-cadence';

/** What request handlers share: the world, the login's settings and its other connections. */
export interface GatewayContext {
  readonly world: World;
  readonly ids: AccountIds;
  readonly pacing: HistoryPacingGate;
  readonly bulletins: NewsBulletinBoard;
  /** Started with the read-only API flag: every order and cancel gets 321. */
  readonly readOnly: boolean;
  /** No live market data subscriptions on this login: live requests get 354, delayed ones 10167 and delayed ticks. */
  delayed: boolean;
  /** A competing live session holds the login's market data (10197) until the fault is lifted. */
  competingSession: boolean;
  /** Faults on the account data (see SimulatorFaults.withholdAccountType and delayAccountData). */
  readonly accountFaults: AccountFaults;
  /** Market data lines the login may hold at once (IBKR's default is 100). */
  readonly marketDataLines: number;
  /** Quote lines as IBKR's aggregated snapshots, or every walk step at once for load tests. */
  readonly quoteCadence: QuoteCadenceMode;
  now(): number;
  log(line: string): void;
  connections(): ApiConnection[];
  /** The world's books changed (a fill): push account, position and P&L updates soon. */
  accountsChanged(): void;
}

export interface AccountFaults {
  /** The account summary and account updates leave out the AccountType tag, as a slow gateway may at first. */
  withholdAccountType: boolean;
  /** Answers to reqAccountSummary and reqPositions wait this long (0: at once). */
  delayMs: number;
}

export type Handler<T extends ClientRequestType> = (
  context: GatewayContext,
  connection: ApiConnection,
  request: Extract<ClientRequest, { type: T }>,
) => void;

export type HandlerTable = { [T in ClientRequestType]?: Handler<T> };

/** IBKR's wording for a request the gateway refuses on validation (code 321). */
export function validationError(connection: ApiConnection, reqId: number, cause: string): void {
  connection.sendError(reqId, 321, `Error validating request.-'sim' : cause - ${cause}`);
}

/** The world account for a client's account field, or an error sent and undefined. */
export function resolveAccount(
  context: GatewayContext,
  connection: ApiConnection,
  reqId: number,
  wire: string,
): string | undefined {
  const account = context.ids.fromWire(wire);
  if (!account) validationError(connection, reqId, `The account code "${wire}" is not on this login.`);
  return account;
}

/** The multi-account requests take an empty account code or "All" for every account of the login. */
export function isAllAccounts(wire: string): boolean {
  return wire === '' || wire.toUpperCase() === 'ALL';
}
