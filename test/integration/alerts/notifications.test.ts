import { afterEach, describe, expect, it } from 'vitest';
import type { EventName } from '../../../src/shared/api';
import type { NotificationEvent } from '../../../src/shared/notifications';
import { startOrdersApp, touch, type OrdersApp } from '../orders/orders-app';
import { until } from '../simulator/ib-client';

/** notifications.event as the services make it from real order updates and a real dropped socket. */

let running: OrdersApp | null = null;

afterEach(async () => {
  await running?.close();
  running = null;
});

function record(o: OrdersApp): NotificationEvent[] {
  const seen: NotificationEvent[] = [];
  o.app.events.subscribe((event: EventName, payload: unknown) => {
    if (event === 'notifications.event') seen.push(payload as NotificationEvent);
  });
  return seen;
}

const kinds = (seen: NotificationEvent[]) => seen.map((n) => n.kind);

describe('notifications', () => {
  it('a marketable order fills with one fill notification (with the sound), and a muted kind stays quiet', async () => {
    const o = (running = await startOrdersApp());
    const seen = record(o);
    const aapl = o.sim.world.findInstruments({ symbol: 'AAPL' })[0];
    if (!aapl) throw new Error('the simulator has no AAPL');
    const preview = await o.preview({
      account: 'DU1000002',
      contract: { symbol: 'AAPL', secType: 'STK', currency: 'USD' },
      action: 'BUY',
      quantity: 2,
      orderType: 'LMT',
      limitPrice: touch(o.sim, aapl.conId, 'BUY'),
      tif: 'DAY',
    });
    await o.submit(preview.previewId, preview.toAcknowledge);
    await until(() => (kinds(seen).includes('fill') ? true : undefined), 8000, 'a fill notification');
    expect(seen.filter((n) => n.kind === 'fill')).toEqual([
      expect.objectContaining({ title: expect.stringMatching(/^Filled: Buy 2 AAPL/), sound: true }),
    ]);

    const settings = await o.call<{ kinds: Record<string, boolean> }>('notifications.settings');
    await o.call('notifications.setSettings', { ...settings, kinds: { ...settings.kinds, 'connection-lost': false } });
    o.sim.faults.drop();
    await until(() => (kinds(seen).includes('connection-restored') ? true : undefined), 15_000, 'a restoration');
    expect(kinds(seen)).not.toContain('connection-lost');
  }, 40_000);

  it('a dropped connection is lost, then restored', async () => {
    const o = (running = await startOrdersApp());
    const seen = record(o);
    o.sim.faults.drop();
    await until(() => (kinds(seen).includes('connection-restored') ? true : undefined), 15_000, 'a restoration');
    expect(kinds(seen)).toEqual(['connection-lost', 'connection-restored']);
  }, 40_000);

  it('shortcuts that clash or would type into fields are refused with the reason', async () => {
    const o = (running = await startOrdersApp());
    const result = await o.app.router.call('hotkeys.set', { buyAtAsk: 'Alt+B', sellAtBid: 'Alt+B' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.issues?.join(' ')).toMatch(/Alt\+B is used twice/);
    expect(await o.call('hotkeys.set', { buyAtAsk: 'Ctrl+Alt+B' })).toMatchObject({ buyAtAsk: 'Ctrl+Alt+B' });
  }, 40_000);
});
