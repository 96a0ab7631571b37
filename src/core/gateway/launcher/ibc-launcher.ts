import { spawn, type ChildProcess } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { GatewayLaunchSettings, LaunchMode } from '../../../shared/gateway-launch';
import { AppError } from '../../../shared/result';
import type { GatewayLogin } from '../../credentials/credentials-service';
import type { Logger } from '../../log';
import { isLoopbackHost } from '../loopback';
import type { GatewayLaunch } from './gateway-launch';
import { expandHome, gatewayInstallation, ibcIni, ibcScript, planIbcLaunch } from './ibc-plan';
import { portOpen, waitForPort } from './port-probe';

export interface IbcLauncherOptions {
  settings: () => GatewayLaunchSettings;
  /** The mode's login from the keychain (main process only); null when none is stored. */
  login: (mode: LaunchMode) => Promise<GatewayLogin | null>;
  logger: Logger;
  /** Where the one-start IBC settings file is written; the OS temp folder by default. */
  tempDir?: string;
  home?: string;
  /** How long a started gateway gets to exit after SIGTERM before it is killed. */
  stopGraceMs?: number;
  /**
   * A gateway this launcher started, and that had opened its port, ended without being asked to (an
   * auto-logoff, a crash): the session can start over, which starts it again.
   */
  onUnexpectedExit?: (mode: LaunchMode) => void;
}

interface Started {
  child: ChildProcess;
  /** Resolves with how it ended. */
  exited: Promise<string>;
  ended: boolean;
  /** Its API port opened: it was up, so an exit from now on is news. */
  opened: boolean;
  stopping: boolean;
}

/** The paths as written in settings, `~` expanded. */
function resolvePaths(launch: GatewayLaunchSettings, home: string): GatewayLaunchSettings {
  return { ...launch, gatewayPath: expandHome(launch.gatewayPath, home), ibcPath: expandHome(launch.ibcPath, home) };
}

/** Refuses a launch configuration whose folders are not there, saying which one and what was expected. */
export async function checkLaunchPaths(launch: GatewayLaunchSettings, home = homedir()): Promise<void> {
  const { gatewayPath, ibcPath } = resolvePaths(launch, home);
  gatewayInstallation(gatewayPath);
  const isDir = await stat(gatewayPath).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!isDir) throw new AppError('refused', `There is no IB Gateway installation folder at ${gatewayPath}.`);
  const script = ibcScript(ibcPath, process.platform);
  try {
    await access(script, process.platform === 'win32' ? constants.R_OK : constants.X_OK);
  } catch {
    throw new AppError(
      'refused',
      `IBC's start script ${script} is missing or not executable: point the IBC path at the folder IBC was unzipped into.`,
    );
  }
}

/**
 * Starts IB Gateway through IBC with the keychain login. The login travels in an IBC settings file
 * that only this user can read (0600, in a fresh 0700 folder) and that is deleted as soon as the API
 * port opens or the start fails; the command line carries only paths, since any user can read it with
 * `ps`. See "Starting IB Gateway for you" in docs/connecting.md for the trade-off.
 */
export class IbcLauncher implements GatewayLaunch {
  private readonly started = new Map<LaunchMode, Started>();
  private readonly home: string;

  constructor(private readonly options: IbcLauncherOptions) {
    this.home = options.home ?? homedir();
  }

  async prepare(mode: LaunchMode, endpoint: { host: string; port: number }, progress: (detail: string) => void) {
    const launch = this.options.settings();
    if (!launch.enabled || !launch.modes.includes(mode)) return;
    const { host, port } = endpoint;
    if (!isLoopbackHost(host)) {
      throw new AppError('refused', `Gatehouse starts IB Gateway only on this machine; the ${mode} host is ${host}.`);
    }
    const waiting = (seconds: number) =>
      progress(`Starting IB Gateway… waiting for port ${port}${seconds > 0 ? ` (${seconds} s)` : ''}`);
    const running = this.started.get(mode);
    if (running) {
      // Ours is still running (perhaps mid-restart): wait for it rather than starting a second one.
      await this.waitFor(mode, endpoint, running, launch.waitSeconds, waiting);
      return;
    }
    if (await portOpen(host, port)) {
      this.options.logger.log(
        'info',
        `IB Gateway already listens on ${host}:${port}; using it (Gatehouse did not start it).`,
      );
      return;
    }
    await checkLaunchPaths(launch, this.home);
    const login = await this.options.login(mode);
    if (!login) {
      throw new AppError(
        'refused',
        `Starting IB Gateway for ${mode} mode needs its login: store it in Settings → Credentials, or turn the launch off.`,
      );
    }
    const folder = await mkdtemp(join(this.options.tempDir ?? tmpdir(), 'gatehouse-ibc-'));
    try {
      const iniPath = join(folder, 'config.ini');
      await writeFile(iniPath, ibcIni(login, mode, port), { mode: 0o600, flag: 'wx' });
      waiting(0);
      const started = this.spawn(mode, planIbcLaunch(resolvePaths(launch, this.home), mode, iniPath));
      await this.waitFor(mode, endpoint, started, launch.waitSeconds, waiting);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }

  async stopAll(): Promise<void> {
    const all = [...this.started.entries()];
    this.started.clear();
    // Each stop signals before its first await, so a shell that does not wait for this still stops them.
    await Promise.all(all.map(([mode, started]) => this.stop(mode, started)));
  }

  private async stop(mode: LaunchMode, started: Started): Promise<void> {
    const { child, exited } = started;
    started.stopping = true;
    signal(child, 'SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), this.options.stopGraceMs ?? 10_000);
    });
    if ((await Promise.race([exited, grace])) === 'late') {
      this.options.logger.log('warn', `IB Gateway (${mode}) did not stop within its grace time; killing it.`);
      signal(child, 'SIGKILL');
      await exited;
    }
    clearTimeout(timer);
  }

  private spawn(mode: LaunchMode, plan: { command: string; args: string[] }): Started {
    // Its own process group (POSIX), so stopping it reaches the Java process IBC's script starts.
    const child = spawn(plan.command, plan.args, {
      detached: process.platform !== 'win32',
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    });
    const log = (line: string) => this.options.logger.log('info', `IB Gateway (${mode}): ${line.slice(0, 500)}`);
    for (const stream of [child.stdout, child.stderr]) if (stream) createInterface({ input: stream }).on('line', log);
    const started: Started = { child, exited: Promise.resolve(''), ended: false, opened: false, stopping: false };
    started.exited = new Promise<string>((resolve) => {
      const end = (reason: string) => {
        started.ended = true;
        resolve(reason);
      };
      child.once('error', (error) => end(`IBC could not be started (${error.message}).`));
      child.once('exit', (code, sig) => end(`IBC exited (${sig ?? `code ${code}`}).`));
    });
    const { exited } = started;
    this.started.set(mode, started);
    void exited.then((reason) => {
      if (this.started.get(mode) === started) this.started.delete(mode);
      this.options.logger.log('info', `IB Gateway (${mode}): ${reason}`);
      if (started.opened && !started.stopping) this.options.onUnexpectedExit?.(mode);
    });
    return started;
  }

  private async waitFor(
    mode: LaunchMode,
    { host, port }: { host: string; port: number },
    started: Started,
    waitSeconds: number,
    waiting: (seconds: number) => void,
  ): Promise<void> {
    try {
      await waitForPort(host, port, { timeoutMs: waitSeconds * 1000, onWait: waiting, abandon: started.exited });
      started.opened = true;
    } catch (error) {
      const reason = (error as Error).message;
      const endedFirst = started.ended;
      if (!endedFirst) {
        this.started.delete(mode);
        await this.stop(mode, started);
      }
      throw new AppError(
        'unavailable',
        endedFirst
          ? `IB Gateway did not start for ${mode} mode: ${reason} Its output is in the log.`
          : `IB Gateway did not open its API port ${port} within ${waitSeconds} s, so Gatehouse stopped it. Check that the login went through (two-factor approval?) and that the API is enabled on port ${port}.`,
      );
    }
  }
}

function signal(child: ChildProcess, name: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    if (process.platform === 'win32') child.kill(name);
    else process.kill(-child.pid, name);
  } catch {
    // Already gone.
  }
}
