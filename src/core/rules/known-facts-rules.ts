import { isIra, KIND_LABELS } from '../../shared/enums';
import { cashIn } from './holdings';
import { block, defineRule, pass, warn } from './rule';
import type { KnownFacts } from './rule-context';

/**
 * What Gatehouse does not know blocks (DESIGN.md §4, "known facts"). Every other rule stands on these
 * facts: the account is one the login has, its kind is known, and its positions, balances and open
 * orders came on the current connection (and, while the connection is degraded, recently). Each names
 * what is missing and what to wait for.
 */

const seconds = (ms: number) => `${Math.max(0, Math.round(ms / 1000))} s`;

export const accountReported = defineRule({
  id: 'account-reported',
  rule: 'Account on this login',
  appliesTo: () => true,
  evaluate(t, ctx) {
    const reported = ctx.facts.reportedAccounts;
    if (reported.length === 0) {
      return block(
        `IB Gateway has not reported this login's accounts yet, so account ${t.account} cannot be confirmed; wait for the accounts to arrive, then preview again.`,
      );
    }
    if (reported.includes(t.account)) {
      return pass(`Account ${t.account} is one of the accounts IB Gateway reported for this login.`);
    }
    return block(
      `Account ${t.account} is not one of the accounts IB Gateway reported for this login (${reported.join(', ')}); Gatehouse sends orders only to those.`,
    );
  },
});

export const accountKindKnown = defineRule({
  id: 'account-kind-known',
  rule: 'Account type known',
  appliesTo: () => true,
  evaluate(t, ctx) {
    const { kind } = ctx.account;
    if (kind === null || ctx.facts.kindSource === null) {
      return block(
        `IB Gateway has not sent the account type of ${t.account} yet, so Gatehouse cannot tell whether IRA rules apply; wait for the account summary, or set the account's type in Settings.`,
      );
    }
    const name = KIND_LABELS[kind];
    const ruledAs = `Ruled as ${/^[AEIOU]/.test(name) ? 'an' : 'a'} ${name} account`;
    return pass(
      ctx.facts.kindSource === 'settings'
        ? `${ruledAs}, as you set in Settings.`
        : `${ruledAs}, from the account type IBKR reports.`,
    );
  },
});

/** One fact the gateway sends per connection: positions, balances and cash, open orders. */
function receivedRule<const Id extends string>(
  id: Id,
  rule: string,
  what: string,
  at: (facts: KnownFacts) => number | null,
) {
  return defineRule({
    id,
    rule,
    appliesTo: () => true,
    evaluate(t, ctx) {
      if (at(ctx.facts) === null) {
        return block(
          `IB Gateway has not sent ${what} of ${t.account} since this connection was made, so the order cannot be checked against them; wait for them to arrive, then preview again.`,
        );
      }
      return pass(`The ${what} of ${t.account} were received on this connection.`);
    },
  });
}

export const positionsReceived = receivedRule(
  'positions-received',
  'Positions received',
  'the positions',
  (f) => f.positionsAt,
);

export const openOrdersReceived = receivedRule(
  'open-orders-received',
  'Open orders received',
  'the open orders',
  (f) => f.openOrdersAt,
);

/** Balances and cash by currency; an IRA also needs its settled cash, the only cash it may spend. */
export const cashReceived = defineRule({
  id: 'cash-received',
  rule: 'Cash received',
  appliesTo: () => true,
  evaluate(t, ctx) {
    if (ctx.facts.cashAt === null || ctx.cash === null) {
      return block(
        `IB Gateway has not sent the balances and cash by currency of ${t.account} since this connection was made; wait for the account summary, then preview again.`,
      );
    }
    if (isIra(ctx.account.kind) && !Number.isFinite(cashIn(ctx, 'USD').settled)) {
      return block(
        `IB Gateway has not reported the settled cash of the ${ctx.account.label}; an IRA may spend only settled cash, so wait for the account summary.`,
      );
    }
    return pass(`The balances and cash by currency of ${t.account} were received on this connection.`);
  },
});

/** While the connection is degraded, figures older than the limit may no longer be true. */
export const factsFresh = defineRule({
  id: 'facts-fresh',
  rule: 'Account data fresh',
  appliesTo: (_t, ctx) => ctx.facts.degraded,
  evaluate(_t, ctx) {
    const limit = ctx.limits.maxFactAgeDegradedMs;
    const { positionsAt, cashAt, openOrdersAt } = ctx.facts;
    const stale = (
      [
        ['positions', positionsAt],
        ['balances', cashAt],
        ['open orders', openOrdersAt],
      ] as const
    )
      .filter(([, at]) => at === null || !(ctx.now - at <= limit))
      .map(([name, at]) => (at === null ? `${name} (not received)` : `${name} (${seconds(ctx.now - at)} old)`));
    if (stale.length > 0) {
      return block(
        `The connection to IBKR is degraded and the account's ${stale.join(', ')} may no longer be true; Gatehouse rules only on data under ${seconds(limit)} old while degraded. Wait for the connection to recover.`,
      );
    }
    return pass(
      `The connection is degraded, but the positions, balances and open orders were received within the last ${seconds(limit)}.`,
    );
  },
});

/** IBKR's own check of the order: a refusal blocks with its words; no answer must be acknowledged. */
export const whatIfAnswered = defineRule({
  id: 'what-if',
  rule: "IBKR's what-if",
  appliesTo: () => true,
  evaluate(_t, ctx) {
    const answer = ctx.whatIfAnswer;
    switch (answer.state) {
      case 'answered':
        return pass('IBKR previewed the order (what-if) and raised no objection.');
      case 'refused':
        return block(`${answer.reason} (IBKR's what-if preview; nothing was sent).`);
      case 'no-answer':
        return warn(
          `${answer.reason} IBKR's own margin and commission check has not been seen; send only if you accept that.`,
        );
    }
  },
});
