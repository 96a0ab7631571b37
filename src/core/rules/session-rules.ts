import { checkAccountsMatchMode } from '../../shared/mode-guard';
import { tradingGate, type GateAspect } from '../../shared/trading-gate';
import { count } from '../../shared/number-words';
import { block, defineRule, pass, type Verdict } from './rule';
import type { RuleContext } from './rule-context';

/**
 * Checks of the session rather than the order: mode, arming, read-only (from the one trading gate the
 * session banner shows too), and the order rate.
 */

const gateOf = (ctx: RuleContext) =>
  tradingGate({
    mode: ctx.mode,
    up: true,
    accounts: ctx.facts.reportedAccounts,
    readOnly: ctx.readOnly,
    liveArmed: ctx.liveArmed,
  });

const verdict = (aspect: GateAspect): Verdict => (aspect.ok ? pass(aspect.message) : block(aspect.message));

export const liveArmed = defineRule({
  id: 'live-armed',
  rule: 'Live trading armed',
  appliesTo: () => true,
  evaluate: (_t, ctx) => verdict(gateOf(ctx).armed),
});

/** The gateway's accounts must match the mode, and so must the ticket's own account id. */
export const modeMatch = defineRule({
  id: 'mode-match',
  rule: 'Accounts match the mode',
  appliesTo: () => true,
  evaluate(t, ctx) {
    const gate = gateOf(ctx).mode;
    if (!gate.ok) return block(gate.message);
    const own = checkAccountsMatchMode(ctx.mode, [t.account]);
    if (!own.ok) return block(own.reason);
    return pass(
      `Account ${t.account} is a ${ctx.mode === 'live' ? 'live' : 'paper'} account, as ${ctx.mode} mode expects.`,
    );
  },
});

export const readOnly = defineRule({
  id: 'read-only',
  rule: 'Order entry on',
  appliesTo: () => true,
  evaluate: (_t, ctx) => verdict(gateOf(ctx).readOnly),
});

export const ordersPerDay = defineRule({
  id: 'orders-per-day',
  rule: 'Daily order limit',
  appliesTo: () => true,
  evaluate(_t, ctx) {
    const { today } = ctx.orderCounts;
    const max = ctx.limits.maxOrdersPerDay;
    if (today < max) return pass(`${count(today)} of ${count(max)} orders sent today.`);
    return block(
      `${count(today)} orders have been sent today, the daily limit of ${count(max)}; raise it in settings to send more.`,
    );
  },
});

export const ordersPerMinute = defineRule({
  id: 'orders-per-minute',
  rule: 'Order rate limit',
  appliesTo: () => true,
  evaluate(_t, ctx) {
    const { lastMinute } = ctx.orderCounts;
    const max = ctx.limits.maxOrdersPerMinute;
    if (lastMinute < max) return pass(`${count(lastMinute)} of ${count(max)} orders in the last minute.`);
    return block(
      `${count(lastMinute)} orders were sent in the last minute, the limit of ${count(max)}; wait a moment before sending another.`,
    );
  },
});
