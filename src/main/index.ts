import { app, dialog } from 'electron';
import { createApp } from '../core/app';
import { logCrashes } from '../core/crash-logging';
import { KeytarCredentialStore } from '../core/credentials/keytar-credential-store';
import { createDemoGateway } from '../core/gateway/demo-gateway';
import { consoleLogger } from '../core/log';
import { startSimulator } from '../simulator';
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
  const services = await createApp({
    shell: 'electron',
    version: app.getVersion(),
    logger,
    userDataDir: app.getPath('userData'),
    demo: createDemoGateway(startSimulator, (line) => logger.log('debug', `simulator: ${line}`)),
    credentials: new KeytarCredentialStore(),
  });
  logCrashes(services.logger);

  installSecurityGuards();
  serveRenderer();
  const window = createMainWindow();
  const unbindIpc = bindIpc(services, window, logger);
  const showWindow = () => {
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  };
  const confirm = async (question: string) => {
    const { response } = await dialog.showMessageBox({
      type: 'warning',
      message: question,
      buttons: ['Cancel', 'Continue'],
      defaultId: 0,
      cancelId: 0,
    });
    return response === 1;
  };
  const tray = createTray(services.session, services.actions, { showWindow, quit: () => app.quit(), confirm });
  installAppMenu({ showWindow, reconnect: () => void services.actions.reconnect() });

  // A second launch focuses the running window instead of opening a second gateway socket.
  app.on('second-instance', showWindow);
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => {
    unbindIpc();
    tray.destroy();
    void services.dispose();
  });
}
