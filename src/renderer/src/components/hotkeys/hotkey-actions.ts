import type { HotkeyAction } from '../../../../shared/hotkeys';
import { useMarketStore } from '../../stores/market-store';
import { report, useNoticeStore } from '../../stores/notice-store';
import { askKillSwitch, useHotkeyStore } from '../../stores/hotkey-store';
import { openTicket, useOrderStore, type TicketPrefill } from '../../stores/ticket-store';
import { positionPrefill, touchPrefill, tradePrefill } from '../orders/ticket-prefill';

const tell = (message: string) => useNoticeStore.getState().push('info', message);

/** The row the keys act on: the positions row last chosen, unless a watchlist row was chosen since. */
function tradeTarget(): { conId: number; symbol: string; prefill: TicketPrefill } | null {
  const position = useHotkeyStore.getState().position;
  if (position) {
    const prefill = positionPrefill(position);
    return prefill && { conId: position.conId, symbol: position.symbol, prefill };
  }
  const { entries, selected } = useMarketStore.getState();
  const listing = entries.find((entry) => entry.conId === selected);
  const prefill = listing ? tradePrefill(listing) : null;
  return listing && prefill ? { conId: listing.conId, symbol: listing.symbol, prefill } : null;
}

/**
 * TWS's "buy at the ask" / "sell at the bid": a limit order at the touch for the selected watchlist or
 * positions row (a position's in its own account), opened in the ticket for the person to check and send
 * (nothing is sent from a key press).
 */
function touchTicket(action: 'BUY' | 'SELL'): void {
  const target = tradeTarget();
  if (!target) {
    tell('Select a stock in the watchlist or the positions first.');
    return;
  }
  const { prefill, priced } = touchPrefill(target.prefill, action, useMarketStore.getState().quotes.get(target.conId));
  if (!priced)
    tell(`${target.symbol} has no ${action === 'BUY' ? 'ask' : 'bid'} right now; the ticket opens without a price.`);
  openTicket(prefill);
}

function cancelLast(): void {
  const orderId = useOrderStore.getState().lastSentOrderId;
  if (orderId === null) {
    tell('No order has been sent from this window yet.');
    return;
  }
  void report(window.gatehouse.orders.cancel({ orderId }));
}

export const HOTKEY_HANDLERS: Record<HotkeyAction, () => void> = {
  buyAtAsk: () => touchTicket('BUY'),
  sellAtBid: () => touchTicket('SELL'),
  cancelLast,
  killSwitch: askKillSwitch,
};
