/**
 * The simulator in a process of its own for the cost bench, as IB Gateway is another process: its CPU is
 * not the services'. Unlike `npm run sim`, it takes the load options (synthetic stocks, market data lines)
 * and prints, as one JSON line, its ports and the stock listings a watchlist of `--stocks N` would hold.
 * `node --import tsx test/bench/sim-process.ts --stocks 100` (the tick rate is set later through the control API).
 */
import { parseArgs } from 'node:util';
import type { Listing } from '../../src/shared/market';
import { startSimulator } from '../../src/simulator';

const { values } = parseArgs({ options: { stocks: { type: 'string', default: '100' } }, strict: true });
const stocks = Number(values.stocks);
if (!Number.isInteger(stocks) || stocks < 1 || stocks > 1000) {
  process.stderr.write(`--stocks must be a whole number from 1 to 1000, not ${values.stocks}\n`);
  process.exit(2);
}

const sim = await startSimulator({
  port: 0,
  controlPort: 0,
  seed: 7,
  tickRate: 0,
  // IBKR's own cadence: each stock line a snapshot every 250 ms, what a real user's watchlist receives.
  quoteCadence: 'ibkr',
  syntheticStocks: stocks,
  marketDataLines: stocks + 20,
  accountRefreshMs: 60_000,
});
const listings: Listing[] = sim.world
  .instruments()
  .filter((instrument) => instrument.secType === 'STK')
  .slice(0, stocks)
  .map((instrument) => ({
    conId: instrument.conId,
    symbol: instrument.symbol,
    secType: instrument.secType,
    exchange: instrument.exchange,
    primaryExchange: instrument.primaryExchange,
    currency: instrument.currency,
    description: instrument.longName.slice(0, 120),
  }));
process.stdout.write(`${JSON.stringify({ port: sim.port, controlPort: sim.controlPort, listings })}\n`);
const stop = () => void sim.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
