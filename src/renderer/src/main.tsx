import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { report, useNoticeStore } from './stores/notice-store';
import { startMarketFeed } from './stores/market-store';
import { startSessionFeed } from './stores/session-store';
import { startAccountsFeed } from './stores/accounts-store';
import { startOrdersBookFeed } from './stores/orders-book-store';
import { startOrdersFeed } from './stores/order-store';
import './styles.css';

startSessionFeed(window.gatehouse);
startAccountsFeed(window.gatehouse);
startOrdersBookFeed(window.gatehouse);
startOrdersFeed(window.gatehouse);
startMarketFeed(window.gatehouse);
void report(window.gatehouse.app.info()).then((info) => {
  for (const notice of info?.notices ?? []) useNoticeStore.getState().push('info', notice);
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
