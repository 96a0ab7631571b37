import type { IBApiNext } from '@stoqey/ib';
import type { Subscription } from 'rxjs';
import { LEDGER_TAGS, SUMMARY_TAGS } from '../accounts/accounts-view';
import type { GatewayPosition, Received, SummaryValues } from './rule-context-builder';

export type Summaries = ReadonlyMap<string, SummaryValues>;

/**
 * Positions and the account summary (AccountType, SettledCash, the ledger) as the gateway streams them,
 * held for as long as the connection is up so a submit can re-check the rules without a round trip.
 * The requests are the very ones the accounts service holds: IBApiNext keys a subscription by its
 * arguments, so these share its reqPositions and its two reqAccountSummary (IBKR allows only two at a
 * time) and cost the gateway nothing. Null until the gateway has sent a full answer on this connection;
 * each answer is held with the time it arrived, which the rules age while the connection is degraded.
 */
export class HeldAccountFacts {
  private subscriptions: Subscription[] = [];
  private heldPositions: Received<GatewayPosition[]> = null;
  private core: Received<Summaries> = null;
  private ledger: Received<Summaries> = null;

  constructor(private readonly now: () => number = Date.now) {}

  /** Follows a new connection (or none); what the previous one said is forgotten. */
  attach(api: IBApiNext | null): void {
    this.detach();
    if (api === null) return;
    this.subscriptions = [
      api.getPositions().subscribe({
        next: (update) => {
          const value = [...update.all.values()]
            .flat()
            .map((p) => ({ account: p.account, contract: p.contract, pos: p.pos }));
          this.heldPositions = { value, at: this.now() };
        },
        error: () => (this.heldPositions = null),
      }),
      api.getAccountSummary('All', SUMMARY_TAGS).subscribe({
        next: (update) => (this.core = { value: update.all, at: this.now() }),
        error: () => (this.core = null),
      }),
      api.getAccountSummary('All', LEDGER_TAGS).subscribe({
        next: (update) => (this.ledger = { value: update.all, at: this.now() }),
        error: () => (this.ledger = null),
      }),
    ];
  }

  /** The connection went down: nothing held is current until the gateway answers again. */
  forget(): void {
    this.heldPositions = null;
    this.core = null;
    this.ledger = null;
  }

  detach(): void {
    for (const subscription of this.subscriptions.splice(0)) subscription.unsubscribe();
    this.forget();
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
