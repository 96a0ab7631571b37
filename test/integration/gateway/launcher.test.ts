/**
 * The optional IB Gateway launch, end to end with a stand-in for IBC (test/fixtures/fake-ibc): the
 * session starts it with the keychain login, waits for its port with progress, connects to the
 * simulator it opens, and the launcher stops it again. POSIX only: IBC's script there is a shell script.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CredentialsService } from '../../../src/core/credentials/credentials-service';
import { KnownSecrets } from '../../../src/core/credentials/known-secrets';
import { MemoryCredentialStore } from '../../../src/core/credentials/memory-credential-store';
import { GatewaySession } from '../../../src/core/gateway/gateway-session';
import { createIbConnection } from '../../../src/core/gateway/ib-connection';
import { IbcLauncher } from '../../../src/core/gateway/launcher/ibc-launcher';
import { portOpen } from '../../../src/core/gateway/launcher/port-probe';
import type { Logger } from '../../../src/core/log';
import { redactingLogger } from '../../../src/core/log-redaction';
import type { SessionState } from '../../../src/shared/session';
import { defaultSettings, type Settings } from '../../../src/shared/settings';
import type { FakeIbcReport } from '../../fixtures/fake-ibc/fake-ibc';
import { untilState } from './session-waits';

const FAKE_IBC = fileURLToPath(new URL('../../fixtures/fake-ibc', import.meta.url));
const USERNAME = 'trader-jo';
const PASSWORD = 'Launch-S3cret!';

let scratch: string;
let loginDir: string;
let reportPath: string;
let logLines: string[];
let launcher: IbcLauncher;
let session: GatewaySession;
let states: SessionState[];

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function setup(port: number, { stored = true, mode = 'paper' as 'paper' | 'live' } = {}) {
  const gatewayPath = join(scratch, 'Jts', 'ibgateway', '1030');
  mkdirSync(gatewayPath, { recursive: true });
  const settings: Settings = {
    ...defaultSettings(),
    mode,
    gateway: { ...defaultSettings().gateway, [mode]: { host: '127.0.0.1', port, clientId: 17 } },
    gatewayLaunch: { enabled: true, gatewayPath, ibcPath: FAKE_IBC, modes: [mode], waitSeconds: 20 },
  };
  const known = new KnownSecrets();
  const recorder: Logger = {
    log: (level, message, error) => logLines.push(`${level} ${message} ${error === undefined ? '' : String(error)}`),
  };
  const logger = redactingLogger(recorder, () => known.values());
  const credentials = new CredentialsService(new MemoryCredentialStore(), known);
  if (stored) await credentials.set(mode, USERNAME, PASSWORD);
  launcher = new IbcLauncher({
    settings: () => settings.gatewayLaunch,
    login: (m) => credentials.login(m),
    logger,
    tempDir: loginDir,
    stopGraceMs: 3_000,
    // As the app wires it: a gateway that went away is started again by starting the session over.
    onUnexpectedExit: () => void session.reconnect(),
  });
  session = new GatewaySession({
    settings: () => settings,
    demo: { start: () => Promise.reject(new Error('no demo here')), stop: async () => undefined },
    connect: createIbConnection,
    logger,
    launcher,
    backoff: { baseMs: 100, capMs: 400 },
  });
  states = [];
  session.subscribe((state) => states.push(state));
}

const until = (predicate: (state: SessionState) => boolean, what: string, ms = 20_000) =>
  untilState(session, predicate, what, ms);

const report = (): FakeIbcReport => JSON.parse(readFileSync(reportPath, 'utf8')) as FakeIbcReport;

beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'gatehouse-launch-test-'));
  loginDir = join(scratch, 'tmp');
  mkdirSync(loginDir);
  reportPath = join(scratch, 'report.json');
  process.env.FAKE_IBC_REPORT = reportPath;
  logLines = [];
});

afterEach(async () => {
  await session?.dispose();
  await launcher?.stopAll();
  for (const name of ['FAKE_IBC_REPORT', 'FAKE_IBC_DELAY_MS', 'FAKE_IBC_EXIT', 'FAKE_IBC_ECHO'])
    delete process.env[name];
  rmSync(scratch, { recursive: true, force: true });
});

describe.runIf(process.platform !== 'win32')('IB Gateway launch through IBC', () => {
  it('starts it with the keychain login in a private file, waits for the port with progress, connects, stops it', async () => {
    const port = await freePort();
    process.env.FAKE_IBC_DELAY_MS = '1500';
    process.env.FAKE_IBC_ECHO = '1';
    await setup(port);
    await session.start();
    const up = await until(
      (s) => s.state === 'connected' && s.accounts.length === 3,
      'connected to the launched gateway',
    );
    expect(up.port).toBe(port);
    expect(states.map((s) => s.detail)).toContain(`Starting IB Gateway… waiting for port ${port}`);
    expect(states.some((s) => s.detail === `Starting IB Gateway… waiting for port ${port} (1 s)`)).toBe(true);

    const got = report();
    expect(got).toMatchObject({ username: USERNAME, password: PASSWORD, tradingMode: 'paper', port, version: '1030' });
    expect(got.flags).toMatchObject({
      gateway: '',
      'tws-path': join(scratch, 'Jts'),
      'ibc-path': FAKE_IBC,
      mode: 'paper',
    });
    expect(got.loginInArgv).toBe(false);
    expect(got.loginInEnv).toBe(false);
    expect(got.iniFileMode).toBe(0o600);
    expect(got.iniFolderMode).toBe(0o700);
    // What `ps` shows for the running process.
    if (existsSync(`/proc/${got.pid}/cmdline`)) {
      const cmdline = readFileSync(`/proc/${got.pid}/cmdline`, 'utf8');
      expect(cmdline).toContain('--ibc-ini=');
      expect(cmdline).not.toContain(PASSWORD);
    }
    // The login file is gone once the port is open.
    expect(readdirSync(loginDir)).toEqual([]);
    // The gateway's output is logged, and the password it echoed is redacted.
    const log = logLines.join('\n');
    expect(log).toContain('IB Gateway (paper): IbPassword=[redacted]');
    expect(log).not.toContain(PASSWORD);

    await session.dispose();
    await launcher.stopAll();
    expect(report().stopped).toBe(true);
    expect(await portOpen('127.0.0.1', port)).toBe(false);
  });

  it('a started gateway that goes away (auto-logoff) is started again and the session reconnects', async () => {
    const port = await freePort();
    await setup(port);
    await session.start();
    await until((s) => s.state === 'connected' && s.accounts.length === 3, 'the first connection');
    const first = report().pid;
    process.kill(first, 'SIGKILL');
    await until((s) => s.state !== 'connected', 'the loss');
    const back = await until((s) => s.state === 'connected' && s.accounts.length === 3, 'connected to the new one');
    expect(back.port).toBe(port);
    expect(report().pid).not.toBe(first);
    expect(readdirSync(loginDir)).toEqual([]);
  });

  it('uses a gateway already listening on the port and does not start (or later stop) one', async () => {
    const port = await freePort();
    const busy = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => busy.listen(port, '127.0.0.1', resolve));
    try {
      await setup(port);
      await launcher.prepare('paper', { host: '127.0.0.1', port }, () => undefined);
      expect(existsSync(reportPath)).toBe(false);
      expect(logLines.join('\n')).toContain(`IB Gateway already listens on 127.0.0.1:${port}`);
    } finally {
      await new Promise((resolve) => busy.close(resolve));
    }
  });

  it('with no stored login it says where to store one, and starts nothing', async () => {
    const port = await freePort();
    await setup(port, { stored: false });
    await session.start();
    const stopped = await until(
      (s) => s.state === 'disconnected' && /Settings → Credentials/.test(s.detail),
      'refusal',
    );
    expect(stopped.detail).toBe(
      'Starting IB Gateway for paper mode needs its login: store it in Settings → Credentials, or turn the launch off.',
    );
    expect(existsSync(reportPath)).toBe(false);
  });

  it('when IBC exits before the port opens, the session says so and the login file is gone', async () => {
    const port = await freePort();
    process.env.FAKE_IBC_EXIT = '3';
    await setup(port);
    await session.start();
    const stopped = await until((s) => s.state === 'disconnected' && /did not start/.test(s.detail), 'failure');
    expect(stopped.detail).toBe(
      'IB Gateway did not start for paper mode: IBC exited (code 3). Its output is in the log.',
    );
    expect(readdirSync(loginDir)).toEqual([]);
    expect(logLines.join('\n')).toContain('IB Gateway (paper): fake IBC: login failed');
  });
});
