import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createApp } from '../core/app';
import { consoleLogger } from '../core/log';
import { startHarness } from './server';

const USAGE = 'usage: npm run harness -- [--port N]   (0 or absent: a free port)';

async function main(): Promise<void> {
  let port: number;
  try {
    const { values } = parseArgs({ options: { port: { type: 'string', default: '0' } }, strict: true });
    port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new Error(`--port must be 0–65535, not ${values.port}`);
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
  const app = createApp({ shell: 'harness', version, logger });
  const harness = await startHarness({ app, rendererDir, port, log: (m) => logger.log('info', m) });
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
