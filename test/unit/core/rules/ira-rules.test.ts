import { describe, expect, it } from 'vitest';
import {
  AAPL,
  AAPL_CALL,
  AAPL_CONID,
  AAPL_PUT,
  BUSINESS,
  checkFor,
  EPD,
  ES,
  EURUSD,
  INDIVIDUAL,
  outcomeOf,
  position,
  quoteAround,
  ROTH,
  SAP,
  TRAD_IRA,
  usd,
  type Spec,
} from './fixtures';

const sell = (quantity: number): Spec['ticket'] => ({ action: 'SELL', quantity });

describe('ira-no-short: an IRA cannot sell more than it holds', () => {
  const holding100 = { positions: [position(AAPL, 100)] };

  it('blocks selling 150 when the Roth IRA holds 100, naming the shortfall', () => {
    const check = checkFor({ account: ROTH, ticket: sell(150), ctx: holding100 }, 'ira-no-short');
    expect(check).toEqual({
      id: 'ira-no-short',
      rule: 'No short selling',
      outcome: 'block',
      message: 'Selling 150 AAPL would leave the Roth IRA short 50 shares; IRAs cannot sell short.',
    });
  });

  it.each([
    ['exactly the holding', 'pass', ROTH, 100, {}],
    ['less than the holding', 'pass', ROTH, 99, {}],
    ['one share more than held', 'block', ROTH, 101, {}],
    ['the same oversell in a Traditional IRA', 'block', TRAD_IRA, 150, {}],
    ['what is left after open sells (100 held, 40 pending, sell 60)', 'pass', ROTH, 60, { [AAPL_CONID]: 40 }],
    ['more than is left after open sells (100 held, 50 pending, sell 60)', 'block', ROTH, 60, { [AAPL_CONID]: 50 }],
  ] as const)('%s → %s', (_name, expected, account, quantity, pendingSells) => {
    expect(outcomeOf({ account, ticket: sell(quantity), ctx: { ...holding100, pendingSells } }, 'ira-no-short')).toBe(
      expected,
    );
  });

  it('counts open sells in the message', () => {
    const check = checkFor(
      { account: ROTH, ticket: sell(60), ctx: { ...holding100, pendingSells: { [AAPL_CONID]: 50 } } },
      'ira-no-short',
    );
    expect(check?.message).toBe(
      'Selling 60 AAPL, with 50 shares already on open sell orders, would leave the Roth IRA short 10 shares (it holds 100); IRAs cannot sell short.',
    );
  });

  it('blocks a sale with no position at all', () => {
    expect(outcomeOf({ account: ROTH, ticket: sell(1) }, 'ira-no-short')).toBe('block');
  });

  it('does not apply to the same oversell in an individual account, which meets the shortable rule instead', () => {
    const spec = { account: INDIVIDUAL, ticket: sell(150), ctx: holding100 };
    expect(checkFor(spec, 'ira-no-short')).toBeUndefined();
    expect(checkFor(spec, 'shortable')?.message).toContain('goes 50 shares short');
  });

  it('does not apply to buys', () => {
    expect(checkFor({ account: ROTH }, 'ira-no-short')).toBeUndefined();
  });

  it('blocks an IRA futures sale that opens a short position', () => {
    const spec = { account: ROTH, instrument: ES, ticket: { action: 'SELL', quantity: 1, limitPrice: 6000 } } as const;
    expect(outcomeOf(spec, 'ira-no-short')).toBe('block');
  });

  it('treats selling a currency as selling the cash held in it', () => {
    const base = {
      account: ROTH,
      instrument: EURUSD,
      ticket: { action: 'SELL', quantity: 10_000, limitPrice: 1.1 },
    } as const;
    const eur = (total: number) => ({ currency: 'EUR', settled: total, total });
    expect(outcomeOf({ ...base, ctx: { cash: [usd(0), eur(10_000)] } }, 'ira-no-short')).toBe('pass');
    const short = checkFor({ ...base, ctx: { cash: [usd(50_000), eur(4_000)] } }, 'ira-no-short');
    expect(short?.outcome).toBe('block');
    expect(short?.message).toContain('short 6,000 EUR; IRAs cannot borrow currency');
  });
});

describe('ira-no-margin: an IRA buy must fit in settled cash', () => {
  // 100 AAPL at the 150 limit = 15,000 + est. commission max(1, 100 × 0.005) = 1 → 15,001.
  const buy = (settled: number, extra: Spec['ctx'] = {}, total = settled): Spec => ({
    account: ROTH,
    ctx: { cash: [usd(settled, total)], ...extra },
  });

  it.each([
    ['settled cash covering cost and commission', 'pass', buy(15_001)],
    ['settled cash covering the cost but not the commission', 'block', buy(15_000)],
    ['unsettled cash does not count', 'block', buy(10_000, {}, 50_000)],
    ['open buys count against the cash', 'block', buy(15_001, { pendingBuysUsd: 1 })],
    ['open buys within the cash', 'pass', buy(16_001, { pendingBuysUsd: 1_000 })],
    [
      'the what-if commission replaces the estimate',
      'block',
      buy(15_005, { whatIf: { initMarginChange: 0, maintMarginChange: 0, equityWithLoanAfter: 0, commission: 10 } }),
    ],
    ['no USD cash at all', 'block', { account: ROTH, ctx: { cash: [] } }],
  ] as const)('%s → %s', (_name, expected, spec) => {
    expect(outcomeOf(spec, 'ira-no-margin')).toBe(expected);
  });

  it('names both figures when it blocks', () => {
    expect(checkFor(buy(15_000, { pendingBuysUsd: 2_000 }), 'ira-no-margin')?.message).toBe(
      'Buying 100 AAPL needs $15,000.00 (100 at the limit price $150.00) + $1.00 est. commission + $2,000.00 on open buy orders = $17,001.00, more than the $15,000.00 of settled cash in the Roth IRA; IRAs cannot borrow on margin.',
    );
  });

  it('costs a market buy at the ask plus the 1 % buffer', () => {
    // ask 150.10 × 1.01 = 151.601 → 15,160.10 + 1.00 commission = 15,161.10
    const mkt = (settled: number): Spec => ({
      account: ROTH,
      ticket: { orderType: 'MKT', limitPrice: undefined },
      ctx: { cash: [usd(settled)] },
    });
    expect(outcomeOf(mkt(15_161.1), 'ira-no-margin')).toBe('pass');
    expect(outcomeOf(mkt(15_161), 'ira-no-margin')).toBe('block');
    expect(checkFor(mkt(15_161), 'ira-no-margin')?.message).toContain('the ask $150.10 + 1.0% buffer');
  });

  it('costs a buy stop above the market at its stop price plus the buffer', () => {
    // stop 160 > ask 150.10 → 160 × 1.01 × 100 = 16,160 + 1 = 16,161
    const stop = (settled: number): Spec => ({
      account: ROTH,
      ticket: { orderType: 'STP', limitPrice: undefined, stopPrice: 160 },
      ctx: { cash: [usd(settled)] },
    });
    expect(outcomeOf(stop(16_161), 'ira-no-margin')).toBe('pass');
    expect(outcomeOf(stop(16_160), 'ira-no-margin')).toBe('block');
  });

  it('blocks a market buy it cannot price', () => {
    const check = checkFor(
      { account: ROTH, ticket: { orderType: 'MKT', limitPrice: undefined }, ctx: { quote: null } },
      'ira-no-margin',
    );
    expect(check?.outcome).toBe('block');
    expect(check?.message).toContain('could not be worked out');
  });

  it('checks an option buy on its premium × 100', () => {
    // 2 × 3.50 × 100 = 700 + commission max(1, 2 × 0.65) = 1.30 → 701.30
    const option = (settled: number): Spec => ({
      account: ROTH,
      instrument: AAPL_CALL,
      ticket: { quantity: 2, limitPrice: 3.5 },
      ctx: { cash: [usd(settled)], quote: quoteAround(3.5, 0.1) },
    });
    expect(outcomeOf(option(701.3), 'ira-no-margin')).toBe('pass');
    expect(outcomeOf(option(701), 'ira-no-margin')).toBe('block');
  });

  it('fails closed when settled cash is not a number', () => {
    expect(outcomeOf({ account: ROTH, ctx: { cash: [usd(Number.NaN)] } }, 'ira-no-margin')).toBe('block');
  });

  it.each([
    ['a sell', { account: ROTH, ticket: sell(10), ctx: { positions: [position(AAPL, 10)] } }],
    ['an individual account', { account: INDIVIDUAL, ctx: { cash: [usd(0)] } }],
    ['a business account', { account: BUSINESS, ctx: { cash: [usd(0)] } }],
    [
      'a future (margined, see ira-futures-margin)',
      { account: ROTH, instrument: ES, ticket: { quantity: 1, limitPrice: 6000 } },
    ],
  ] as const)('does not apply to %s', (_name, spec) => {
    expect(checkFor(spec, 'ira-no-margin')).toBeUndefined();
  });
});

describe('ira-no-fx-borrowing: a foreign-currency buy needs that currency in the IRA', () => {
  // 100 SAP at 200 EUR = 20,000 EUR + 1 EUR est. commission
  const sap = (account = ROTH, eur = 0): Spec => ({
    account,
    instrument: SAP,
    ticket: { limitPrice: 200 },
    ctx: {
      quote: quoteAround(200),
      cash: [usd(500_000), ...(eur > 0 ? [{ currency: 'EUR', settled: eur, total: eur }] : [])],
    },
  });

  it('blocks a EUR stock in the Roth IRA with no EUR cash, with the hint to convert first', () => {
    const check = checkFor(sap(), 'ira-no-fx-borrowing');
    expect(check?.outcome).toBe('block');
    expect(check?.message).toBe(
      'Buying 100 SAP costs about 20,001.00 EUR but the Roth IRA holds only 0.00 EUR; IRAs cannot borrow currency — convert USD to EUR first.',
    );
  });

  it('blocks with too little EUR and passes with enough', () => {
    expect(outcomeOf(sap(ROTH, 20_000), 'ira-no-fx-borrowing')).toBe('block');
    expect(outcomeOf(sap(ROTH, 20_001), 'ira-no-fx-borrowing')).toBe('pass');
  });

  it('checks the IRA cash rule in EUR too', () => {
    expect(outcomeOf(sap(ROTH, 20_001), 'ira-no-margin')).toBe('pass');
    expect(checkFor(sap(), 'ira-no-margin')?.message).toContain('more than the 0.00 EUR of settled cash');
  });

  it('does not apply to the same order in the individual account, which may borrow', () => {
    expect(checkFor(sap(INDIVIDUAL), 'ira-no-fx-borrowing')).toBeUndefined();
  });

  it('does not apply to USD instruments', () => {
    expect(checkFor({ account: ROTH }, 'ira-no-fx-borrowing')).toBeUndefined();
  });
});

describe('ira-futures-margin: an IRA needs twice the initial margin in cash', () => {
  const es = (settled: number, initMarginChange: number | null, account = ROTH): Spec => ({
    account,
    instrument: ES,
    ticket: { quantity: 1, limitPrice: 6000 },
    ctx: {
      quote: quoteAround(6000, 0.25),
      cash: [usd(settled)],
      whatIf:
        initMarginChange === null
          ? null
          : {
              initMarginChange,
              maintMarginChange: initMarginChange * 0.9,
              equityWithLoanAfter: settled,
              commission: 2.25,
            },
    },
  });

  it.each([
    ['cash below 2× margin', 'block', es(39_999, 20_000)],
    ['cash exactly 2× margin', 'pass', es(40_000, 20_000)],
    ['cash above 2× margin', 'pass', es(60_000, 20_000)],
    ['an order that releases margin', 'pass', es(0, -20_000)],
  ] as const)('%s → %s', (_name, expected, spec) => {
    expect(outcomeOf(spec, 'ira-futures-margin')).toBe(expected);
  });

  it('names margin, requirement and cash when it blocks', () => {
    expect(checkFor(es(39_999, 20_000), 'ira-futures-margin')?.message).toBe(
      '1 ES 20251219 future adds $20,000.00 initial margin; an IRA needs twice that, $40,000.00, in cash, and the Roth IRA has only $39,999.00 settled.',
    );
  });

  it('blocks without a what-if, saying the margin could not be checked', () => {
    const check = checkFor(es(1_000_000, null), 'ira-futures-margin');
    expect(check?.outcome).toBe('block');
    expect(check?.message).toContain('could not be checked');
  });

  it('does not apply outside IRAs or to stocks', () => {
    expect(checkFor(es(0, 20_000, INDIVIDUAL), 'ira-futures-margin')).toBeUndefined();
    expect(checkFor({ account: ROTH }, 'ira-futures-margin')).toBeUndefined();
  });
});

describe('ira-no-mlp: no MLPs (UBTI) in an IRA', () => {
  it('blocks an MLP by its contract type', () => {
    const check = checkFor(
      { account: ROTH, instrument: EPD, ticket: { limitPrice: 27 }, ctx: { quote: quoteAround(27) } },
      'ira-no-mlp',
    );
    expect(check?.outcome).toBe('block');
    expect(check?.message).toContain('EPD is a master limited partnership (IBKR lists it as an MLP)');
  });

  it.each([
    ['exactly as listed', ['ET']],
    ['in another case, with spaces', [' et ']],
  ])('blocks a symbol on the user’s MLP list (%s)', (_name, mlpSymbols) => {
    const et = { ...AAPL, conId: 1234, symbol: 'ET', stockType: 'COMMON' };
    const check = checkFor(
      { account: ROTH, instrument: et, ticket: { limitPrice: 18 }, ctx: { mlpSymbols, quote: quoteAround(18) } },
      'ira-no-mlp',
    );
    expect(check?.outcome).toBe('block');
    expect(check?.message).toContain('on your MLP/UBTI list');
  });

  it('passes an ordinary stock, even with a list', () => {
    expect(outcomeOf({ account: ROTH, ctx: { mlpSymbols: ['ET', 'EPD'] } }, 'ira-no-mlp')).toBe('pass');
  });

  it('lets the IRA sell an MLP it holds, but not sell it short', () => {
    const spec = (quantity: number): Spec => ({
      account: ROTH,
      instrument: EPD,
      ticket: { action: 'SELL', quantity, limitPrice: 27 },
      ctx: { quote: quoteAround(27), positions: [position(EPD, 100)] },
    });
    expect(outcomeOf(spec(100), 'ira-no-mlp')).toBe('pass');
    expect(outcomeOf(spec(101), 'ira-no-mlp')).toBe('block');
  });

  it('does not apply outside IRAs', () => {
    expect(
      checkFor({ account: INDIVIDUAL, instrument: EPD, ticket: { limitPrice: 27 } }, 'ira-no-mlp'),
    ).toBeUndefined();
  });
});

describe('ira-options: covered calls and cash-secured puts only', () => {
  const option = (
    instrument: typeof AAPL_CALL,
    action: 'BUY' | 'SELL',
    quantity: number,
    ctx: Spec['ctx'] = {},
  ): Spec => ({
    account: ROTH,
    instrument,
    ticket: { action, quantity, limitPrice: 3.5 },
    ctx: { quote: quoteAround(3.5, 0.1), ...ctx },
  });
  const shares = (n: number) => position(AAPL, n);

  describe('calls', () => {
    it.each([
      ['2 calls covered by 200 shares', 'pass', 2, [shares(200)], {}],
      ['3 calls with 200 shares (naked)', 'block', 3, [shares(200)], {}],
      ['1 call with no shares (naked)', 'block', 1, [], {}],
      [
        '2 calls when 100 of 200 shares already cover a short call',
        'block',
        2,
        [shares(200), position(AAPL_CALL, -1)],
        {},
      ],
      [
        '1 call when 100 of 200 shares already cover a short call',
        'pass',
        1,
        [shares(200), position(AAPL_CALL, -1)],
        {},
      ],
      ['2 calls when 100 of the 200 shares are on an open sell', 'block', 2, [shares(200)], { [AAPL_CONID]: 100 }],
      ['closing 2 calls the IRA holds', 'pass', 2, [position(AAPL_CALL, 2)], {}],
      ['closing 2 and opening 1 more, uncovered', 'block', 3, [position(AAPL_CALL, 2)], {}],
    ] as const)('%s → %s', (_name, expected, quantity, positions, pendingSells) => {
      expect(outcomeOf(option(AAPL_CALL, 'SELL', quantity, { positions, pendingSells }), 'ira-options')).toBe(expected);
    });

    it('explains a naked call', () => {
      expect(checkFor(option(AAPL_CALL, 'SELL', 3, { positions: [shares(200)] }), 'ira-options')?.message).toBe(
        'Selling 3 calls to open needs 300 shares of AAPL to cover them, but only 200 are free (the Roth IRA holds 200 shares of AAPL, 0 already covering short calls and 0 on open sell orders); naked calls are not allowed in an IRA.',
      );
    });
  });

  describe('puts', () => {
    // 2 puts at the 150 strike oblige the IRA to buy 200 shares: 30,000.
    it.each([
      ['settled cash equal to strike × 100 × contracts', 'pass', [usd(30_000)], 0, []],
      ['a dollar short of it', 'block', [usd(29_999)], 0, []],
      ['unsettled cash does not secure a put', 'block', [usd(20_000, 40_000)], 0, []],
      ['open buys take from the cash', 'block', [usd(30_000)], 1, []],
      ['cash already securing another short put', 'block', [usd(40_000)], 0, [position(AAPL_PUT, -1)]],
      [
        'the same cash when the other put has a 100 strike',
        'pass',
        [usd(40_000)],
        0,
        [{ ...position(AAPL_PUT, -1), conId: 5, strike: 100 }],
      ],
    ] as const)('%s → %s', (_name, expected, cash, pendingBuysUsd, positions) => {
      expect(outcomeOf(option(AAPL_PUT, 'SELL', 2, { cash, pendingBuysUsd, positions }), 'ira-options')).toBe(expected);
    });

    it('explains an under-secured put', () => {
      expect(checkFor(option(AAPL_PUT, 'SELL', 2, { cash: [usd(29_999)] }), 'ira-options')?.message).toBe(
        'Selling 2 puts to open needs $30,000.00 (2 × 150 strike × 100) of cash to secure them, more than the $29,999.00 settled in the Roth IRA; an IRA may only sell cash-secured puts.',
      );
    });
  });

  it('passes buying options (the premium is checked by ira-no-margin)', () => {
    const spec = option(AAPL_CALL, 'BUY', 1);
    expect(outcomeOf(spec, 'ira-options')).toBe('pass');
    expect(outcomeOf(spec, 'ira-no-margin')).toBe('pass');
  });

  it('does not treat option writing as a stock short sale', () => {
    expect(checkFor(option(AAPL_CALL, 'SELL', 1, { positions: [shares(100)] }), 'ira-no-short')).toBeUndefined();
  });

  it('does not apply outside IRAs', () => {
    expect(checkFor({ ...option(AAPL_CALL, 'SELL', 5), account: INDIVIDUAL }, 'ira-options')).toBeUndefined();
  });
});

describe('ira-usd-withdrawals', () => {
  it.each([
    ['a buy', { account: ROTH }],
    ['a sell', { account: TRAD_IRA, ticket: sell(1), ctx: { positions: [position(AAPL, 1)] } }],
  ] as const)('is an info check on %s in an IRA', (_name, spec) => {
    const check = checkFor(spec, 'ira-usd-withdrawals');
    expect(check?.outcome).toBe('info');
    expect(check?.message).toContain('USD only');
  });

  it('is absent for other accounts', () => {
    expect(checkFor({ account: INDIVIDUAL }, 'ira-usd-withdrawals')).toBeUndefined();
    expect(checkFor({ account: BUSINESS }, 'ira-usd-withdrawals')).toBeUndefined();
  });
});
