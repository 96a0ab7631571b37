import { Menu, Tray, nativeImage, type MenuItemConstructorOptions } from 'electron';
import { join } from 'node:path';
import type { AppActions } from '../core/app';
import type { SessionSource } from '../core/session/session-source';
import { trayModel, type TrayAction, type TrayModel } from '../core/session/tray-model';

interface TrayHandlers {
  showWindow(): void;
  quit(): void;
  /** Resolves true when the person confirms the question. */
  confirm(question: string): Promise<boolean>;
}

const TOOLTIP_REFRESH_MS = 5_000;

/** Draws the tray model; every decision about what it says lives in core/session/tray-model. */
export function createTray(session: SessionSource, actions: AppActions, handlers: TrayHandlers): { destroy(): void } {
  const iconDir = join(import.meta.dirname, '../../resources/tray');
  const tray = new Tray(nativeImage.createFromPath(join(iconDir, 'down-demo.png')));

  const run = async (action: TrayAction, confirm?: string) => {
    if (confirm && !(await handlers.confirm(confirm))) return;
    if (action === 'show') handlers.showWindow();
    else if (action === 'quit') handlers.quit();
    else if (action === 'reconnect') await actions.reconnect();
    else if (action === 'toggle-read-only') await actions.setReadOnly(!session.current().readOnly);
    else if (action === 'kill-switch') await actions.killSwitch();
    else await actions.setMode(action.mode);
  };

  const render = (model: TrayModel) => {
    tray.setImage(nativeImage.createFromPath(join(iconDir, `${model.icon}.png`)));
    tray.setToolTip(model.tooltip);
    const template = model.menu.map((item): MenuItemConstructorOptions =>
      item.kind === 'separator'
        ? { type: 'separator' }
        : {
            label: item.label,
            enabled: item.enabled,
            type: item.toggle?.type ?? 'normal',
            checked: item.toggle?.checked ?? false,
            click: () => void run(item.action, item.confirm),
          },
    );
    tray.setContextMenu(Menu.buildFromTemplate(template));
  };

  const refresh = () => render(trayModel(session.current(), Date.now()));
  refresh();
  const unsubscribe = session.subscribe(refresh);
  // The heartbeat age in the tooltip goes stale between state changes.
  const timer = setInterval(refresh, TOOLTIP_REFRESH_MS);
  tray.on('click', handlers.showWindow);

  return {
    destroy() {
      clearInterval(timer);
      unsubscribe();
      tray.destroy();
    },
  };
}
