import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkLaunchPaths } from '../../../../../src/core/gateway/launcher/ibc-launcher';
import { GatewayLaunchSchema } from '../../../../../src/shared/gateway-launch';

let home: string;
const launch = (gatewayPath: string, ibcPath: string) =>
  GatewayLaunchSchema.parse({ enabled: true, gatewayPath, ibcPath, modes: ['paper'] });

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'gatehouse-paths-'));
  mkdirSync(join(home, 'Jts', 'ibgateway', '1030'), { recursive: true });
  mkdirSync(join(home, 'ibc', 'scripts'), { recursive: true });
  writeFileSync(join(home, 'ibc', 'scripts', 'ibcstart.sh'), '#!/bin/sh\n');
});

afterEach(() => rmSync(home, { recursive: true, force: true }));

describe.runIf(process.platform !== 'win32')('checkLaunchPaths', () => {
  it('accepts both installations, ~ included', async () => {
    chmodSync(join(home, 'ibc', 'scripts', 'ibcstart.sh'), 0o755);
    await expect(checkLaunchPaths(launch('~/Jts/ibgateway/1030', '~/ibc'), home)).resolves.toBeUndefined();
  });

  it('names what is missing and what was expected', async () => {
    chmodSync(join(home, 'ibc', 'scripts', 'ibcstart.sh'), 0o755);
    await expect(checkLaunchPaths(launch('~/Jts/ibgateway/1019', '~/ibc'), home)).rejects.toThrow(
      `There is no IB Gateway installation folder at ${join(home, 'Jts', 'ibgateway', '1019')}.`,
    );
    await expect(checkLaunchPaths(launch('~/Jts', '~/ibc'), home)).rejects.toThrow(/versioned installation folder/);
    await expect(checkLaunchPaths(launch('~/Jts/ibgateway/1030', '~/nowhere'), home)).rejects.toThrow(
      /scripts\/ibcstart\.sh is missing or not executable: point the IBC path at the folder IBC was unzipped into/,
    );
  });

  it('refuses a start script that cannot be run', async () => {
    await expect(checkLaunchPaths(launch('~/Jts/ibgateway/1030', '~/ibc'), home)).rejects.toThrow(/not executable/);
  });
});
