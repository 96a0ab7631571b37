import type { AlertCondition } from './alerts';

/** "AAPL above 190.00", "AAPL moves 2 % from 187.50": for the list and the notification. Schema-free for the window. */
export function describeCondition(symbol: string, condition: AlertCondition, basePrice: number | null): string {
  if (condition.kind === 'move') {
    const from = basePrice === null ? 'the price when set' : basePrice.toFixed(2);
    return `${symbol} moves ${condition.percent} % from ${from}`;
  }
  return `${symbol} ${condition.kind} ${condition.price.toFixed(2)}`;
}
