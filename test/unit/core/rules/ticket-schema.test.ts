import { describe, expect, it } from 'vitest';
import { isIra, type AccountKind } from '../../../../src/shared/enums';
import { CheckSchema, OrderTicketSchema, type OrderTicketInput } from '../../../../src/shared/ticket';

const GOOD: OrderTicketInput = {
  account: 'DU1234567',
  contract: { symbol: 'AAPL', secType: 'STK' },
  action: 'BUY',
  quantity: 100,
  orderType: 'LMT',
  limitPrice: 150.25,
  tif: 'DAY',
};

const OPTION = { symbol: 'AAPL', secType: 'OPT', lastTradeDate: '20251219', strike: 150, right: 'C', multiplier: 100 };
const FUTURE = { symbol: 'ES', secType: 'FUT', lastTradeDate: '202512', exchange: 'CME', multiplier: 50 };

/** Builds a ticket from GOOD with some fields replaced (undefined removes the field). */
function ticket(changes: Record<string, unknown> = {}, contract: Record<string, unknown> = {}): unknown {
  const merged: Record<string, unknown> = { ...GOOD, contract: { ...GOOD.contract, ...contract }, ...changes };
  for (const [k, v] of Object.entries(merged)) if (v === undefined) delete merged[k];
  const c = merged.contract as Record<string, unknown> | undefined;
  for (const [k, v] of Object.entries(c ?? {})) if (v === undefined) delete c?.[k];
  return merged;
}

function problems(input: unknown): { path: string; message: string }[] {
  const result = OrderTicketSchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

describe('OrderTicketSchema accepts good tickets', () => {
  it('fills in the defaults: USD, SMART, regular hours only', () => {
    const parsed = OrderTicketSchema.parse(GOOD);
    expect(parsed.contract).toEqual({ symbol: 'AAPL', secType: 'STK', currency: 'USD', exchange: 'SMART' });
    expect(parsed.outsideRth).toBe(false);
  });

  it.each([
    ['a market order', ticket({ orderType: 'MKT', limitPrice: undefined })],
    ['a stop order', ticket({ orderType: 'STP', limitPrice: undefined, stopPrice: 140 })],
    ['a stop-limit order', ticket({ orderType: 'STP LMT', stopPrice: 151, limitPrice: 152 })],
    ['a GTC sell outside regular hours', ticket({ action: 'SELL', tif: 'GTC', outsideRth: true })],
    ['a live account and a contract id', ticket({ account: 'U7654321' }, { conId: 265598 })],
    ['a symbol with a space (BRK B)', ticket({}, { symbol: 'BRK B' })],
    ['a symbol with a dot (BRK.B)', ticket({}, { symbol: 'BRK.B' })],
    ['a euro stock', ticket({}, { symbol: 'SAP', currency: 'EUR', exchange: 'IBIS' })],
    ['an option', ticket({ quantity: 2, limitPrice: 3.5 }, OPTION)],
    [
      'a put with a YYYYMM expiry',
      ticket({ quantity: 1, limitPrice: 2 }, { ...OPTION, right: 'P', lastTradeDate: '202512' }),
    ],
    ['a future', ticket({ quantity: 1, limitPrice: 6000 }, FUTURE)],
    [
      'a currency pair with a fractional quantity',
      ticket({ quantity: 12500.5, limitPrice: 1.0842 }, { symbol: 'EUR', secType: 'CASH', exchange: 'IDEALPRO' }),
    ],
  ])('%s', (_name, input) => {
    expect(problems(input)).toEqual([]);
  });
});

describe('OrderTicketSchema rejects malformed tickets with a sentence a trader understands', () => {
  const cases: [string, unknown, string, string][] = [
    [
      'an unknown field',
      ticket({ leverage: 10 }),
      '',
      'The order ticket has a field Gatehouse does not know: leverage.',
    ],
    [
      'an unknown contract field',
      ticket({}, { localSymbol: 'X' }),
      'contract',
      'The contract has a field Gatehouse does not know: localSymbol.',
    ],
    ['no account', ticket({ account: undefined }), 'account', 'Choose the account the order is for.'],
    [
      'a malformed account',
      ticket({ account: 'X123' }),
      'account',
      'An account id looks like U1234567 (live) or DU1234567 (paper).',
    ],
    ['an account with an injected suffix', ticket({ account: 'DU1234567\n' }), 'account', 'An account id looks like'],
    ['no contract', ticket({ contract: undefined }), 'contract', 'The contract is missing or is not a set of fields.'],
    ['no symbol', ticket({}, { symbol: undefined }), 'contract.symbol', 'Enter a symbol.'],
    ['a lower-case symbol', ticket({}, { symbol: 'aapl' }), 'contract.symbol', 'A symbol is 1 to 12 capital letters'],
    ['an empty symbol', ticket({}, { symbol: '' }), 'contract.symbol', 'A symbol is 1 to 12 capital letters'],
    ['a 13-character symbol', ticket({}, { symbol: 'ABCDEFGHIJKLM' }), 'contract.symbol', 'A symbol is 1 to 12'],
    ['a symbol with a leading space', ticket({}, { symbol: ' AAPL' }), 'contract.symbol', 'A symbol is 1 to 12'],
    ['a symbol with punctuation', ticket({}, { symbol: 'AAPL;DROP' }), 'contract.symbol', 'A symbol is 1 to 12'],
    [
      'an unknown instrument type',
      ticket({}, { secType: 'BOND' }),
      'contract.secType',
      'The instrument type must be a stock (STK)',
    ],
    [
      'a lower-case currency',
      ticket({}, { currency: 'usd' }),
      'contract.currency',
      'A currency is a three-letter code',
    ],
    ['a lower-case exchange', ticket({}, { exchange: 'smart' }), 'contract.exchange', 'An exchange is a short code'],
    [
      'a negative contract id',
      ticket({}, { conId: -1 }),
      'contract.conId',
      'A contract id is a positive whole number.',
    ],
    [
      'a fractional contract id',
      ticket({}, { conId: 1.5 }),
      'contract.conId',
      'A contract id is a positive whole number.',
    ],
    [
      'month 13',
      ticket({ quantity: 1 }, { ...FUTURE, lastTradeDate: '202513' }),
      'contract.lastTradeDate',
      'An expiry is written YYYYMMDD or YYYYMM',
    ],
    [
      'a dashed date',
      ticket({ quantity: 1 }, { ...OPTION, lastTradeDate: '2025-12-19' }),
      'contract.lastTradeDate',
      'An expiry is written',
    ],
    [
      'an option without expiry',
      ticket({ quantity: 1 }, { ...OPTION, lastTradeDate: undefined }),
      'contract.lastTradeDate',
      'An option needs an expiry date.',
    ],
    [
      'an option without strike',
      ticket({ quantity: 1 }, { ...OPTION, strike: undefined }),
      'contract.strike',
      'An option needs a strike price.',
    ],
    [
      'an option without right',
      ticket({ quantity: 1 }, { ...OPTION, right: undefined }),
      'contract.right',
      'An option needs a right: C for a call or P for a put.',
    ],
    [
      'an option right other than C or P',
      ticket({ quantity: 1 }, { ...OPTION, right: 'CALL' }),
      'contract.right',
      'An option right is C (call) or P (put).',
    ],
    [
      'a zero strike',
      ticket({ quantity: 1 }, { ...OPTION, strike: 0 }),
      'contract.strike',
      'A strike price must be a positive number.',
    ],
    [
      'a future without expiry',
      ticket({ quantity: 1 }, { ...FUTURE, lastTradeDate: undefined }),
      'contract.lastTradeDate',
      'A future needs an expiry (its contract month).',
    ],
    ['a stock with a strike', ticket({}, { strike: 150 }), 'contract.strike', 'Only an option has a strike price.'],
    ['a stock with a right', ticket({}, { right: 'P' }), 'contract.right', 'Only an option has a right (call or put).'],
    [
      'a negative multiplier',
      ticket({ quantity: 1 }, { ...FUTURE, multiplier: -50 }),
      'contract.multiplier',
      'A multiplier must be a positive number.',
    ],
    ['an unknown side', ticket({ action: 'SHORT' }), 'action', 'An order either buys (BUY) or sells (SELL).'],
    ['no quantity', ticket({ quantity: undefined }), 'quantity', 'Enter a quantity.'],
    ['a zero quantity', ticket({ quantity: 0 }), 'quantity', 'The quantity must be a positive number.'],
    ['a negative quantity', ticket({ quantity: -100 }), 'quantity', 'The quantity must be a positive number.'],
    ['a quantity as text', ticket({ quantity: '100' }), 'quantity', 'The quantity must be a positive number.'],
    ['an infinite quantity', ticket({ quantity: Infinity }), 'quantity', 'The quantity must be a positive number.'],
    ['a NaN quantity', ticket({ quantity: NaN }), 'quantity', 'The quantity must be a positive number.'],
    [
      'fractional shares',
      ticket({ quantity: 10.5 }),
      'quantity',
      'A stock order needs a whole number of shares, not 10.5.',
    ],
    [
      'fractional option contracts',
      ticket({ quantity: 1.5, limitPrice: 3 }, OPTION),
      'quantity',
      'An option order needs a whole number of contracts, not 1.5.',
    ],
    [
      'fractional futures',
      ticket({ quantity: 0.5, limitPrice: 6000 }, FUTURE),
      'quantity',
      'A futures order needs a whole number of contracts, not 0.5.',
    ],
    [
      'an unknown order type',
      ticket({ orderType: 'MOC' }),
      'orderType',
      'The order type must be market (MKT), limit (LMT), stop (STP), stop-limit (STP LMT), trailing stop (TRAIL) or trailing stop limit (TRAIL LIMIT).',
    ],
    [
      'a limit order without a limit price',
      ticket({ limitPrice: undefined }),
      'limitPrice',
      'A limit order needs a limit price.',
    ],
    [
      'a stop order without a stop price',
      ticket({ orderType: 'STP', limitPrice: undefined }),
      'stopPrice',
      'A stop order needs a stop price.',
    ],
    [
      'a stop-limit order without a stop price',
      ticket({ orderType: 'STP LMT' }),
      'stopPrice',
      'A stop-limit order needs a stop price.',
    ],
    [
      'a stop-limit order without a limit price',
      ticket({ orderType: 'STP LMT', limitPrice: undefined, stopPrice: 140 }),
      'limitPrice',
      'A stop-limit order needs a limit price.',
    ],
    [
      'a market order with a limit price',
      ticket({ orderType: 'MKT' }),
      'limitPrice',
      'A market order has no limit price.',
    ],
    [
      'a market order with a stop price',
      ticket({ orderType: 'MKT', limitPrice: undefined, stopPrice: 140 }),
      'stopPrice',
      'A market order has no stop price.',
    ],
    ['a limit order with a stop price', ticket({ stopPrice: 140 }), 'stopPrice', 'A limit order has no stop price.'],
    [
      'a stop order with a limit price',
      ticket({ orderType: 'STP', stopPrice: 140 }),
      'limitPrice',
      'A stop order has no limit price; use STP LMT for a stop-limit order.',
    ],
    ['a negative limit price', ticket({ limitPrice: -1 }), 'limitPrice', 'A limit price must be a positive number.'],
    [
      'a zero stop price',
      ticket({ orderType: 'STP', limitPrice: undefined, stopPrice: 0 }),
      'stopPrice',
      'A stop price must be a positive number.',
    ],
    [
      'an unknown time in force',
      ticket({ tif: 'IOC' }),
      'tif',
      'Time in force must be DAY (until the close) or GTC (good until cancelled).',
    ],
    [
      'outside-RTH as text',
      ticket({ outsideRth: 'yes' }),
      'outsideRth',
      'Trading outside regular hours is either on (true) or off (false).',
    ],
  ];

  it.each(cases)('%s', (_name, input, path, message) => {
    const found = problems(input);
    expect(found.length).toBeGreaterThan(0);
    expect(found).toContainEqual({ path, message: expect.stringContaining(message) });
  });

  it.each([
    ['nothing', undefined],
    ['null', null],
    ['text', 'BUY 100 AAPL'],
    ['a list', [GOOD]],
  ])('refuses %s in place of a ticket', (_name, input) => {
    expect(problems(input)).toEqual([{ path: '', message: 'The order ticket is missing or is not a set of fields.' }]);
  });

  it('never shows zod’s own wording: every message is a sentence', () => {
    for (const [, input] of cases) {
      for (const { message } of problems(input)) {
        expect(message).toMatch(/^[A-Z].*\.$/);
        expect(message).not.toMatch(/Invalid|expected|received/);
      }
    }
  });
});

describe('CheckSchema', () => {
  const check = { id: 'ira-no-short', rule: 'No short selling', outcome: 'block', message: 'Selling 150 AAPL would …' };

  it('accepts a check', () => {
    expect(CheckSchema.parse(check)).toEqual(check);
  });

  it.each([
    ['an unknown outcome', { ...check, outcome: 'fail' }],
    ['an extra field', { ...check, override: true }],
    ['an empty message', { ...check, message: '' }],
    ['a missing id', { rule: check.rule, outcome: check.outcome, message: check.message }],
  ])('rejects %s', (_name, input) => {
    expect(CheckSchema.safeParse(input).success).toBe(false);
  });
});

describe('isIra', () => {
  it.each<[AccountKind, boolean]>([
    ['roth-ira', true],
    ['traditional-ira', true],
    ['individual', false],
    ['business', false],
  ])('%s → %s', (kind, expected) => {
    expect(isIra(kind)).toBe(expected);
  });
});
