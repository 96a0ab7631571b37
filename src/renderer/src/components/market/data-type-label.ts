import type { MarketDataType } from '../../../../shared/market';

/** How the window names IBKR's market data types. */
const DATA_TYPE_LABEL: Record<MarketDataType, string> = {
  live: 'Live',
  delayed: 'Delayed',
  frozen: 'Frozen',
  'delayed-frozen': 'Delayed frozen',
};

export function marketDataLabel(type: MarketDataType | null): string {
  return type === null ? '—' : DATA_TYPE_LABEL[type];
}
