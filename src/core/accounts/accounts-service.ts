import type { Subscription } from 'rxjs';
import type { Account, AccountsSnapshot, PositionRow } from '../../shared/accounts';
import { positionRowId } from '../../shared/position-row-id';
import { AppError } from '../../shared/result';
import type { SessionState } from '../../shared/session';
import type { Settings } from '../../shared/settings';
import type { GatewaySession } from '../gateway/gateway-session';
import type { IbConnection } from '../gateway/ib-connection';
import type { EventBus } from '../ipc/event-bus';
import type { RoomHandlers } from '../ipc/router';
import type { Logger } from '../log';
import type { SettingsStore } from '../settings/settings-store';
import { initialAccountsState, positionKey, reduceAccounts, type AccountsAction } from './accounts-state';
import type { AccountStreams } from './account-streams';
import { accountOf, accountsView, ledgerOf } from './accounts-view';
import { pnlFigures, pnlSingleFigures, positionActions, summaryLines } from './ib-accounts-mapping';
import { diffRows, isEmptyDiff } from '../row-diff';
import { createThrottle } from './throttle';

export interface AccountsServiceOptions {
  session: Pick<GatewaySession, 'onConnection' | 'subscribe' | 'current'>;
  events: Pick<EventBus, 'publish'>;
  settings: Pick<SettingsStore, 'current' | 'update'>;
  logger: Logger;
  /** Positions and summaries, asked of each connection once and shared with the order gate. */
  streams: AccountStreams;
  /** At most one accounts.update per this many ms, however fast P&L ticks arrive. */
  publishIntervalMs?: number;
  /** Holdings at other brokers (imported), shown beside the linked accounts' positions. */
  external?: ExternalPositions;
}

export interface ExternalPositions {
  rows(): PositionRow[];
  onChange(listener: () => void): () => void;
}

const isUp = (state: SessionState) => state.state === 'connected' || state.state === 'degraded';

/**
 * Follows the gateway session: on each connection it subscribes to the account summary, the ledger,
 * positions, P&L per account and P&L per position, folds everything into one state with the pure
 * reducer, and publishes what changed as coalesced grid transactions.
 */
export class AccountsService {
  private state = initialAccountsState();
  private published: AccountsSnapshot | null = null;
  private connection: IbConnection | null = null;
  private connectionSubs: Subscription[] = [];
  private readonly pnlSubs = new Map<string, Subscription>();
  private readonly pnlSingleSubs = new Map<string, Subscription>();
  private readonly stops: (() => void)[] = [];
  private readonly throttle;

  constructor(private readonly options: AccountsServiceOptions) {
    this.throttle = createThrottle(() => this.flush(), options.publishIntervalMs ?? 200);
    this.stops.push(
      options.session.onConnection((connection) => this.follow(connection)),
      options.session.subscribe((state) => this.onSession(state)),
      options.external?.onChange(() => this.throttle.poke()) ?? (() => {}),
    );
    this.onSession(options.session.current());
  }

  handlers(): RoomHandlers<'accounts.'> {
    return {
      'accounts.snapshot': () => this.snapshot(),
      'accounts.ledger': ({ account }) => {
        if (account !== undefined && !this.state.accounts.includes(account))
          throw new AppError('refused', `Account ${account} is not one of the linked accounts.`);
        return ledgerOf(this.state, account);
      },
      'accounts.setOverride': ({ account, kind, label }) => this.setOverride(account, kind, label),
    };
  }

  dispose(): void {
    for (const stop of this.stops) stop();
    this.detach();
    this.throttle.dispose();
  }

  /** Everything the workspace shows now: for the window, and for services that watch positions (the expiry watch). */
  snapshot(): AccountsSnapshot {
    const { accountOverrides } = this.options.settings.current();
    return accountsView(this.state, accountOverrides, this.options.external?.rows() ?? []);
  }

  private async setOverride(account: string, kind: Account['kind'] | null, label: string | null): Promise<Account> {
    if (!this.state.accounts.includes(account))
      throw new AppError('refused', `Account ${account} is not one of the linked accounts.`);
    const settings = await this.options.settings.update((current: Settings) => {
      const overrides = { ...current.accountOverrides };
      const next = { ...(kind ? { kind } : {}), ...(label ? { label } : {}) };
      if (Object.keys(next).length === 0) delete overrides[account];
      else overrides[account] = next;
      return { ...current, accountOverrides: overrides };
    });
    this.throttle.poke();
    return accountOf(this.state, account, settings.accountOverrides);
  }

  private dispatch(action: AccountsAction): void {
    const next = reduceAccounts(this.state, action);
    if (next === this.state) return;
    this.state = next;
    this.throttle.poke();
  }

  private follow(connection: IbConnection | null): void {
    this.detach();
    this.connection = connection;
    this.dispatch({ type: 'reset' });
  }

  private onSession(session: SessionState): void {
    this.dispatch({ type: 'connected', connected: isUp(session) });
    if (!isUp(session) || !this.connection) return;
    if (this.connectionSubs.length === 0) this.attach(this.connection);
    if (session.accounts.join() !== this.state.accounts.join()) {
      this.dispatch({ type: 'accounts', ids: session.accounts });
      this.syncPnl(this.connection, session.accounts);
    }
  }

  /** IBApiNext re-sends these after a reconnect of the same connection, so they are made once per connection. */
  private attach(connection: IbConnection): void {
    const streams = this.options.streams.of(connection.api);
    let first = true;
    const warn = (what: string) => (error: unknown) =>
      this.options.logger.log('warn', `accounts: ${what} failed`, error);
    this.connectionSubs.push(
      streams.summary.subscribe({
        next: (update) => this.dispatch({ type: 'summary', lines: summaryLines(update.all) }),
        error: warn('account summary'),
      }),
      streams.ledger.subscribe({
        next: (update) => this.dispatch({ type: 'ledger', lines: summaryLines(update.all) }),
        error: warn('ledger'),
      }),
      streams.positions.subscribe({
        next: (update) => {
          for (const action of positionActions(update, first)) this.dispatch(action);
          first = false;
          this.syncPnlSingle(connection);
        },
        error: warn('positions'),
      }),
    );
  }

  private syncPnl(connection: IbConnection, accounts: string[]): void {
    syncSubscriptions(this.pnlSubs, new Set(accounts), (account) =>
      connection.api.getPnL(account).subscribe({
        next: (pnl) => this.dispatch({ type: 'pnl', account, pnl: pnlFigures(pnl) }),
        error: (error: unknown) => this.options.logger.log('warn', `accounts: P&L of ${account} failed`, error),
      }),
    );
  }

  /** One reqPnLSingle per open position: opened with the position, cancelled when it closes. */
  private syncPnlSingle(connection: IbConnection): void {
    const wanted = new Set(Object.keys(this.state.positions));
    syncSubscriptions(this.pnlSingleSubs, wanted, (key) => {
      const held = this.state.positions[key];
      if (!held) return null;
      const { account } = held;
      const { conId } = held.instrument;
      return connection.api.getPnLSingle(account, '', conId).subscribe({
        next: (pnl) => this.dispatch({ type: 'pnlSingle', account, conId, pnl: pnlSingleFigures(pnl) }),
        error: (error: unknown) =>
          this.options.logger.log('warn', `accounts: P&L of ${positionKey(account, conId)} failed`, error),
      });
    });
  }

  private detach(): void {
    for (const sub of this.connectionSubs) sub.unsubscribe();
    this.connectionSubs = [];
    for (const subs of [this.pnlSubs, this.pnlSingleSubs]) {
      for (const sub of subs.values()) sub.unsubscribe();
      subs.clear();
    }
  }

  private flush(): void {
    const next = this.snapshot();
    const previous = this.published;
    this.published = next;
    const positions = diffRows(previous?.positions ?? [], next.positions, positionRowId);
    const consolidated = diffRows(previous?.consolidated ?? [], next.consolidated, (row) => row.conId);
    const accountsChanged = JSON.stringify(previous?.accounts) !== JSON.stringify(next.accounts);
    const balancesChanged =
      JSON.stringify([previous?.balances, previous?.total]) !== JSON.stringify([next.balances, next.total]);
    if (
      previous?.status === next.status &&
      !accountsChanged &&
      !balancesChanged &&
      isEmptyDiff(positions) &&
      isEmptyDiff(consolidated)
    )
      return;
    this.options.events.publish('accounts.update', {
      status: next.status,
      ...(accountsChanged ? { accounts: next.accounts } : {}),
      balances: next.balances,
      total: next.total,
      positions,
      consolidated,
    });
  }
}

/** Opens a subscription for each wanted key that has none and closes those no longer wanted. */
function syncSubscriptions(
  subs: Map<string, Subscription>,
  wanted: ReadonlySet<string>,
  open: (key: string) => Subscription | null,
): void {
  for (const [key, sub] of subs)
    if (!wanted.has(key)) {
      sub.unsubscribe();
      subs.delete(key);
    }
  for (const key of wanted) {
    if (subs.has(key)) continue;
    const sub = open(key);
    if (sub) subs.set(key, sub);
  }
}
