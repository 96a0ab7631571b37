import { OrderTicketSchema, type Check, type OrderTicket } from '../../shared/ticket';
import { ibkrCollar, notionalCap, priceSanity, sizeCap } from './general-rules';
import { iraOptions } from './ira-option-rules';
import { iraFuturesMargin, iraNoFxBorrowing, iraNoMargin, iraNoMlp, iraNoShort, iraUsdWithdrawals } from './ira-rules';
import {
  accountKindKnown,
  accountReported,
  cashReceived,
  factsFresh,
  openOrdersReceived,
  positionsReceived,
  whatIfAnswered,
} from './known-facts-rules';
import { marketData } from './market-data-rules';
import type { Rule } from './rule';
import type { RuleContext } from './rule-context';
import { liveArmed, modeMatch, ordersPerDay, ordersPerMinute, readOnly } from './session-rules';
import { shortable } from './shorting-rules';
import { ticketMatchesContext } from './ticket-rules';

/**
 * The rules table, in the order the checks are returned (DESIGN.md §4's order: account rules, then
 * size and price, then data and session). Adding a rule: write it with defineRule in the module of
 * its kind, add it here, and test it both ways.
 */
export const RULES = [
  // The ticket is the one described by the context (the engine stops here when it is not).
  ticketMatchesContext,
  // Every account: the facts the other rules stand on (what is not known blocks).
  accountReported,
  accountKindKnown,
  positionsReceived,
  cashReceived,
  openOrdersReceived,
  factsFresh,
  whatIfAnswered,
  // IRAs only (Roth, Traditional).
  iraNoShort,
  iraNoMargin,
  iraNoFxBorrowing,
  iraFuturesMargin,
  iraNoMlp,
  iraOptions,
  iraUsdWithdrawals,
  // Other accounts: stock short sales.
  shortable,
  // Every account: size and price.
  sizeCap,
  notionalCap,
  priceSanity,
  ibkrCollar,
  // Every account: data and session.
  marketData,
  liveArmed,
  modeMatch,
  readOnly,
  ordersPerDay,
  ordersPerMinute,
] as const;

/** Every check id the engine can return. */
export type CheckId = (typeof RULES)[number]['id'];
export const CHECK_IDS: readonly CheckId[] = RULES.map((r) => r.id);

const TICKET_RULE_LABEL = ticketMatchesContext.rule;

/**
 * Checks one order ticket against the account, instrument, market and session it would go to.
 * Pure: the same ticket and context always give the same checks.
 *
 * - Each rule that applies yields exactly one check; a rule that does not apply (an IRA rule for an
 *   individual account, the short-sale rule for a buy) yields none.
 * - Checks come back in table order (RULES).
 * - The ticket is parsed again here, so a caller cannot skip the schema; an invalid ticket, or one
 *   that does not match the context's account and contract, yields that one blocking check only,
 *   since every other check would describe the wrong order.
 * - A rule that throws (a bug, or data the types did not foresee) blocks rather than passes.
 */
export function evaluateRules(ticket: OrderTicket, ctx: RuleContext): Check[] {
  const parsed = OrderTicketSchema.safeParse(ticket);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 5).map((issue) => issue.message);
    return [
      {
        id: ticketMatchesContext.id,
        rule: TICKET_RULE_LABEL,
        outcome: 'block',
        message: `The order ticket is not valid: ${problems.join(' ')}`,
      },
    ];
  }
  const valid = parsed.data;
  const checks: Check[] = [];
  for (const rule of RULES as readonly Rule[]) {
    const check = run(rule, valid, ctx);
    if (check === null) continue;
    checks.push(check);
    if (rule === ticketMatchesContext && check.outcome === 'block') return checks;
  }
  return checks;
}

function run(rule: Rule, ticket: OrderTicket, ctx: RuleContext): Check | null {
  try {
    if (!rule.appliesTo(ticket, ctx)) return null;
    const { outcome, message } = rule.evaluate(ticket, ctx);
    return { id: rule.id, rule: rule.rule, outcome, message };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      id: rule.id,
      rule: rule.rule,
      outcome: 'block',
      message: `This rule could not be checked because of an internal error (${detail}), so the order is held back.`,
    };
  }
}

/** True when any check blocks the order; no acknowledgement overrides a block. */
export function hasBlock(checks: readonly Check[]): boolean {
  return checks.some((c) => c.outcome === 'block');
}

/** Ids of the warnings the person must acknowledge before the order may be sent. */
export function warningsToAcknowledge(checks: readonly Check[]): string[] {
  return checks.filter((c) => c.outcome === 'warn').map((c) => c.id);
}
