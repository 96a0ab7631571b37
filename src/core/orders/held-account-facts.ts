import type { IBApiNext } from '@stoqey/ib';
import type { Subscription } from 'rxjs';
import { LEDGER_TAGS, SUMMARY_TAGS } from '../accounts/accounts-view';
import type { GatewayPosition, SummaryValues } from './rule-context-builder';

type Summaries = ReadonlyMap<string, SummaryValues>;

/**
 * Positions and the account summary (AccountType, SettledCash, the ledger) as the gateway streams them,
 * held for as long as the connection is up so a submit can re-check the rules without a round trip.
 * The requests are the very ones the accounts service holds: IBApiNext keys a subscription by its
 * arguments, so these share its reqPositions and its two reqAccountSummary (IBKR allows only two at a
 * time) and cost the gateway nothing. Null until the gateway has sent a full answer on this connection.
 */
export class HeldAccountFacts {
  private subscriptions: Subscription[] = [];
  private heldPositions: GatewayPosition[] | null = null;
  private core: Summaries | null = null;
  private ledger: Summaries | null = null;

  /** Follows a new connection (or none); what the previous one said is forgotten. */
  attach(api: IBApiNext | null): void {
    this.detach();
    if (api === null) return;
    this.subscriptions = [
      api.getPositions().subscribe({
        next: (update) => {
          this.heldPositions = [...update.all.values()]
            .flat()
            .map((p) => ({ account: p.account, contract: p.contract, pos: p.pos }));
        },
        error: () => (this.heldPositions = null),
      }),
      api.getAccountSummary('All', SUMMARY_TAGS).subscribe({
        next: (update) => (this.core = update.all),
        error: () => (this.core = null),
      }),
      api.getAccountSummary('All', LEDGER_TAGS).subscribe({
        next: (update) => (this.ledger = update.all),
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

  positions(): GatewayPosition[] | null {
    return this.heldPositions;
  }

  /** Both summaries merged per account, tag and currency, as one reqAccountSummary of all the tags gives them. */
  summaries(): Summaries | null {
    if (this.core === null || this.ledger === null) return null;
    return mergeSummaries(this.core, this.ledger);
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
