import type { PriceAlert } from '../../shared/alerts';
import type { Quote } from '../../shared/market';

/** What one price means for one alert. */
export type Evaluation =
  | { outcome: 'wait' }
  /** A move alert had no base yet: this price becomes it. */
  | { outcome: 'base'; price: number }
  | { outcome: 'fire'; price: number };

const WAIT: Evaluation = { outcome: 'wait' };

/** The price an alert watches: the last trade, else the midpoint; null when the quote has neither. */
export function alertPrice(quote: Pick<Quote, 'last' | 'bid' | 'ask'>): number | null {
  if (quote.last !== null && quote.last > 0) return quote.last;
  if (quote.bid !== null && quote.ask !== null && quote.bid > 0 && quote.ask > 0) return (quote.bid + quote.ask) / 2;
  return null;
}

/** Fires at most once: a fired alert only waits, whatever the price does next. */
export function evaluateAlert(
  alert: Pick<PriceAlert, 'condition' | 'basePrice' | 'firedAt'>,
  price: number,
): Evaluation {
  if (alert.firedAt !== null) return WAIT;
  const { condition } = alert;
  if (condition.kind === 'move') {
    if (alert.basePrice === null) return { outcome: 'base', price };
    const movedPct = (Math.abs(price - alert.basePrice) / alert.basePrice) * 100;
    return movedPct >= condition.percent ? { outcome: 'fire', price } : WAIT;
  }
  const crossed = condition.kind === 'above' ? price >= condition.price : price <= condition.price;
  return crossed ? { outcome: 'fire', price } : WAIT;
}
