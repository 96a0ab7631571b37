import type { AllocationPreview, AllocationResult } from '../../src/shared/allocation';
import type { TrackedOrder } from '../../src/shared/orders';
import { startOrdersApp, type OrdersApp } from '../integration/orders/orders-app';
import { ACCOUNT_IDS } from '../../src/simulator';
import { percentile, type Bench, type Figure } from './bench';

/**
 * Confirm → Submitted: from the submit call (orders.submit through the router, which re-checks every
 * rule on the held live quote, positions, summary and book, fsyncs the intent and places the order) to
 * the gateway's "Submitted" status for it. The preview before each round is not timed. Against the
 * simulator on loopback. The allocation rounds time the same path for one order in each of the three
 * accounts (orders.submitAllocation, the children re-checked and sent together) to the last child's Submitted.
 */
const ROUNDS = 40;
const ALLOCATION_ROUNDS = 20;
const AAPL = 265598;

/** A passive limit well below the market stays working: each round measures Submitted, not a fill. */
const passiveLimit = (o: OrdersApp) => Math.round(o.sim.world.quote(AAPL).bid * 0.97 * 100) / 100;

/** Every previewed child of one allocation: submit all, resolve when each has reported Submitted. */
async function allocationRound(o: OrdersApp): Promise<number> {
  const preview = await o.call<AllocationPreview>('orders.previewAllocation', {
    order: {
      contract: { symbol: 'AAPL', secType: 'STK' },
      action: 'BUY',
      orderType: 'LMT',
      limitPrice: passiveLimit(o),
      tif: 'DAY',
    },
    accounts: Object.values(ACCOUNT_IDS),
    sizing: { mode: 'same', quantity: 1 },
  });
  const children = preview.rows.flatMap((r) => (r.preview ? [r.preview] : []));
  if (children.length !== 3) throw new Error('an allocation child could not be previewed');
  const waiting = new Set(children.map((c) => c.previewId));
  const allSubmitted = o.nextUpdate((u: TrackedOrder) => {
    if (u.ibStatus === 'Submitted') waiting.delete(u.previewId);
    return waiting.size === 0;
  });
  const started = performance.now();
  const result = await o.call<AllocationResult>('orders.submitAllocation', {
    allocationId: preview.allocationId,
    children: children.map((c) => ({ previewId: c.previewId, acknowledgements: c.toAcknowledge })),
  });
  const refused = result.children.find((c) => c.result.outcome === 'refused');
  if (refused) throw new Error(`allocation child for ${refused.account} refused`);
  await allSubmitted;
  return performance.now() - started;
}

export async function ordersBench(): Promise<Bench> {
  return {
    name: 'orders',
    async run(): Promise<Figure[]> {
      const o = await startOrdersApp({}, { maxOrdersPerMinute: 1000, maxOrdersPerDay: 10_000 });
      const times: number[] = [];
      const allocations: number[] = [];
      try {
        for (let i = 0; i < ROUNDS; i++) {
          const preview = await o.preview({
            account: ACCOUNT_IDS.individual,
            contract: { symbol: 'AAPL', secType: 'STK' },
            action: 'BUY',
            quantity: 1,
            orderType: 'LMT',
            limitPrice: passiveLimit(o),
            tif: 'DAY',
          });
          const submitted = o.nextUpdate((u) => u.previewId === preview.previewId && u.ibStatus === 'Submitted');
          const started = performance.now();
          const result = await o.submit(preview.previewId, preview.toAcknowledge);
          if (result.outcome !== 'sent') throw new Error(`round ${i} refused: ${result.reason}`);
          await submitted;
          times.push(performance.now() - started);
        }
        for (let i = 0; i < ALLOCATION_ROUNDS; i++) allocations.push(await allocationRound(o));
        await o.call('orders.killSwitch');
      } finally {
        await o.close();
      }
      times.sort((a, b) => a - b);
      allocations.sort((a, b) => a - b);
      const p95 = percentile(times, 95);
      const allocationP95 = percentile(allocations, 95);
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
        {
          name: 'confirm → all children Submitted p50 (three-account allocation)',
          value: percentile(allocations, 50),
          unit: 'ms',
          goal: 'baseline',
          pass: null,
        },
        {
          name: 'confirm → all children Submitted p95 (three-account allocation)',
          value: allocationP95,
          unit: 'ms',
          goal: '< 150 ms',
          pass: allocationP95 < 150,
          detail: `${ALLOCATION_ROUNDS} allocations of one share in each account, max ${Math.round(allocations.at(-1) ?? Number.NaN)} ms`,
        },
      ];
    },
  };
}
