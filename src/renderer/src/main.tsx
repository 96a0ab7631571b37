import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { report, useNoticeStore } from './stores/notice-store';
import { startSessionFeed } from './stores/session-store';
import './styles.css';

startSessionFeed(window.gatehouse);
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
