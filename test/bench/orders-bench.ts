import { startOrdersApp } from '../integration/orders/orders-app';
import { ACCOUNT_IDS } from '../../src/simulator';
import { percentile, type Bench, type Figure } from './bench';

/**
 * Confirm → Submitted: from the submit call (orders.submit through the router, which re-checks every
 * rule on the held live quote, positions, summary and book, fsyncs the intent and places the order) to
 * the gateway's "Submitted" status for it. The preview before each round is not timed. Against the
 * simulator on loopback.
 */
const ROUNDS = 40;

export async function ordersBench(): Promise<Bench> {
  return {
    name: 'orders',
    async run(): Promise<Figure[]> {
      const o = await startOrdersApp({}, { maxOrdersPerMinute: 1000, maxOrdersPerDay: 10_000 });
      const times: number[] = [];
      try {
        for (let i = 0; i < ROUNDS; i++) {
          // A passive limit well below the market stays working: each round measures Submitted, not a fill.
          const bid = o.sim.world.quote(265598).bid;
          const preview = await o.preview({
            account: ACCOUNT_IDS.individual,
            contract: { symbol: 'AAPL', secType: 'STK' },
            action: 'BUY',
            quantity: 1,
            orderType: 'LMT',
            limitPrice: Math.round(bid * 0.97 * 100) / 100,
            tif: 'DAY',
          });
          const submitted = o.nextUpdate((u) => u.previewId === preview.previewId && u.ibStatus === 'Submitted');
          const started = performance.now();
          const result = await o.submit(preview.previewId, preview.toAcknowledge);
          if (result.outcome !== 'sent') throw new Error(`round ${i} refused: ${result.reason}`);
          await submitted;
          times.push(performance.now() - started);
        }
        await o.call('orders.killSwitch');
      } finally {
        await o.close();
      }
      times.sort((a, b) => a - b);
      const p95 = percentile(times, 95);
      return [
        {
          name: 'confirm → Submitted p50 (service, simulator)',
          value: percentile(times, 50),
          unit: 'ms',
          goal: 'baseline',
          pass: null,
        },
        {
          name: 'confirm → Submitted p95 (service, simulator)',
          value: p95,
          unit: 'ms',
          goal: '< 50 ms',
          pass: p95 < 50,
          detail: `${ROUNDS} orders, max ${Math.round(times.at(-1) ?? Number.NaN)} ms`,
        },
      ];
    },
  };
}
