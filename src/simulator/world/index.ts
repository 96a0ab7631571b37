export { World, type WorldListener, type WorldOptions } from './world';
export { ACCOUNT_IDS } from './starting-book';
export { MAX_BARS, TOO_MANY_BARS, type BarRequest } from './history';
export { type ExecutionFilter, type ExecutionRecord } from './executions';
export * from './types';
