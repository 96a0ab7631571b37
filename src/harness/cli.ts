import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createApp } from '../core/app';
import { logCrashes } from '../core/crash-logging';
import { KeytarCredentialStore } from '../core/credentials/keytar-credential-store';
import { createDemoGateway } from '../core/gateway/demo-gateway';
import { consoleLogger } from '../core/log';
import { defaultUserDataDir } from '../core/user-data-dir';
import { startSimulator } from '../simulator';
import { startHarness } from './server';

/**
 * The page keeps its grid layouts in the browser's storage for its origin, so the harness serves on the
 * same port each run unless told otherwise (not an IB port: 4001/4002, 7496/7497).
 */
const DEFAULT_PORT = 4177;

const USAGE = `usage: npm run harness -- [--port N] [--user-data DIR] [--sim-control-port N] [--keychain-service NAME] [--sim-tick-rate N] [--sim-synthetic N]
  --port N              where to serve the UI on 127.0.0.1 (default: ${DEFAULT_PORT}, or a free port if it is taken; 0: a free port)
  --user-data DIR       settings folder (default: $GATEHOUSE_USER_DATA, else the app's own folder)
  --sim-control-port N  open the demo simulator's fault-injection API on 127.0.0.1:N (0: a free port)
  --keychain-service S  the OS keychain service logins are kept under (default: Gatehouse; tests use their own)
  --sim-tick-rate N     the demo simulator's quote ticks per second across all instruments (default 20)
  --sim-synthetic N     add N made-up stocks SYN001… to the demo simulator, for load tests`;

interface CliOptions {
  /** null: the default port, or any free port if it is taken. */
  port: number | null;
  userDataDir: string;
  simControlPort: number | null;
  keychainService: string | undefined;
  simTickRate: number | undefined;
  simSynthetic: number | undefined;
}

function parsePort(name: string, value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--${name} must be 0–65535, not ${value}`);
  return port;
}

function parseCount(name: string, value: string | undefined, max: number): number | undefined {
  if (value === undefined) return undefined;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 0 || count > max) throw new Error(`--${name} must be 0–${max}, not ${value}`);
  return count;
}

function parseCli(): CliOptions {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'user-data': { type: 'string' },
      'sim-control-port': { type: 'string' },
      'keychain-service': { type: 'string' },
      'sim-tick-rate': { type: 'string' },
      'sim-synthetic': { type: 'string' },
    },
    strict: true,
  });
  return {
    port: values.port === undefined ? null : parsePort('port', values.port),
    userDataDir: values['user-data'] ?? defaultUserDataDir(),
    simControlPort:
      values['sim-control-port'] === undefined ? null : parsePort('sim-control-port', values['sim-control-port']),
    keychainService: values['keychain-service'],
    simTickRate: parseCount('sim-tick-rate', values['sim-tick-rate'], 1_000_000),
    simSynthetic: parseCount('sim-synthetic', values['sim-synthetic'], 5000),
  };
}

async function main(): Promise<void> {
  let options: CliOptions;
  try {
    options = parseCli();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    process.exit(2);
  }

  const rendererDir = fileURLToPath(new URL('../../out/renderer', import.meta.url));
  if (!existsSync(`${rendererDir}/harness.html`)) {
    process.stderr.write(`The renderer is not built (${rendererDir}). Run: npm run build\n`);
    process.exit(1);
  }
  const logger = consoleLogger('harness');
  const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  const demo = createDemoGateway(
    async (simOptions) => {
      const simulator = await startSimulator({
        ...simOptions,
        controlPort: options.simControlPort,
        tickRate: options.simTickRate,
        syntheticStocks: options.simSynthetic,
      });
      // Tests read this line to inject faults into demo mode's gateway.
      if (simulator.controlPort !== null)
        process.stdout.write(`Simulator control: http://127.0.0.1:${simulator.controlPort}\n`);
      return simulator;
    },
    (line) => logger.log('debug', `simulator: ${line}`),
  );
  const app = await createApp({
    shell: 'harness',
    version,
    logger,
    userDataDir: options.userDataDir,
    demo,
    // The real keychain; with no Secret Service, each credentials call answers with how to fix that.
    credentials: new KeytarCredentialStore({ service: options.keychainService }),
    // TEST ONLY (test/e2e/orders.spec.ts): die like a crash right after an order intent is fsync'd.
    ...(process.env.GATEHOUSE_TEST_CRASH_AFTER_ORDER_INTENT === '1'
      ? { afterOrderIntentForTests: () => process.kill(process.pid, 'SIGKILL') }
      : {}),
  });
  logCrashes(app.logger);
  const port = options.port ?? DEFAULT_PORT;
  const harness = await startHarness({
    app,
    rendererDir,
    port,
    anyPortIfTaken: options.port === null,
    log: (m) => logger.log('info', m),
  }).catch(async (error: unknown) => {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    process.stderr.write(`Port ${port} on 127.0.0.1 is in use. Choose another with --port N (0: any free port).\n`);
    await app.dispose();
    return process.exit(1);
  });
  // Tests read this exact line to find the page.
  process.stdout.write(`Gatehouse harness: ${harness.url}\n`);

  const stop = async () => {
    await harness.close();
    await app.dispose();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

void main();
