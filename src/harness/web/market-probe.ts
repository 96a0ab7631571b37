import { onQuoteBatch } from '../../renderer/src/stores/market-store';

/** What `npm run bench` reads from the harness page: quotes as the renderer's store has applied them. */
export interface MarketProbe {
  batches: number;
  quotes: number;
  /** Per conId, when the services received the tick behind the latest applied quote (epoch ms). */
  tickAt: Map<number, number>;
  /** Tick → applied in the store, ms, per quote (bounded; the benchmark drains it). */
  storeLatency: number[];
}

declare global {
  interface Window {
    gatehouseMarketProbe?: MarketProbe;
  }
}

/** Harness page only: counts applied quote batches so a benchmark can compare rates without touching the app. */
export function installMarketProbe(): void {
  const probe: MarketProbe = { batches: 0, quotes: 0, tickAt: new Map(), storeLatency: [] };
  window.gatehouseMarketProbe = probe;
  onQuoteBatch((quotes) => {
    probe.batches++;
    probe.quotes += quotes.length;
    const now = Date.now();
    for (const quote of quotes) {
      probe.tickAt.set(quote.conId, quote.updatedAt);
      if (probe.storeLatency.length < 50_000) probe.storeLatency.push(now - quote.updatedAt);
    }
  });
}
