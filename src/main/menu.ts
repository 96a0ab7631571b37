import { Menu, type MenuItemConstructorOptions } from 'electron';

interface MenuHandlers {
  showWindow(): void;
  reconnect(): void;
}

export function installAppMenu(handlers: MenuHandlers): void {
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [{ label: 'Show window', click: handlers.showWindow }, { type: 'separator' }, { role: 'quit' }],
    },
    { role: 'editMenu' },
    {
      label: 'Connection',
      submenu: [{ label: 'Reconnect', accelerator: 'CmdOrCtrl+Shift+R', click: handlers.reconnect }],
    },
    {
      label: 'View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
