import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { report, useNoticeStore } from './stores/notice-store';
import { startMarketFeed } from './stores/market-store';
import { startSessionFeed } from './stores/session-store';
import { seedWatchlistWhenHeld } from './stores/watchlist-seed';
import { startAccountsFeed } from './stores/accounts-store';
import { startOrderBookFeed } from './stores/order-book-store';
import { startOrdersFeed } from './stores/ticket-store';
import type { GatehouseApi } from '../../shared/client';
import './styles.css';

/**
 * Starts the stores' feeds and renders the window. A function rather than a module's side effect, so
 * that no import order has to put `window.gatehouse` in place first.
 */
export function startRenderer(gatehouse: GatehouseApi): void {
  startSessionFeed(gatehouse);
  startAccountsFeed(gatehouse);
  startOrderBookFeed(gatehouse);
  startOrdersFeed(gatehouse);
  startMarketFeed(gatehouse);
  seedWatchlistWhenHeld(gatehouse);
  void report(gatehouse.app.info()).then((info) => {
    for (const notice of info?.notices ?? []) useNoticeStore.getState().push('info', notice);
  });

  const root = document.getElementById('root');
  if (!root) throw new Error('the page has no #root element');
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
