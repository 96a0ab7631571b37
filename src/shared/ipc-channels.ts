/** The only Electron IPC channels; the main process listens on nothing else. */
export const CALL_CHANNEL = 'gatehouse:call';
/** One-way messages from the window (ipcRenderer.send): the contract's signals. */
export const SIGNAL_CHANNEL = 'gatehouse:signal';
export const EVENT_CHANNEL = 'gatehouse:event';
