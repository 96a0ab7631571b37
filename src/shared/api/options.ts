import { z } from 'zod';
import { request, type RequestMap } from './define';
import {
  ChainRowsSchema,
  HeldOptionsSchema,
  OptionChainSchema,
  UnderlyingSchema,
  WatchedOptionsSchema,
} from '../options';
import { MAX_STRIKES_EACH_SIDE, MAX_WATCHED_OPTIONS } from '../option-limits';
import { IncomePrefillSchema, IncomeRequestSchema } from '../income';

/**
 * The option chain panel. Its quotes (with greeks, open interest and volume on `Quote.option`) come in the
 * same coalesced `market.quotes` batches as the watchlist's, so the panel shares their backpressure.
 */
export const optionsRequests = {
  'options.chain': request(
    z.strictObject({ underlying: UnderlyingSchema }),
    OptionChainSchema,
    "An underlying's option expiries (monthly and weekly, marked) and strikes (reqSecDefOptParams); opens the panel's chain.",
  ),
  'options.rows': request(
    z.strictObject({
      underlyingConId: z.number().int().positive(),
      expiry: z.string().regex(/^\d{8}$/, 'an expiry is YYYYMMDD'),
      strikesEachSide: z.number().int().min(1).max(MAX_STRIKES_EACH_SIDE),
    }),
    ChainRowsSchema,
    "The calls and puts of one expiry, for the strikes around the money (the underlying's price picks it).",
  ),
  'options.watchRows': request(
    z.strictObject({ conIds: z.array(z.number().int().positive()).max(MAX_WATCHED_OPTIONS) }),
    WatchedOptionsSchema,
    'The options now in view: each holds a quote line, lines of options out of view are given back; ' +
      'when the line allowance runs out, the answer names the options refused and why.',
  ),
  'options.watchHeld': request(
    z.strictObject({ conIds: z.array(z.number().int().positive()).max(500) }),
    HeldOptionsSchema,
    'The options the accounts hold: their terms, and a quote line each so their greeks reach the positions.',
  ),
  'options.close': request(z.void(), z.void(), 'The chain panel closed: every line it held is given back.'),
  'options.coveredCallPrefill': request(
    IncomeRequestSchema,
    IncomePrefillSchema,
    "A covered call on an account's stock: next monthly, first strike above the price, as many contracts as free shares cover.",
  ),
  'options.securedPutPrefill': request(
    IncomeRequestSchema,
    IncomePrefillSchema,
    "A cash-secured put: next monthly, first strike below the price, as many contracts as the account's free settled cash secures.",
  ),
} as const satisfies RequestMap;
