import type { World } from '../world';
import type { AccountStyle } from './account-ids';
import type { QuoteCadenceMode } from './quote-cadence';

/** What a simulator is asked to be, and what it offers once started: its address, world and fault switches. */

export interface SimulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Loopback unless a person deliberately exposes it. */
  host?: string;
  seed?: number;
  /** Quote ticks per second across all instruments (0 freezes the market; step() still moves it). */
  tickRate?: number;
  /**
   * 'ibkr' (default): quote lines send IBKR's aggregated snapshots (250 ms stocks, 100 ms US options, 5 ms FX)
   * and watched instruments move at least every 250 ms while tickRate > 0. 'every-step': every walk step is
   * sent at once, for load tests that drive thousands of steps a second (see quote-cadence.ts).
   */
  quoteCadence?: QuoteCadenceMode;
  /** Serve delayed data only, as for a login without live market data subscriptions. */
  delayed?: boolean;
  /** Refuse every order and cancel with 321, as a gateway in read-only API mode does. */
  readOnly?: boolean;
  /** 'live' reports the accounts as U… instead of DU…, for testing the app's mode guard. */
  accountStyle?: AccountStyle;
  /** Market data lines the login may hold at once. */
  marketDataLines?: number;
  /** Extra made-up stocks (SYN001…) for load tests that watch more instruments than the catalog has. */
  syntheticStocks?: number;
  /** How often P&L streams and account changes are pushed. */
  accountRefreshMs?: number;
  /** Open the fault-injection HTTP API on 127.0.0.1 at this port (0: a free one); null: no control API. */
  controlPort?: number | null;
  now?: () => number;
  log?: (line: string) => void;
}

export type GatewayNotice = 1100 | 1101 | 1102 | 2103 | 2104 | 2105 | 2106 | 2158;
export type GarbageKind = 'unknown-id' | 'truncated' | 'not-a-number';

export interface SimulatorFaults {
  /** Destroys every client socket at once. Returns how many there were. */
  drop(): number;
  /** Keeps every socket open but goes silent both ways (a half-open connection). */
  stall(): number;
  /** Ends a stall and a competing session. */
  resume(): void;
  /** Closes everything and refuses connections for `seconds`, like the gateway's daily restart. */
  restart(seconds: number): void;
  /** Sends a connectivity or farm notice to every client; 1101 also drops their market data (data lost). */
  notice(code: GatewayNotice): void;
  /** Another session took the login's market data (10197) until resume(). */
  competingSession(): void;
  /** The next `count` connections are refused with 326 whatever client id they ask for. */
  clientIdInUse(count?: number): void;
  /** Sends every client a frame no conforming client can decode. */
  garbageFrame(kind?: GarbageKind): void;
  /**
   * Leaves the AccountType tag out of account summaries and account updates (on) until released (off),
   * when the tag goes out to every open subscription: a gateway slow to send the summary, as after a
   * reconnect. Order rules must not guess an account's kind meanwhile.
   */
  withholdAccountType(on: boolean): void;
  /** Answers reqAccountSummary and reqPositions only after `ms` (0 lifts it), as a gateway busy after a reconnect. */
  delayAccountData(ms: number): void;
  /** Posts a news bulletin (regular, msgType 1) to the clients subscribed with reqNewsBulletins. Returns its id. */
  newsBulletin(text: string, exchange?: string): number;
  /**
   * Expiry-day assignment: the account's in-the-money short options (or only `conId`) are exercised against
   * it — a short call delivers the shares at the strike, a short put buys them — and clients see the books move.
   * Returns how many positions were assigned.
   */
  assign(account: string, conId?: number): number;
}

export interface ConnectionInfo {
  id: number;
  clientId: number;
  serverVersion: number;
  remote: string;
  marketDataLines: number;
  /** How many of each request (by decoded type, e.g. reqPositions) this client sent after startApi. */
  requests: Record<string, number>;
}

export interface Simulator {
  readonly host: string;
  readonly port: number;
  readonly controlPort: number | null;
  readonly world: World;
  readonly faults: SimulatorFaults;
  /** The account ids as clients see them (U… with the live account style). */
  accountIds(): string[];
  connections(): ConnectionInfo[];
  setTickRate(ticksPerSecond: number): void;
  setDelayed(delayed: boolean): void;
  readonly tickRate: number;
  /** Moves the market `count` ticks now and publishes them (tests use this with tickRate 0). */
  step(count: number): void;
  close(): Promise<void>;
}
