export { classifyMarketDataError, type MarketDataError, type MarketDataErrorKind } from './market-data-errors';
export {
  DEFAULT_CACHE_SIZE,
  DEFAULT_MAX_WAIT_MS,
  HISTORY_PACING,
  HistoryPacer,
  HistoryPacingError,
  type HistoryPacerOptions,
  type HistoryPacingCode,
  type HistoryRequestKey,
  type PacingWait,
} from './history-pacer';
export { applyTick, initialQuote, TICK, withMarketDataType, type IbTick } from './quote-state';
export { systemClock, type Clock } from '../clock';
export { DEFAULT_MAX_LINES, SubscriptionPool, type AcquireResult } from './subscription-pool';
export { TickCoalescer, type CoalescerStats, type TickCoalescerOptions } from './tick-coalescer';
