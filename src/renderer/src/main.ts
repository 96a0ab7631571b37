import { startRenderer } from './start';

// The Electron preload has put the IPC client in place before any of the page's scripts run.
startRenderer(window.gatehouse);
