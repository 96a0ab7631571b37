import { app } from 'electron';
import { createApp } from '../core/app';
import { consoleLogger } from '../core/log';
import { bindIpc } from './ipc';
import { installAppMenu } from './menu';
import { registerAppProtocol, serveRenderer } from './protocol';
import { installSecurityGuards } from './security';
import { createTray } from './tray';
import { createMainWindow } from './window';

// Privileged schemes must be registered before the app is ready.
registerAppProtocol();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void start();
}

async function start(): Promise<void> {
  await app.whenReady();
  const logger = consoleLogger('main');
  const services = createApp({ shell: 'electron', version: app.getVersion(), logger });

  installSecurityGuards();
  serveRenderer();
  const window = createMainWindow();
  const unbindIpc = bindIpc(services, window, logger);
  const showWindow = () => {
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  };
  const tray = createTray(services.session, { showWindow, quit: () => app.quit() });
  installAppMenu({ showWindow, reconnect: () => void services.session.reconnect() });

  // A second launch focuses the running window instead of opening a second gateway socket.
  app.on('second-instance', showWindow);
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => {
    unbindIpc();
    tray.destroy();
    void services.dispose();
  });
}
