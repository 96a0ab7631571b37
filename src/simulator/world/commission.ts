import { type Instrument } from './types';

/** A fixed-rate schedule: per unit plus a share of value, floored per order and capped. */
interface Schedule {
  perUnit: number;
  ofValue: number;
  min: number;
  max: number;
  maxOfValue: number;
}

// IBKR Pro "fixed" pricing, rounded: what a trader sees on a statement, without exchange and regulatory fees.
const US_STOCK: Schedule = { perUnit: 0.005, ofValue: 0, min: 1, max: Infinity, maxOfValue: 0.01 };
const EU_STOCK: Schedule = { perUnit: 0, ofValue: 0.0005, min: 3, max: 29, maxOfValue: Infinity };
const OPTION: Schedule = { perUnit: 0.65, ofValue: 0, min: 1, max: Infinity, maxOfValue: Infinity };
const FUTURE: Schedule = { perUnit: 0.85, ofValue: 0, min: 0, max: Infinity, maxOfValue: Infinity };
const FOREX: Schedule = { perUnit: 0, ofValue: 0.00002, min: 2, max: Infinity, maxOfValue: Infinity };

function scheduleFor(instrument: Instrument): Schedule {
  switch (instrument.secType) {
    case 'STK':
      return instrument.currency === 'USD' ? US_STOCK : EU_STOCK;
    case 'OPT':
      return OPTION;
    case 'FUT':
      return FUTURE;
    case 'CASH':
      return FOREX;
  }
}

/**
 * Commission for an order's whole filled quantity at its average price, in the instrument's currency. The
 * minimum applies per order, so a partial fill's commission is this figure minus what was charged before.
 */
export function commissionFor(instrument: Instrument, quantity: number, price: number): number {
  if (quantity <= 0) return 0;
  const schedule = scheduleFor(instrument);
  const value = quantity * price * instrument.multiplier;
  const raw = Math.max(schedule.min, schedule.perUnit * quantity + schedule.ofValue * value);
  return roundCents(Math.min(raw, schedule.max, schedule.maxOfValue * value));
}

export function roundCents(amount: number): number {
  return Math.round(amount * 100) / 100;
}
