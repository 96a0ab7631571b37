import { parseArgs } from 'node:util';
import { startSimulator } from './server/simulator';
import { type SimulatorOptions } from './server/simulator-api';

const USAGE = `usage: npm run sim -- [options]
  --port N            API port on 127.0.0.1 (default 4002, IB Gateway's paper port; 0: a free port)
  --seed N            market and book seed (default 42): the same seed gives the same prices
  --tick-rate N       quote ticks per second across all instruments (default 20)
  --quote-cadence M   ibkr (default): each quote line sends IBKR's aggregated snapshots (250 ms stocks,
                      100 ms US options, 5 ms FX); every-step: every tick at once, for load tests
  --delayed           serve delayed data only, as for a login without market data subscriptions
  --read-only         refuse orders with 321, as a gateway with "Read-Only API" ticked
  --live-accounts     report the accounts as U… (live) instead of DU… (paper)
  --control-port N    fault-injection HTTP API on 127.0.0.1:N (default: port + 1000, or a free port;
                      --control-port=-1: none)
  --verbose           log every connection and fault`;

function integer(name: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new Error(`--${name} must be a whole number from ${min} to ${max}, not "${text}"`);
  return value;
}

function parseCli(argv: string[]): SimulatorOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '4002' },
      seed: { type: 'string', default: '42' },
      'tick-rate': { type: 'string', default: '20' },
      'quote-cadence': { type: 'string', default: 'ibkr' },
      delayed: { type: 'boolean', default: false },
      'read-only': { type: 'boolean', default: false },
      'live-accounts': { type: 'boolean', default: false },
      'control-port': { type: 'string' },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const port = integer('port', values.port, 0, 65535);
  // Past 65535 the default would name a port that cannot exist: take a free one instead.
  const control =
    values['control-port'] === undefined
      ? port === 0 || port + 1000 > 65535
        ? 0
        : port + 1000
      : integer('control-port', values['control-port'], -1, 65535);
  const cadence = values['quote-cadence'];
  if (cadence !== 'ibkr' && cadence !== 'every-step')
    throw new Error(`--quote-cadence must be ibkr or every-step, not "${cadence}"`);
  return {
    port,
    seed: integer('seed', values.seed, 0, 2 ** 32 - 1),
    tickRate: integer('tick-rate', values['tick-rate'], 0, 1_000_000),
    quoteCadence: cadence,
    delayed: values.delayed,
    readOnly: values['read-only'],
    accountStyle: values['live-accounts'] ? 'live' : 'paper',
    controlPort: control === -1 ? null : control,
    log: values.verbose ? (line) => process.stderr.write(`${line}\n`) : undefined,
  };
}

async function main(): Promise<void> {
  let options: SimulatorOptions;
  try {
    options = parseCli(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    process.exit(2);
  }
  const simulator = await startSimulator(options);
  process.stdout.write(
    `Gatehouse simulator: IB Gateway API on ${simulator.host}:${simulator.port}, accounts ${simulator.accountIds().join(', ')}, ${simulator.tickRate} ticks/s\n`,
  );
  if (simulator.controlPort !== null)
    process.stdout.write(`Simulator control: http://127.0.0.1:${simulator.controlPort}\n`);
  const stop = () => void simulator.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: Error) => {
  process.stderr.write(`The simulator could not start: ${error.message}\n`);
  process.exit(1);
});
