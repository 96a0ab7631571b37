import { z } from 'zod';
import { ACCOUNT_KINDS, ADAPTIVE_PRIORITIES, ORDER_TYPES, TIMES_IN_FORCE, type OrderType } from './enums';
import { EXTERNAL_ACCOUNT_ID } from './holdings-words';

/**
 * The order ticket and the result of checking it. Both cross the IPC boundary, so the schemas are
 * strict (unknown fields are refused) and every message is a sentence a trader understands, because
 * the ticket form shows them as they are.
 */

/** Zod's error option: one message when the field is missing, another when it is present but wrong. */
const say = (missing: string, invalid: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? missing : invalid),
});

const unknownFields = (what: string) => ({
  error: (issue: { code?: string; keys?: string[]; input?: unknown }) => {
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys ?? [];
      return `${what} has ${keys.length === 1 ? 'a field' : 'fields'} Gatehouse does not know: ${keys.join(', ')}.`;
    }
    if (issue.code === 'invalid_type') return `${what} is missing or is not a set of fields.`;
    return undefined;
  },
});

const positive = (missing: string, invalid: string) => z.number(say(missing, invalid)).positive({ error: invalid });

// ── Accounts ────────────────────────────────────────────────────────────────────────────────────

export const AccountKindSchema = z.enum(ACCOUNT_KINDS, {
  error: 'The account type must be Roth IRA, Traditional IRA, individual or business.',
});

/** IBKR account ids: paper accounts are DU followed by digits, live ones U followed by digits. */
export const AccountIdSchema = z
  .string(say('Choose the account the order is for.', 'An account id looks like U1234567 (live) or DU1234567 (paper).'))
  // An imported external account's id passes too, so an order for one is refused by its own rule, by name.
  .regex(new RegExp(`^(?:DU|U)\\d{4,10}$|${EXTERNAL_ACCOUNT_ID.source}`), {
    error: 'An account id looks like U1234567 (live) or DU1234567 (paper).',
  });

// ── Contract ────────────────────────────────────────────────────────────────────────────────────

export const SecTypeSchema = z.enum(['STK', 'OPT', 'FUT', 'CASH'], {
  error: 'The instrument type must be a stock (STK), an option (OPT), a future (FUT) or a currency pair (CASH).',
});
export type SecType = z.infer<typeof SecTypeSchema>;

export const OptionRightSchema = z.enum(['C', 'P'], { error: 'An option right is C (call) or P (put).' });
export type OptionRight = z.infer<typeof OptionRightSchema>;

const SYMBOL_MESSAGE = 'A symbol is 1 to 12 capital letters, digits, dots or spaces, such as AAPL or BRK B.';
const CURRENCY_MESSAGE = 'A currency is a three-letter code in capitals, such as USD or EUR.';
const EXPIRY_MESSAGE = 'An expiry is written YYYYMMDD or YYYYMM, such as 20250620 or 202506.';

/** Three capital letters, e.g. USD, EUR. */
export const CurrencySchema = z.string(say(CURRENCY_MESSAGE, CURRENCY_MESSAGE)).regex(/^[A-Z]{3}$/, {
  error: CURRENCY_MESSAGE,
});

export const ContractSchema = z
  .strictObject(
    {
      /** 1–12 characters; capitals, digits, dots and inner spaces (BRK B). */
      symbol: z
        .string(say('Enter a symbol.', SYMBOL_MESSAGE))
        .regex(/^[A-Z0-9.](?:[A-Z0-9. ]{0,10}[A-Z0-9.])?$/, { error: SYMBOL_MESSAGE }),
      secType: SecTypeSchema,
      currency: CurrencySchema.default('USD'),
      exchange: z
        .string(say('Enter an exchange, such as SMART.', 'An exchange is a short code in capitals, such as SMART.'))
        .regex(/^[A-Z0-9.]{1,16}$/, { error: 'An exchange is a short code in capitals, such as SMART or NASDAQ.' })
        .default('SMART'),
      /** IBKR's contract id, when the contract has been looked up. */
      conId: z
        .number(say('A contract id is a positive whole number.', 'A contract id is a positive whole number.'))
        .int({ error: 'A contract id is a positive whole number.' })
        .positive({ error: 'A contract id is a positive whole number.' })
        .optional(),
      /** Expiry of an option (YYYYMMDD, or YYYYMM) or contract month of a future. */
      lastTradeDate: z
        .string(say(EXPIRY_MESSAGE, EXPIRY_MESSAGE))
        .regex(/^\d{4}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])?$/, { error: EXPIRY_MESSAGE })
        .optional(),
      strike: positive(
        'A strike price must be a positive number.',
        'A strike price must be a positive number.',
      ).optional(),
      right: OptionRightSchema.optional(),
      /** Units of the underlying per contract, e.g. 100 for a US equity option, 50 for ES. */
      multiplier: positive(
        'A multiplier must be a positive number.',
        'A multiplier must be a positive number.',
      ).optional(),
    },
    unknownFields('The contract'),
  )
  .superRefine((contract, ctx) => {
    const problem = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (contract.secType === 'OPT') {
      if (contract.lastTradeDate === undefined) problem('lastTradeDate', 'An option needs an expiry date.');
      if (contract.strike === undefined) problem('strike', 'An option needs a strike price.');
      if (contract.right === undefined) problem('right', 'An option needs a right: C for a call or P for a put.');
    } else {
      if (contract.strike !== undefined) problem('strike', 'Only an option has a strike price.');
      if (contract.right !== undefined) problem('right', 'Only an option has a right (call or put).');
    }
    if (contract.secType === 'FUT' && contract.lastTradeDate === undefined) {
      problem('lastTradeDate', 'A future needs an expiry (its contract month).');
    }
  });
export type Contract = z.infer<typeof ContractSchema>;

// ── Order ticket ────────────────────────────────────────────────────────────────────────────────

export const OrderActionSchema = z.enum(['BUY', 'SELL'], { error: 'An order either buys (BUY) or sells (SELL).' });
export type OrderAction = z.infer<typeof OrderActionSchema>;

export const OrderTypeSchema = z.enum(ORDER_TYPES, {
  error:
    'The order type must be market (MKT), limit (LMT), stop (STP), stop-limit (STP LMT), trailing stop (TRAIL) or trailing stop limit (TRAIL LIMIT).',
});

export const TimeInForceSchema = z.enum(TIMES_IN_FORCE, {
  error: 'Time in force must be DAY (until the close) or GTC (good until cancelled).',
});

const UNIT_NAMES: Record<SecType, string> = { STK: 'shares', OPT: 'contracts', FUT: 'contracts', CASH: 'units' };
const ORDER_NAMES: Record<OrderType, string> = {
  MKT: 'A market order',
  LMT: 'A limit order',
  STP: 'A stop order',
  'STP LMT': 'A stop-limit order',
  TRAIL: 'A trailing stop',
  'TRAIL LIMIT': 'A trailing stop limit',
};

const isTrailing = (type: OrderType) => type === 'TRAIL' || type === 'TRAIL LIMIT';

/** What an order is, whichever account and quantity it goes with (an allocation shares these). */
export const ORDER_TERMS = {
  contract: ContractSchema,
  action: OrderActionSchema,
  orderType: OrderTypeSchema,
  limitPrice: positive(
    'A limit price must be a positive number.',
    'A limit price must be a positive number.',
  ).optional(),
  stopPrice: positive('A stop price must be a positive number.', 'A stop price must be a positive number.').optional(),
  tif: TimeInForceSchema,
  outsideRth: z.boolean({ error: 'Trading outside regular hours is either on (true) or off (false).' }).default(false),
  /** Trailing orders: how far the stop trails the market, as an amount or a percent (exactly one). */
  trailingAmount: positive(
    'A trailing amount must be a positive number.',
    'A trailing amount must be a positive number.',
  ).optional(),
  trailingPercent: positive(
    'A trailing percent must be a positive number.',
    'A trailing percent must be a positive number.',
  )
    .max(100, { error: 'A trailing percent is at most 100.' })
    .optional(),
  /** Trailing orders: the first trigger price, when the person sets one (else IBKR starts from the market). */
  trailStopPrice: positive(
    'A trigger price must be a positive number.',
    'A trigger price must be a positive number.',
  ).optional(),
  /** Trailing stop limits: how far beyond the trigger the limit sits. */
  limitOffset: positive(
    'A limit offset must be a positive number.',
    'A limit offset must be a positive number.',
  ).optional(),
  /** IBKR's Adaptive algo on a market or limit order, with its priority. */
  adaptive: z.enum(ADAPTIVE_PRIORITIES, { error: 'The Adaptive priority is Patient, Normal or Urgent.' }).optional(),
};

export const OrderTicketSchema = z
  .strictObject(
    {
      account: AccountIdSchema,
      ...ORDER_TERMS,
      /** Shares, contracts, or units of the base currency for CASH. */
      quantity: positive('Enter a quantity.', 'The quantity must be a positive number.'),
      /**
       * Set when the ticket changes a working order instead of placing a new one: IBKR's modify is a
       * placeOrder under the same order id. Only the quantity, prices and time in force may differ.
       */
      modifyOrderId: z
        .number({ error: 'The order to modify is named by its order id, a positive whole number.' })
        .int({ error: 'The order to modify is named by its order id, a positive whole number.' })
        .positive({ error: 'The order to modify is named by its order id, a positive whole number.' })
        .optional(),
    },
    unknownFields('The order ticket'),
  )
  .superRefine((ticket, ctx) => {
    const problem = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    const { secType } = ticket.contract;
    if (secType !== 'CASH' && !Number.isInteger(ticket.quantity)) {
      const noun = secType === 'STK' ? 'A stock' : secType === 'OPT' ? 'An option' : 'A futures';
      problem('quantity', `${noun} order needs a whole number of ${UNIT_NAMES[secType]}, not ${ticket.quantity}.`);
    }
    const name = ORDER_NAMES[ticket.orderType];
    const trailing = isTrailing(ticket.orderType);
    if (trailing && (ticket.trailingAmount === undefined) === (ticket.trailingPercent === undefined)) {
      problem('trailingAmount', `${name} trails the market by an amount or by a percent: give exactly one.`);
    }
    if (!trailing) {
      for (const field of ['trailingAmount', 'trailingPercent', 'trailStopPrice'] as const)
        if (ticket[field] !== undefined) problem(field, `${name} does not trail the market; use TRAIL or TRAIL LIMIT.`);
    }
    if (ticket.orderType === 'TRAIL LIMIT' && ticket.limitOffset === undefined)
      problem('limitOffset', `${name} needs a limit offset: how far beyond the trigger the limit sits.`);
    if (ticket.orderType !== 'TRAIL LIMIT' && ticket.limitOffset !== undefined)
      problem('limitOffset', `${name} has no limit offset.`);
    if (ticket.adaptive !== undefined && ticket.orderType !== 'MKT' && ticket.orderType !== 'LMT')
      problem('adaptive', `IBKR's Adaptive algo works on market and limit orders only, not on ${name.toLowerCase()}s.`);
    const needsLimit = ticket.orderType === 'LMT' || ticket.orderType === 'STP LMT';
    const needsStop = ticket.orderType === 'STP' || ticket.orderType === 'STP LMT';
    if (needsLimit && ticket.limitPrice === undefined) problem('limitPrice', `${name} needs a limit price.`);
    if (!needsLimit && ticket.limitPrice !== undefined) {
      const hint = ticket.orderType === 'STP' ? '; use STP LMT for a stop-limit order' : '';
      problem('limitPrice', `${name} has no limit price${hint}.`);
    }
    if (needsStop && ticket.stopPrice === undefined) problem('stopPrice', `${name} needs a stop price.`);
    if (!needsStop && ticket.stopPrice !== undefined) problem('stopPrice', `${name} has no stop price.`);
  });
/** A ticket after parsing (defaults filled in). */
export type OrderTicket = z.infer<typeof OrderTicketSchema>;
/** A ticket as a form or a caller may send it (defaulted fields optional). */
export type OrderTicketInput = z.input<typeof OrderTicketSchema>;

// ── Checks ──────────────────────────────────────────────────────────────────────────────────────

/**
 * pass: the rule was checked and is satisfied. warn: the order may go after the person acknowledges
 * it. block: the order cannot be sent, and no acknowledgement overrides it. info: something to know.
 */
export const CheckOutcomeSchema = z.enum(['pass', 'warn', 'block', 'info']);
export type CheckOutcome = z.infer<typeof CheckOutcomeSchema>;

export const CheckSchema = z.strictObject({
  /** Stable id of the rule, e.g. "ira-no-short"; warnings are acknowledged by id. */
  id: z.string().min(1).max(64),
  /** Short label for the confirmation dialog, e.g. "No short selling". */
  rule: z.string().min(1).max(80),
  outcome: CheckOutcomeSchema,
  /** A sentence with the numbers that matter. */
  message: z.string().min(1).max(1000),
});
export type Check = z.infer<typeof CheckSchema>;
