import type { AccountPositionsUpdate, IBApiNext, Position } from '@stoqey/ib';
import { Subject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { AccountStreams } from '../../../../src/core/accounts/account-streams';
import { withTrueAll } from '../../../../src/core/accounts/ib-accounts-mapping';

const position = (conId: number, pos: number): Position => ({
  account: 'DU1000001',
  contract: { conId, symbol: `S${conId}` },
  pos,
});
const AAPL = position(265598, 200);
const KO = position(8894, 150);
const SPY = position(756733, 40);
const conIds = (update: AccountPositionsUpdate) =>
  (update.all.get('DU1000001') ?? []).map((p) => p.contract.conId ?? 0);

/**
 * What @stoqey/ib 1.6.10's IBApiNext emits when KO (the second of three) closes: its cached `all` lost KO
 * and, through `splice(index)` with no count, SPY after it.
 */
const koClosed: AccountPositionsUpdate = {
  all: new Map([['DU1000001', [AAPL]]]),
  removed: new Map([['DU1000001', [position(8894, 0)]]]),
};

describe('positions as the order gate reads them', () => {
  it('keep the positions after a closed one, which IBApiNext drops from `all`', () => {
    const first: AccountPositionsUpdate = { all: new Map([['DU1000001', [AAPL, KO, SPY]]]) };
    expect(conIds(withTrueAll(first.all, koClosed))).toEqual([265598, 756733]);
  });

  it('take added and changed positions in place', () => {
    const first: AccountPositionsUpdate = { all: new Map([['DU1000001', [AAPL, KO]]]) };
    const changed = withTrueAll(first.all, {
      all: first.all,
      changed: new Map([['DU1000001', [position(8894, 100)]]]),
      added: new Map([['DU1000001', [SPY]]]),
    });
    expect(changed.all.get('DU1000001')?.map((p) => [p.contract.conId, p.pos])).toEqual([
      [265598, 200],
      [8894, 100],
      [756733, 40],
    ]);
  });

  it('are what every reader of the shared stream gets, from the first update on', () => {
    const source = new Subject<AccountPositionsUpdate>();
    const api = { getPositions: () => source, getAccountSummary: () => new Subject() } as unknown as IBApiNext;
    const seen: number[][] = [];
    const subscription = new AccountStreams().of(api).positions.subscribe((update) => seen.push(conIds(update)));
    source.next({ all: new Map([['DU1000001', [AAPL, KO, SPY]]]) });
    source.next(koClosed);
    expect(seen).toEqual([
      [265598, 8894, 756733],
      [265598, 756733],
    ]);
    subscription.unsubscribe();
  });
});
