import { type Instrument, type Quote } from '../world';

/**
 * IBKR's quote cadence. reqMktData lines are not a stream of every trade and quote change: the gateway sends
 * an aggregated snapshot per line every 250 ms for stocks, futures and the rest, every 100 ms for US options
 * and every 5 ms for FX pairs (TWS API documentation, "Top of book"), each holding only the fields that
 * changed since the line's previous snapshot.
 *
 * Two modes, chosen when the simulator starts:
 * - 'ibkr' (the default, and the demo's): each line sends at most one snapshot per its interval, on its own
 *   clock (snapshotPhaseMs), with only the changed fields. So that a watched instrument does change within each interval even at the demo's low
 *   `tickRate` (walk steps per second spread over every instrument), a subscribed instrument the walk left
 *   alone for QUIET_MOVE_MS is stepped once by the gateway; with tickRate 0 the market stays frozen.
 * - 'every-step': every walk step goes out at once, as before the cadence existed. Load tests use it: at
 *   2,000–20,000 steps/s the per-line intervals would otherwise cap what the client receives, and the bench
 *   measures the latency of each step to the screen.
 */
export type QuoteCadenceMode = 'ibkr' | 'every-step';

export const STOCK_CADENCE_MS = 250;
export const US_OPTION_CADENCE_MS = 100;
export const FX_CADENCE_MS = 5;
/** A subscribed instrument moves at least this often in 'ibkr' mode: a few times a second, like an active stock. */
export const QUIET_MOVE_MS = STOCK_CADENCE_MS;

/** The snapshot interval of a market data line on this instrument. */
export function cadenceMs(instrument: Pick<Instrument, 'secType' | 'currency'>): number {
  if (instrument.secType === 'CASH') return FX_CADENCE_MS;
  if (instrument.secType === 'OPT' && instrument.currency === 'USD') return US_OPTION_CADENCE_MS;
  return STOCK_CADENCE_MS;
}

/** What a line has sent, and when its next snapshot falls due on its own clock. */
export interface SnapshotState {
  readonly intervalMs: number;
  nextAt: number;
  sent: Quote;
}

/**
 * Where in the interval an instrument's snapshots fall. Every line keeps its own fixed clock (a snapshot is
 * taken each interval, sent when something changed), and different instruments' clocks are spread over the
 * interval, so 100 stock lines send about 400 snapshots a second spread evenly rather than in four bursts.
 * (IBKR documents the interval, not the phase; a feed of many instruments from the data farm does not
 * arrive in lockstep.) Timing each interval from the line's last snapshot sent instead, as this once did,
 * let quiet lines fall into step: after a pause every line sent together at the first move.
 */
export function snapshotPhaseMs(conId: number, intervalMs: number): number {
  // 61 and 250 (or 100, 5) share no factor: consecutive conIds land 61 ms apart, every phase used.
  return (Math.abs(conId) * 61) % intervalMs;
}

export function openSnapshots(intervalMs: number, quote: Quote, now: number, phaseMs = 0): SnapshotState {
  const sinceSlot = (((now - phaseMs) % intervalMs) + intervalMs) % intervalMs;
  return { intervalMs, nextAt: now - sinceSlot + intervalMs, sent: { ...quote } };
}

/**
 * The line's snapshot if one falls due by `now`: the fields of `quote` that differ from what it last sent, or
 * null when none is due or nothing changed (that snapshot is skipped, not deferred). Taking one records it as sent.
 */
export function takeSnapshot(state: SnapshotState, quote: Readonly<Quote>, now: number): Partial<Quote> | null {
  if (now < state.nextAt) return null;
  // The market pass runs every few ms: catch up to the clock's next slot after now, keeping its phase.
  state.nextAt += (Math.floor((now - state.nextAt) / state.intervalMs) + 1) * state.intervalMs;
  const changed: Partial<Quote> = {};
  let any = false;
  for (const field of Object.keys(quote) as (keyof Quote)[]) {
    if (quote[field] === state.sent[field]) continue;
    changed[field] = quote[field];
    any = true;
  }
  if (!any) return null;
  state.sent = { ...quote };
  return changed;
}

/**
 * Which subscribed instruments the walk has left alone for QUIET_MOVE_MS ('ibkr' mode steps each once), so
 * that a watched line changes within every stock interval whatever the tick rate.
 */
export class QuietInstruments {
  private readonly movedAt = new Map<number, number>();

  moved(conIds: Iterable<number>, now: number): void {
    for (const conId of conIds) this.movedAt.set(conId, now);
  }

  /** The subscribed instruments due a move; an instrument seen for the first time starts its wait now. */
  due(subscribed: ReadonlySet<number>, now: number): number[] {
    const due: number[] = [];
    for (const conId of subscribed) {
      const at = this.movedAt.get(conId);
      if (at === undefined) this.movedAt.set(conId, now);
      else if (now - at >= QUIET_MOVE_MS) due.push(conId);
    }
    for (const conId of this.movedAt.keys()) if (!subscribed.has(conId)) this.movedAt.delete(conId);
    return due;
  }
}
