import { randomUUID } from 'node:crypto';
import { MAX_ALERTS, type AlertCondition, type PriceAlert } from '../../shared/alerts';
import type { Listing, Quote, QuoteBatch } from '../../shared/market';
import { AppError } from '../../shared/result';
import type { EventBus } from '../ipc/event-bus';
import type { RoomHandlers } from '../ipc/router';
import type { QuoteLines } from '../orders/ticket-quotes';
import type { SettingsStore } from '../settings/settings-store';
import { alertPrice, evaluateAlert } from './alert-evaluator';

export interface AlertServiceOptions {
  settings: SettingsStore;
  events: EventBus;
  /** The market service's shared lines: an alert on a watched instrument costs no extra reqMktData. */
  lines: QuoteLines;
  logError: (message: string, error: unknown) => void;
  now?: () => number;
}

const consumerOf = (alert: PriceAlert) => `alert:${alert.id}`;

/**
 * Price alerts evaluated here, in the services, on the coalesced quote stream: they fire with no window
 * open. Each waiting alert holds a quote line of its own name; it gives it back when it fires or is removed.
 * The list lives in the settings, so alerts (and which have fired) survive a restart.
 */
export class AlertService {
  private alerts: PriceAlert[];
  private readonly now: () => number;
  private writes: Promise<unknown> = Promise.resolve();
  private readonly stopQuotes: () => void;

  constructor(private readonly options: AlertServiceOptions) {
    this.now = options.now ?? Date.now;
    this.alerts = options.settings.current().alerts;
    for (const alert of this.alerts) {
      const refused = alert.firedAt === null ? this.hold(alert) : null;
      if (refused !== null) options.logError(`price alert on ${alert.listing.symbol} has no quotes`, refused);
    }
    this.stopQuotes = options.events.subscribe((event, payload) => {
      if (event === 'market.quotes') for (const quote of (payload as QuoteBatch).quotes) this.onQuote(quote);
    });
    for (const alert of this.alerts) this.checkLatest(alert);
  }

  handlers(): RoomHandlers<'alerts.'> {
    return {
      'alerts.list': () => this.alerts,
      'alerts.add': ({ listing, condition }) => this.add(listing, condition),
      'alerts.remove': ({ id }) => this.remove(id),
    };
  }

  /** Waits for the settings file to hold every change made so far. */
  async flushed(): Promise<void> {
    await this.writes;
  }

  dispose(): void {
    this.stopQuotes();
    for (const alert of this.alerts)
      if (alert.firedAt === null) this.options.lines.release(alert.listing.conId, consumerOf(alert));
  }

  private async add(listing: Listing, condition: AlertCondition): Promise<PriceAlert[]> {
    if (this.alerts.length >= MAX_ALERTS) {
      throw new AppError('refused', `At most ${MAX_ALERTS} alerts can be kept; remove some first.`);
    }
    const alert: PriceAlert = {
      id: randomUUID(),
      listing,
      condition,
      basePrice: null,
      createdAt: this.now(),
      firedAt: null,
      firedPrice: null,
    };
    const refused = this.hold(alert);
    if (refused !== null) throw new AppError('refused', refused);
    this.alerts = [...this.alerts, alert];
    this.checkLatest(alert);
    await this.persist();
    return this.alerts;
  }

  private async remove(id: string): Promise<PriceAlert[]> {
    const alert = this.alerts.find((a) => a.id === id);
    if (alert === undefined) throw new AppError('refused', 'That alert is no longer in the list.');
    if (alert.firedAt === null) this.options.lines.release(alert.listing.conId, consumerOf(alert));
    this.alerts = this.alerts.filter((a) => a.id !== id);
    await this.persist();
    return this.alerts;
  }

  /** Takes the alert's quote line; says why not when every line is in use. */
  private hold(alert: PriceAlert): string | null {
    const acquired = this.options.lines.acquire(alert.listing, consumerOf(alert));
    return acquired.ok ? null : `No quotes for ${alert.listing.symbol}: ${acquired.reason}`;
  }

  /** An instrument already watched has a quote now, and the next batch carries it only once it changes. */
  private checkLatest(alert: PriceAlert): void {
    const quote = this.options.lines.quote(alert.listing.conId);
    if (quote !== undefined) this.onQuote(quote);
  }

  private onQuote(quote: Quote): void {
    const price = alertPrice(quote);
    if (price === null) return;
    let changed = false;
    this.alerts = this.alerts.map((alert) => {
      if (alert.listing.conId !== quote.conId) return alert;
      const evaluation = evaluateAlert(alert, price);
      if (evaluation.outcome === 'wait') return alert;
      changed = true;
      if (evaluation.outcome === 'base') return { ...alert, basePrice: evaluation.price };
      const fired = { ...alert, firedAt: this.now(), firedPrice: evaluation.price };
      this.options.lines.release(alert.listing.conId, consumerOf(alert));
      this.options.events.publish('alerts.fired', fired);
      return fired;
    });
    if (changed) void this.persist();
  }

  /** One write at a time, each of the whole list as it is by then. */
  private persist(): Promise<unknown> {
    this.writes = this.writes
      .then(() => this.options.settings.update((s) => ({ ...s, alerts: this.alerts })))
      .catch((error: unknown) => this.options.logError('price alerts could not be saved', error));
    return this.writes;
  }
}
