import { ConnectionState, type IBApiNext } from '@stoqey/ib';
import type { Subscription } from 'rxjs';
import type { AccountStreams } from '../accounts/account-streams';
import type { GatewayPosition, Received, SummaryValues } from './rule-context-builder';

export type Summaries = ReadonlyMap<string, SummaryValues>;

/**
 * Positions and the account summary (AccountType, SettledCash, the ledger) as the gateway streams them,
 * held for as long as the connection is up so a submit can re-check the rules without a round trip.
 * The streams are the ones the accounts view reads (one reqPositions and one reqAccountSummary per tag
 * set for each connection, see AccountStreams), so holding them costs the gateway nothing. Null until the gateway has sent a full answer on this socket;
 * each answer is held with the time it arrived, which the rules age while the connection is degraded.
 *
 * The rules read facts here and nowhere else. A fresh `firstValueFrom(api.getPositions())` is not a
 * fresh read: after the session reconnects the same IBApiNext, its subscriptions replay the previous
 * socket's last answer to a new subscriber at once. The subscriptions held here are not fooled: they
 * see nothing from the new socket until its end marker, and everything is forgotten when a socket closes.
 */
export class HeldAccountFacts {
  private subscriptions: Subscription[] = [];
  private heldPositions: Received<GatewayPosition[]> = null;
  private core: Received<Summaries> = null;
  private ledger: Received<Summaries> = null;
  private readonly waiting = new Set<() => void>();

  constructor(
    private readonly streams: AccountStreams,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Follows a new connection (or none); what the previous one said is forgotten. The session attaches a
   * connection before its first socket opens, so what a subscription replays here is this connection's.
   */
  attach(api: IBApiNext | null): void {
    this.detach();
    if (api === null) return;
    const streams = this.streams.of(api);
    this.subscriptions = [
      // A closed socket takes its answers with it, whether the session reconnects this IBApiNext
      // (backoff, the 1101 cycle) or opens another.
      api.connectionState.subscribe((state) => {
        if (state !== ConnectionState.Connected) this.forget();
      }),
      streams.positions.subscribe({
        next: (update) => {
          const value = [...update.all.values()]
            .flat()
            .map((p) => ({ account: p.account, contract: p.contract, pos: p.pos }));
          this.heldPositions = { value, at: this.now() };
          this.arrived();
        },
        error: () => (this.heldPositions = null),
      }),
      streams.summary.subscribe({
        next: (update) => {
          this.core = { value: update.all, at: this.now() };
          this.arrived();
        },
        error: () => (this.core = null),
      }),
      streams.ledger.subscribe({
        next: (update) => {
          this.ledger = { value: update.all, at: this.now() };
          this.arrived();
        },
        error: () => (this.ledger = null),
      }),
    ];
  }

  /** The socket closed: nothing held is current until the gateway answers again. */
  private forget(): void {
    this.heldPositions = null;
    this.core = null;
    this.ledger = null;
  }

  detach(): void {
    for (const subscription of this.subscriptions.splice(0)) subscription.unsubscribe();
    this.forget();
  }

  /** The positions as held, or the first full answer within `ms` if none is held yet; null if none came. */
  positionsWithin(ms: number): Promise<Received<GatewayPosition[]>> {
    return this.within(() => this.positions(), ms);
  }

  /** The summaries as held, or the first full answer within `ms` if none is held yet; null if none came. */
  summariesWithin(ms: number): Promise<Received<Summaries>> {
    return this.within(() => this.summaries(), ms);
  }

  private within<T>(read: () => Received<T>, ms: number): Promise<Received<T>> {
    const held = read();
    if (held !== null) return Promise.resolve(held);
    return new Promise((resolve) => {
      const finish = (value: Received<T>) => {
        clearTimeout(timer);
        this.waiting.delete(check);
        resolve(value);
      };
      const check = () => {
        const value = read();
        if (value !== null) finish(value);
      };
      const timer = setTimeout(() => finish(null), ms);
      this.waiting.add(check);
    });
  }

  private arrived(): void {
    for (const check of [...this.waiting]) check();
  }

  positions(): Received<GatewayPosition[]> {
    return this.heldPositions;
  }

  /**
   * Both summaries merged per account, tag and currency, as one reqAccountSummary of all the tags gives
   * them; received when the older of the two was.
   */
  summaries(): Received<Summaries> {
    if (this.core === null || this.ledger === null) return null;
    return { value: mergeSummaries(this.core.value, this.ledger.value), at: Math.min(this.core.at, this.ledger.at) };
  }
}

export function mergeSummaries(a: Summaries, b: Summaries): Summaries {
  const out = new Map<string, Map<string, Map<string, { value: string }>>>();
  for (const source of [a, b]) {
    for (const [account, tags] of source) {
      const accountTags = out.get(account) ?? new Map<string, Map<string, { value: string }>>();
      out.set(account, accountTags);
      for (const [tag, currencies] of tags) {
        const merged = accountTags.get(tag) ?? new Map<string, { value: string }>();
        accountTags.set(tag, merged);
        for (const [currency, value] of currencies) merged.set(currency, value);
      }
    }
  }
  return out;
}
