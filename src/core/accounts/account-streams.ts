import type { AccountPositionsUpdate, AccountSummariesUpdate, IBApiNext } from '@stoqey/ib';
import { scan, shareReplay, type Observable } from 'rxjs';
import { LEDGER_TAGS, SUMMARY_TAGS } from './accounts-view';
import { withTrueAll } from './ib-accounts-mapping';

/** What one connection streams about the accounts: positions, the account summary and the ledger. */
export interface AccountStreamsOfConnection {
  readonly positions: Observable<AccountPositionsUpdate>;
  readonly summary: Observable<AccountSummariesUpdate>;
  readonly ledger: Observable<AccountSummariesUpdate>;
}

/**
 * The one place Gatehouse asks a connection for positions and account summaries. IBKR allows two
 * reqAccountSummary at a time per client, and the accounts view and the order gate read the same
 * figures, so each connection gets one reqPositions and one reqAccountSummary per tag set, shared by
 * every reader. A reader that joins late is given the latest answer at once, as IBApiNext gives it to a
 * new subscriber; when the last reader leaves, the requests are cancelled.
 */
export class AccountStreams {
  private readonly byConnection = new WeakMap<IBApiNext, AccountStreamsOfConnection>();

  of(api: IBApiNext): AccountStreamsOfConnection {
    const held = this.byConnection.get(api);
    if (held) return held;
    const shared = <T>(source: Observable<T>) => source.pipe(shareReplay({ bufferSize: 1, refCount: true }));
    const streams = {
      // The first update (at positionEnd) is the full list; scan passes it on as it is.
      positions: shared(api.getPositions().pipe(scan((last, update) => withTrueAll(last.all, update)))),
      summary: shared(api.getAccountSummary('All', SUMMARY_TAGS)),
      ledger: shared(api.getAccountSummary('All', LEDGER_TAGS)),
    };
    this.byConnection.set(api, streams);
    return streams;
  }
}
