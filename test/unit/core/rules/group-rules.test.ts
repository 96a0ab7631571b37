import { describe, expect, it } from 'vitest';
import { evaluateRules } from '../../../../src/core/rules';
import { exitLegContext, legChecks } from '../../../../src/core/rules/group-rules';
import type { OrderTicket } from '../../../../src/shared/ticket';
import { AAPL, AAPL_CONID, contextFor, position, ROTH, ticketFor, type Spec } from './fixtures';

/** An exit of a bracket judged as that leg: the entry counted as held, every check naming the leg. */
function exitChecks(spec: Spec, entry: Pick<OrderTicket, 'action' | 'quantity'>, role: 'take-profit' | 'stop-loss') {
  const ctx = exitLegContext(contextFor(spec), entry);
  return legChecks(role, evaluateRules(ticketFor(spec), ctx), entry);
}

const sellLimit = (quantity: number, limitPrice: number): Spec['ticket'] => ({
  action: 'SELL',
  quantity,
  orderType: 'LMT',
  limitPrice,
});

describe('bracket exits in an IRA sell at most what is held plus what the entry buys', () => {
  const buy100 = { action: 'BUY', quantity: 100 } as const;

  it('passes an exit of 100 after an entry of 100 with nothing held, and says it counts the entry', () => {
    const checks = exitChecks({ account: ROTH, ticket: sellLimit(100, 151) }, buy100, 'take-profit');
    const noShort = checks.find((c) => c.id === 'take-profit:ira-no-short');
    expect(noShort?.outcome).toBe('pass');
    expect(noShort?.message).toBe(
      'take-profit: Selling 100 AAPL stays within the 100 shares the Roth IRA holds, counting the 100 the entry buys first (IBKR works the exits only once the entry has filled).',
    );
  });

  it.each([
    ['held 50 + entry 100, exit 150', 'pass', 50, {}, 150],
    ['held 50 + entry 100, exit 151', 'block', 50, {}, 151],
    ['held 50 with 50 on a resting sell + entry 100, exit 100', 'pass', 50, { [AAPL_CONID]: 50 }, 100],
    ['held 50 with 60 on resting sells + entry 100, exit 100', 'block', 50, { [AAPL_CONID]: 60 }, 100],
  ] as const)('%s → %s', (_name, expected, held, pendingSells, quantity) => {
    const spec: Spec = {
      account: ROTH,
      ticket: sellLimit(quantity, 151),
      ctx: { positions: [position(AAPL, held)], pendingSells },
    };
    const check = exitChecks(spec, buy100, 'stop-loss').find((c) => c.id === 'stop-loss:ira-no-short');
    expect(check?.outcome).toBe(expected);
  });

  it('the same sell outside a bracket is a short sale', () => {
    const checks = evaluateRules(
      ticketFor({ account: ROTH, ticket: sellLimit(100, 151) }),
      contextFor({ account: ROTH }),
    );
    expect(checks.find((c) => c.id === 'ira-no-short')?.outcome).toBe('block');
  });

  it('an exit that buys back after a sell entry is not held to the IRA cash check: it counts the entry only', () => {
    const spec: Spec = {
      account: ROTH,
      ticket: { action: 'BUY', quantity: 100, orderType: 'LMT', limitPrice: 149 },
      ctx: { positions: [position(AAPL, 100)], cash: [{ currency: 'USD', settled: 0, total: 0 }] },
    };
    const checks = exitChecks(spec, { action: 'SELL', quantity: 100 }, 'take-profit');
    expect(checks.find((c) => c.id === 'take-profit:ira-no-margin')).toMatchObject({
      outcome: 'info',
      message: expect.stringMatching(/^take-profit: The IRA's settled-cash check counts the entry only/),
    });
    // As a lone order the same buy would be blocked for margin.
    expect(evaluateRules(ticketFor(spec), contextFor(spec)).find((c) => c.id === 'ira-no-margin')?.outcome).toBe(
      'block',
    );
  });
});

describe('each leg names itself in its checks', () => {
  it('prefixes the id and the message, so a warning is acknowledged for its leg alone', () => {
    // 10 % over a 150 market: the price band warns, on the take-profit.
    const checks = exitChecks({ ticket: sellLimit(10, 165) }, { action: 'BUY', quantity: 10 }, 'take-profit');
    const band = checks.find((c) => c.id === 'take-profit:price-sanity');
    expect(band?.outcome).toBe('warn');
    expect(band?.message).toMatch(/^take-profit: .*165\.00/);
    expect(checks.every((c) => c.id.startsWith('take-profit:') && c.message.startsWith('take-profit: '))).toBe(true);
  });

  it("turns IBKR's what-if into information on an exit, and leaves the entry's as it was", () => {
    const whatIf = {
      id: 'what-if',
      rule: "IBKR's what-if",
      outcome: 'pass',
      message: 'IBKR previewed the order.',
    } as const;
    expect(legChecks('stop-loss', [whatIf], { action: 'BUY', quantity: 1 })[0]?.outcome).toBe('info');
    expect(legChecks('entry', [whatIf], { action: 'BUY', quantity: 1 })[0]).toEqual({
      ...whatIf,
      id: 'entry:what-if',
      message: 'entry: IBKR previewed the order.',
    });
  });
});
