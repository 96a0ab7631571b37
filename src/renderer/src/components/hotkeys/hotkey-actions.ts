import type { HotkeyAction } from '../../../../shared/hotkeys';
import { useMarketStore } from '../../stores/market-store';
import { report, useNoticeStore } from '../../stores/notice-store';
import { askKillSwitch } from '../../stores/hotkey-store';
import { openTicket, useOrderStore } from '../../stores/order-store';
import { tradePrefill } from '../orders/ticket-prefill';

const tell = (message: string) => useNoticeStore.getState().push('info', message);

/**
 * TWS's "buy at the ask" / "sell at the bid": a limit order at the touch for the selected watchlist row,
 * opened in the ticket for the person to check and send (nothing is sent from a key press).
 */
function touchTicket(action: 'BUY' | 'SELL'): void {
  const { entries, quotes, selected } = useMarketStore.getState();
  const listing = entries.find((entry) => entry.conId === selected);
  const prefill = listing ? tradePrefill(listing) : null;
  if (!listing || !prefill) {
    tell('Select a stock in the watchlist first.');
    return;
  }
  const quote = quotes.get(listing.conId);
  const price = action === 'BUY' ? quote?.ask : quote?.bid;
  if (price === null || price === undefined || price <= 0) {
    tell(`${listing.symbol} has no ${action === 'BUY' ? 'ask' : 'bid'} right now; the ticket opens without a price.`);
    openTicket({ ...prefill, action });
    return;
  }
  openTicket({ ...prefill, action, orderType: 'LMT', limitPrice: price });
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
