import type { PriceAlert } from '../../shared/alerts';
import type { TrackedOrder } from '../../shared/orders';
import type { SessionState } from '../../shared/session';
import type { EventBus } from '../ipc/event-bus';
import type { RoomHandlers } from '../ipc/router';
import type { SettingsStore } from '../settings/settings-store';
import { alertNotice, orderNotice, sessionNotice, type Notice, type SessionWatch } from './notification-mapping';

/** Orders a window may still hear about; the oldest are forgotten past this. */
const ORDERS_REMEMBERED = 1_000;

/**
 * Turns order updates, session states and fired alerts into `notifications.event`, filtered by the
 * person's settings, so every window (and the OS notification each shows) says the same thing.
 */
export class NotificationService {
  private readonly orders = new Map<number, TrackedOrder>();
  private watch: SessionWatch | null = null;
  private readonly stop: () => void;

  constructor(
    private readonly settings: SettingsStore,
    private readonly events: EventBus,
    private readonly now: () => number = Date.now,
  ) {
    this.stop = events.subscribe((event, payload) => {
      if (event === 'orders.update') this.onOrder(payload as TrackedOrder);
      else if (event === 'session.state') this.onSession(payload as SessionState);
      else if (event === 'alerts.fired') this.emit(alertNotice(payload as PriceAlert));
    });
  }

  handlers(): RoomHandlers<'notifications.'> {
    return {
      'notifications.settings': () => this.settings.current().notifications,
      'notifications.setSettings': async (notifications) =>
        (await this.settings.update((s) => ({ ...s, notifications }))).notifications,
    };
  }

  dispose(): void {
    this.stop();
  }

  /** A notice another service decided on (e.g. assignment risk), filtered by the person's settings like the rest. */
  notice(notice: Notice): void {
    this.emit(notice);
  }

  private onOrder(order: TrackedOrder): void {
    const notice = orderNotice(this.orders.get(order.orderId), order);
    this.orders.delete(order.orderId);
    this.orders.set(order.orderId, order);
    if (this.orders.size > ORDERS_REMEMBERED) this.orders.delete(this.orders.keys().next().value as number);
    if (notice !== null) this.emit(notice);
  }

  private onSession(state: SessionState): void {
    const { watch, notice } = sessionNotice(this.watch, state);
    this.watch = watch;
    if (notice !== null) this.emit(notice);
  }

  private emit(notice: Notice): void {
    const { kinds, fillSound } = this.settings.current().notifications;
    if (!kinds[notice.kind]) return;
    const sound = fillSound && (notice.kind === 'fill' || notice.kind === 'partial-fill');
    this.events.publish('notifications.event', { ...notice, at: this.now(), sound });
  }
}
