export { World, type WorldListener, type WorldOptions } from './world';
export { ACCOUNT_IDS } from './starting-book';
export { MAX_BARS, TOO_MANY_BARS, type BarRequest } from './history';
export { type ExecutionFilter, type ExecutionRecord } from './executions';
export * from './types';
export { marketRule, marketRuleIdOf, MarketRuleId, type PriceBand } from './market-rules';
export { firstBarTime } from './head-timestamp';
export { DEPTH_VENUES, smartVenues, US_STOCK_BBO_EXCHANGE, type DepthVenue, type SmartVenue } from './venues';
