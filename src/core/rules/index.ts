export { evaluateRules, hasBlock, warningsToAcknowledge, RULES, CHECK_IDS, type CheckId } from './engine';
export { DEFAULT_LIMITS, type Limits } from './limits';
export type {
  RuleContext,
  RuleAccount,
  Instrument,
  Quote,
  MarketDataType,
  Position,
  CashBalance,
  WhatIf,
} from './rule-context';
export { orderCost, executionPrice, estimateCommission, referencePrice, toUsd, type OrderCost } from './order-cost';
export type { Rule, Verdict } from './rule';
