import { describe, expect, it } from 'vitest';
import { evaluateRules } from '../../../../src/core/rules';
import {
  legAcknowledgements,
  rollChecks,
  rollOpenContext,
  rollPriceCheck,
} from '../../../../src/core/rules/roll-rules';
import {
  AAPL,
  AAPL_CALL,
  AAPL_PUT,
  contextFor,
  position,
  quoteAround,
  ROTH,
  ticketFor,
  usd,
  type Spec,
} from './fixtures';

/** The sell-to-open leg of a roll, judged once the buy-to-close leg has freed its cover. */

const OLD_CALL = { ...AAPL_CALL, conId: 600_001, strike: 140 };
const OLD_PUT = { ...AAPL_PUT, conId: 600_002, strike: 140 };

function openLeg(spec: Spec, closing: { conId: number; contracts: number }) {
  const ctx = rollOpenContext(contextFor(spec), closing);
  return evaluateRules(ticketFor(spec), ctx).find((c) => c.id === 'ira-options');
}

const sell = (instrument: typeof AAPL_CALL, quantity: number, ctx: Spec['ctx']): Spec => ({
  account: ROTH,
  instrument,
  ticket: { action: 'SELL', quantity, limitPrice: 3.5 },
  ctx: { quote: quoteAround(3.5, 0.1), ...ctx },
});

describe('roll rules in an IRA', () => {
  it('a covered call rolled passes: closing the old 2 calls frees the 200 shares the new 2 need', () => {
    const spec = sell(AAPL_CALL, 2, { positions: [position(AAPL, 200), position(OLD_CALL, -2)] });
    expect(evaluateRules(ticketFor(spec), contextFor(spec)).find((c) => c.id === 'ira-options')?.outcome).toBe('block');
    const check = openLeg(spec, { conId: OLD_CALL.conId, contracts: 2 });
    expect(check?.outcome).toBe('pass');
    expect(check?.message).toContain('covered by 200 AAPL, 0 already committed');
  });

  it('a roll that writes more calls than the shares cover is blocked as naked', () => {
    const spec = sell(AAPL_CALL, 3, { positions: [position(AAPL, 200), position(OLD_CALL, -2)] });
    const check = openLeg(spec, { conId: OLD_CALL.conId, contracts: 2 });
    expect(check?.outcome).toBe('block');
    expect(check?.message).toContain('naked calls are not allowed in an IRA');
  });

  it('a cash-secured put rolled needs the new strike’s cash less what the closed put frees', () => {
    // Old: 1 put at 140 secures $14,000; new: 1 put at 150 needs $15,000; $15,000 settled.
    const spec = sell(AAPL_PUT, 1, { positions: [position(OLD_PUT, -1)], cash: [usd(15_000)] });
    expect(openLeg(spec, { conId: OLD_PUT.conId, contracts: 1 })?.outcome).toBe('pass');
    const short = sell(AAPL_PUT, 1, { positions: [position(OLD_PUT, -1)], cash: [usd(14_999)] });
    expect(openLeg(short, { conId: OLD_PUT.conId, contracts: 1 })?.outcome).toBe('block');
  });

  it('leaves what the roll does not close: a partial roll keeps the rest short', () => {
    const ctx = rollOpenContext(contextFor({ ctx: { positions: [position(OLD_CALL, -3)] } }), {
      conId: OLD_CALL.conId,
      contracts: 2,
    });
    expect(ctx.positions?.find((p) => p.conId === OLD_CALL.conId)?.quantity).toBe(-1);
  });
});

describe('roll net price', () => {
  const market = { bid: -1.5, ask: -1.2 };
  it('passes a credit within the net market and warns on one that pays far past it', () => {
    expect(rollPriceCheck(-1.25, market, 'USD').outcome).toBe('pass');
    const far = rollPriceCheck(0.5, market, 'USD');
    expect(far.outcome).toBe('warn');
    expect(far.message).toBe(
      'The net limit 0.50 pays more than 0.50 past the net market -1.50 to -1.20 (debit positive).',
    );
  });
  it('warns when a leg has no quote', () => {
    expect(rollPriceCheck(-1, null, 'USD').outcome).toBe('warn');
  });
});

describe('a roll’s checks', () => {
  const legChecks = [
    { id: 'ira-options', rule: 'Options: covered only', outcome: 'pass', message: 'Covered call.' },
    { id: 'price-sanity', rule: 'Price near the market', outcome: 'warn', message: 'Far from the mid.' },
    { id: 'size-cap', rule: 'Order size cap', outcome: 'warn', message: 'Large.' },
  ] as const;

  it('names each leg and leaves out the per-leg price checks the net price replaces', () => {
    expect(rollChecks([{ role: 'open', checks: legChecks }]).map((c) => [c.id, c.message])).toEqual([
      ['open:ira-options', 'sell to open: Covered call.'],
      ['open:size-cap', 'sell to open: Large.'],
    ]);
  });

  it('shows a note both legs make in the same words once, and keeps whatever needs acknowledging per leg', () => {
    const usd = {
      id: 'ira-usd-withdrawals',
      rule: 'USD-only withdrawals',
      outcome: 'info',
      message: 'USD only.',
    } as const;
    const checks = rollChecks([
      { role: 'close', checks: [usd, legChecks[2]] },
      { role: 'open', checks: [legChecks[0], usd, legChecks[2]] },
    ]);
    expect(checks.map((c) => c.id)).toEqual([
      'close:size-cap',
      'open:ira-options',
      'open:size-cap',
      'ira-usd-withdrawals',
    ]);
    expect(checks.at(-1)?.message).toBe('USD only.');
  });

  it('keeps a note per leg when the legs word it differently', () => {
    const note = (message: string) => ({ id: 'note', rule: 'A note', outcome: 'info' as const, message });
    const checks = rollChecks([
      { role: 'close', checks: [note('Old contract.')] },
      { role: 'open', checks: [note('New contract.')] },
    ]);
    expect(checks.map((c) => c.id)).toEqual(['close:note', 'open:note']);
  });

  it('gives each leg’s re-check the acknowledgements of its own checks and of the replaced price checks', () => {
    expect(legAcknowledgements('open', legChecks, ['open:size-cap', 'close:size-cap'])).toEqual([
      'size-cap',
      'price-sanity',
    ]);
    expect(legAcknowledgements('close', [], ['open:size-cap'])).toEqual([]);
  });
});
