import { basename, dirname, join } from 'node:path';
import { AppError } from '../../../shared/result';
import type { GatewayLaunchSettings, LaunchMode } from '../../../shared/gateway-launch';

export interface IbcLaunchPlan {
  command: string;
  /** Paths and the mode only: the login goes in the ini file, never on a command line `ps` shows. */
  args: string[];
}

/** `~/x` as the home folder's x; IBC and IB Gateway paths are usually written that way. */
export function expandHome(path: string, home: string): string {
  return path === '~' || path.startsWith('~/') ? join(home, path.slice(1)) : path;
}

/**
 * IB Gateway installs into a folder named for its major version (~/Jts/ibgateway/1030); IBC wants that
 * version and the folder two levels up (~/Jts) as separate arguments.
 */
export function gatewayInstallation(gatewayPath: string): { version: string; twsPath: string } {
  const version = basename(gatewayPath);
  if (!/^\d{3,4}$/.test(version)) {
    throw new AppError(
      'refused',
      `The IB Gateway path must be its versioned installation folder, such as ~/Jts/ibgateway/1030; ${gatewayPath || 'nothing'} is not.`,
    );
  }
  return { version, twsPath: dirname(dirname(gatewayPath)) };
}

/** IBC's start script inside its folder, per platform, as IBC ships it. */
export const ibcScript = (ibcPath: string, platform: NodeJS.Platform): string =>
  platform === 'win32' ? join(ibcPath, 'StartIBC.bat') : join(ibcPath, 'scripts', 'ibcstart.sh');

export function planIbcLaunch(
  launch: Pick<GatewayLaunchSettings, 'gatewayPath' | 'ibcPath'>,
  mode: LaunchMode,
  iniPath: string,
  platform: NodeJS.Platform = process.platform,
): IbcLaunchPlan {
  const { version, twsPath } = gatewayInstallation(launch.gatewayPath);
  return {
    command: ibcScript(launch.ibcPath, platform),
    args: [
      version,
      '--gateway',
      `--tws-path=${twsPath}`,
      `--ibc-path=${launch.ibcPath}`,
      `--ibc-ini=${iniPath}`,
      `--mode=${mode}`,
    ],
  };
}

/**
 * The IBC configuration for one start: the login, the mode and the API port. A line break in a value
 * would start a new setting in the file, so such a value is refused rather than written.
 */
export function ibcIni(login: { username: string; password: string }, mode: LaunchMode, port: number): string {
  for (const [field, value] of [
    ['username', login.username],
    ['password', login.password],
  ] as const) {
    if (/[\r\n]/.test(value)) {
      throw new AppError(
        'refused',
        `The stored ${mode} ${field} contains a line break, which IBC's settings file cannot carry. Store it again in Settings → Credentials.`,
      );
    }
  }
  return [
    '# Written by Gatehouse for one IB Gateway start and deleted once its API port opens.',
    `IbLoginId=${login.username}`,
    `IbPassword=${login.password}`,
    `TradingMode=${mode}`,
    `OverrideTwsApiPort=${port}`,
    '',
  ].join('\n');
}
