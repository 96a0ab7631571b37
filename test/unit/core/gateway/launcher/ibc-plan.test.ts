import { describe, expect, it } from 'vitest';
import {
  expandHome,
  gatewayInstallation,
  ibcIni,
  planIbcLaunch,
} from '../../../../../src/core/gateway/launcher/ibc-plan';

const LOGIN = { username: 'trader-jo', password: 'pa ss=w0rd#;' };

describe('IBC launch plan', () => {
  it('takes the version and the Jts folder from the versioned IB Gateway folder', () => {
    expect(gatewayInstallation('/home/jo/Jts/ibgateway/1030')).toEqual({ version: '1030', twsPath: '/home/jo/Jts' });
    expect(() => gatewayInstallation('/home/jo/Jts')).toThrow(
      /versioned installation folder, such as ~\/Jts\/ibgateway\/1030/,
    );
    expect(() => gatewayInstallation('')).toThrow(/nothing is not/);
  });

  it('expands ~ only at the start of a path', () => {
    expect(expandHome('~/ibc', '/home/jo')).toBe('/home/jo/ibc');
    expect(expandHome('~', '/home/jo')).toBe('/home/jo');
    expect(expandHome('/opt/~ibc', '/home/jo')).toBe('/opt/~ibc');
  });

  it("runs IBC's start script with paths and the mode, never the login", () => {
    const plan = planIbcLaunch(
      { gatewayPath: '/home/jo/Jts/ibgateway/1030', ibcPath: '/opt/ibc' },
      'live',
      '/tmp/gatehouse-ibc-x/config.ini',
      'linux',
    );
    expect(plan).toEqual({
      command: '/opt/ibc/scripts/ibcstart.sh',
      args: [
        '1030',
        '--gateway',
        '--tws-path=/home/jo/Jts',
        '--ibc-path=/opt/ibc',
        '--ibc-ini=/tmp/gatehouse-ibc-x/config.ini',
        '--mode=live',
      ],
    });
    expect(JSON.stringify(plan)).not.toContain(LOGIN.username);
  });

  it('writes the login, mode and port into the one-start settings file, as they are', () => {
    expect(ibcIni(LOGIN, 'paper', 4002).split('\n')).toEqual([
      expect.stringMatching(/^# /),
      'IbLoginId=trader-jo',
      'IbPassword=pa ss=w0rd#;',
      'TradingMode=paper',
      'OverrideTwsApiPort=4002',
      '',
    ]);
  });

  it('refuses a value with a line break, which would smuggle in another setting, without quoting it', () => {
    const evil = 'x\nReadOnlyApi=no';
    expect(() => ibcIni({ ...LOGIN, password: evil }, 'live', 4001)).toThrow(
      /stored live password contains a line break/,
    );
    try {
      ibcIni({ ...LOGIN, password: evil }, 'live', 4001);
    } catch (error) {
      expect((error as Error).message).not.toContain('ReadOnlyApi');
    }
  });
});
