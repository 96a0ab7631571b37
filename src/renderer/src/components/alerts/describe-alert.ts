import type { PriceAlert } from '../../../../shared/alerts';
import { describeCondition } from '../../../../shared/alert-words';
import { amount } from '../../../../shared/number-words';

/** "AAPL above 190.00 — fired at 190.12", as the list shows it. */
export function describeAlert(alert: PriceAlert): string {
  const what = describeCondition(alert.listing.symbol, alert.condition, alert.basePrice);
  if (alert.firedAt === null) return what;
  return `${what} — fired at ${alert.firedPrice === null ? '?' : amount(alert.firedPrice)}`;
}
