import type { Bar } from '../../shared/market';

/** The parts of @stoqey/ib's Bar this module reads. */
export interface IbBar {
  time?: string;
  open?: number;
  high?: number;
  low?: number;
  close?: number;
  volume?: number;
}

/**
 * IB's bar time with formatDate 2: epoch seconds for intraday bars, 'YYYYMMDD' for daily and longer bars
 * (whatever formatDate says); older gateways may send 'YYYYMMDD HH:MM:SS' with an optional zone, read as UTC.
 * Returns null for anything else, so a malformed bar is dropped rather than drawn at 1970.
 */
export function barTime(text: string): number | null {
  const trimmed = text.trim();
  if (/^\d{9,}$/.test(trimmed)) return Number(trimmed);
  const match = /^(\d{4})(\d{2})(\d{2})(?:[ -]+(\d{2}):(\d{2}):(\d{2}))?(?:\s+\S+)?$/.exec(trimmed);
  if (!match) return null;
  const [y, mo, d, h, mi, s] = match.slice(1).map((part) => Number(part ?? 0));
  const ms = Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0, s ?? 0);
  return Number.isNaN(ms) ? null : ms / 1000;
}

/** IB's bars as the chart's: complete bars only, in time order, one per time (the later wins). */
export function toBars(ibBars: readonly IbBar[]): Bar[] {
  const byTime = new Map<number, Bar>();
  for (const ib of ibBars) {
    const time = ib.time === undefined ? null : barTime(ib.time);
    const { open, high, low, close } = ib;
    if (time === null || open === undefined || high === undefined || low === undefined || close === undefined) continue;
    byTime.set(time, { time, open, high, low, close, volume: Math.max(0, ib.volume ?? 0) });
  }
  return [...byTime.values()].sort((a, b) => a.time - b.time);
}
