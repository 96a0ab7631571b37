import type { GatehouseApi } from '../../../shared/client';
import { positionFeed, useAccountsStore } from './accounts-store';
import { applyWatchlist } from './market-store';

/**
 * A first run's watchlist: once every position is in (IB's positionEnd: the accounts are 'ready') and on
 * screen, the services are asked to start an empty
 * watchlist with the instruments held (they decide, and remember, whether it is a first run). Asked after the
 * positions' paint, never before it: the start-up budget is about that paint. A refusal (no gateway yet) is
 * not the person's concern; the next window asks again.
 */
export function seedWatchlistWhenHeld(api: GatehouseApi): () => void {
  let stop: (() => void) | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const ask = () => {
    stop?.();
    stop = null;
    // The frame after the one that paints the positions.
    requestAnimationFrame(() => {
      timer = setTimeout(() => {
        const conIds = [...new Set(positionFeed.all().map((row) => row.conId))];
        void api.market.seedWatchlist({ conIds }).then((result) => result.ok && applyWatchlist(result.value));
      }, 0);
    });
  };
  // Not at the first position: they arrive a few at a time, and a partial list would be the seed for good.
  const allHeld = () => useAccountsStore.getState().status === 'ready' && positionFeed.size > 0;
  if (allHeld()) ask();
  else stop = useAccountsStore.subscribe(() => allHeld() && ask());
  return () => {
    stop?.();
    if (timer !== null) clearTimeout(timer);
  };
}
