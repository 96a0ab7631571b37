import type { AlertCondition } from './alerts';
import { amount } from './number-words';

/** "AAPL above 190.00", "AAPL moves 2 % from 187.50": for the list and the notification. Schema-free for the window. */
export function describeCondition(symbol: string, condition: AlertCondition, basePrice: number | null): string {
  if (condition.kind === 'move') {
    const from = basePrice === null ? 'the price when set' : amount(basePrice);
    return `${symbol} moves ${condition.percent} % from ${from}`;
  }
  return `${symbol} ${condition.kind} ${amount(condition.price)}`;
}
