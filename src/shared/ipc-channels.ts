/** The only two Electron IPC channels; the main process listens on nothing else. */
export const CALL_CHANNEL = 'gatehouse:call';
export const EVENT_CHANNEL = 'gatehouse:event';
