import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createApp } from '../core/app';
import { createDemoGateway } from '../core/gateway/demo-gateway';
import { consoleLogger } from '../core/log';
import { defaultUserDataDir } from '../core/user-data-dir';
import { startSimulator } from '../simulator';
import { startHarness } from './server';

const USAGE = `usage: npm run harness -- [--port N] [--user-data DIR] [--sim-control-port N]
  --port N              where to serve the UI on 127.0.0.1 (default: a free port)
  --user-data DIR       settings folder (default: $GATEHOUSE_USER_DATA, else the app's own folder)
  --sim-control-port N  open the demo simulator's fault-injection API on 127.0.0.1:N (0: a free port)`;

interface CliOptions {
  port: number;
  userDataDir: string;
  simControlPort: number | null;
}

function parsePort(name: string, value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--${name} must be 0–65535, not ${value}`);
  return port;
}

function parseCli(): CliOptions {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      'user-data': { type: 'string' },
      'sim-control-port': { type: 'string' },
    },
    strict: true,
  });
  return {
    port: parsePort('port', values.port),
    userDataDir: values['user-data'] ?? defaultUserDataDir(),
    simControlPort:
      values['sim-control-port'] === undefined ? null : parsePort('sim-control-port', values['sim-control-port']),
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
      const simulator = await startSimulator({ ...simOptions, controlPort: options.simControlPort });
      // Tests read this line to inject faults into demo mode's gateway.
      if (simulator.controlPort !== null)
        process.stdout.write(`Simulator control: http://127.0.0.1:${simulator.controlPort}\n`);
      return simulator;
    },
    (line) => logger.log('debug', `simulator: ${line}`),
  );
  const app = await createApp({ shell: 'harness', version, logger, userDataDir: options.userDataDir, demo });
  const harness = await startHarness({ app, rendererDir, port: options.port, log: (m) => logger.log('info', m) });
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
