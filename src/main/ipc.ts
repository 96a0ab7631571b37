import { ipcMain, type BrowserWindow, type IpcMainEvent, type IpcMainInvokeEvent } from 'electron';
import type { GatehouseApp } from '../core/app';
import type { Logger } from '../core/log';
import { CALL_CHANNEL, EVENT_CHANNEL, SIGNAL_CHANNEL } from '../shared/ipc-channels';
import { fail } from '../shared/result';
import { APP_ORIGIN } from './app-origin';

/** Electron's binding of the router: invoke for calls, send for signals and events, only for our own window. */
export function bindIpc(services: GatehouseApp, window: BrowserWindow, logger: Logger): () => void {
  ipcMain.handle(CALL_CHANNEL, async (event, method: unknown, input: unknown) => {
    if (!isOurFrame(event, window)) {
      logger.log('warn', `ipc: dropped ${String(method).slice(0, 80)} from a foreign frame`);
      return fail('bad_request', 'This frame may not call Gatehouse.');
    }
    return services.router.call(method, input);
  });
  // The router logs a refused signal; there is nobody to answer.
  const onSignal = (event: IpcMainEvent, name: unknown, input: unknown) => {
    if (isOurFrame(event, window)) services.router.signal(name, input);
    else logger.log('warn', `ipc: dropped signal ${String(name).slice(0, 80)} from a foreign frame`);
  };
  ipcMain.on(SIGNAL_CHANNEL, onSignal);
  const stopEvents = services.events.subscribe((name, payload) => {
    if (!window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, name, payload);
  });
  return () => {
    stopEvents();
    ipcMain.removeHandler(CALL_CHANNEL);
    ipcMain.off(SIGNAL_CHANNEL, onSignal);
  };
}

function isOurFrame(event: IpcMainInvokeEvent | IpcMainEvent, window: BrowserWindow): boolean {
  const frame = event.senderFrame;
  if (!frame || event.sender !== window.webContents || frame !== window.webContents.mainFrame) return false;
  try {
    return new URL(frame.url).origin === APP_ORIGIN;
  } catch {
    return false;
  }
}
