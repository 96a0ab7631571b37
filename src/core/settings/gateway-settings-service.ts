import type { GatewaySettings } from '../../shared/api/gateway-settings';
import { checkLaunchPaths } from '../gateway/launcher/ibc-launcher';
import type { RoomHandlers } from '../ipc/router';
import type { SettingsStore } from './settings-store';

/** The Settings dialog's Gateway section; a launch is checked against the disk before it is saved. */
export function gatewaySettingsHandlers(settings: SettingsStore): RoomHandlers<'gatewaySettings.'> {
  const view = (): GatewaySettings => {
    const { gatewayLaunch, liveIdleDisarmMinutes } = settings.current();
    return { launch: gatewayLaunch, liveIdleDisarmMinutes };
  };
  return {
    'gatewaySettings.get': view,
    'gatewaySettings.set': async ({ launch, liveIdleDisarmMinutes }) => {
      if (launch.enabled) await checkLaunchPaths(launch);
      await settings.update((s) => ({ ...s, gatewayLaunch: launch, liveIdleDisarmMinutes }));
      return view();
    },
  };
}
