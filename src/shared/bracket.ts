import { z } from 'zod';
import { BracketRoleSchema, OrderPreviewSchema, SubmitResultSchema } from './orders';
import { OrderTicketSchema } from './ticket';

/**
 * IBKR's bracket: an entry (the parent) with a take-profit limit and a stop-loss stop as its children,
 * the two exits in one one-cancels-all group, every leg but the last sent untransmitted so nothing goes
 * out half-built. The legs are previewed, ruled and sent as one group.
 */

const ENTRY_TYPES = new Set(['MKT', 'LMT', 'STP LMT']);

const exitPrice = (what: string) =>
  z.number({ error: `The ${what} price must be a positive number.` }).positive({
    error: `The ${what} price must be a positive number.`,
  });

export const BracketRequestSchema = z
  .strictObject(
    {
      /** The parent: a market, limit or stop-limit order; its account, contract and quantity are the exits' too. */
      entry: OrderTicketSchema,
      /** The exit at a profit: a limit order on the other side. */
      takeProfit: z.strictObject({ limitPrice: exitPrice('take-profit limit') }).optional(),
      /** The exit at a loss: a stop order on the other side. */
      stopLoss: z.strictObject({ stopPrice: exitPrice('stop-loss stop') }).optional(),
    },
    { error: 'A bracket has an entry, and a take-profit, a stop-loss or both.' },
  )
  .superRefine((bracket, ctx) => {
    const problem = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    const { entry } = bracket;
    if (!ENTRY_TYPES.has(entry.orderType))
      problem('entry', `A bracket's entry is a market, limit or stop-limit order, not ${entry.orderType}.`);
    if (entry.modifyOrderId !== undefined)
      problem('entry', 'A bracket is a new order; modify each working leg on its own.');
    if (bracket.takeProfit === undefined && bracket.stopLoss === undefined)
      problem('takeProfit', 'A bracket needs at least one exit: a take-profit, a stop-loss or both.');
    const { takeProfit: tp, stopLoss: sl } = bracket;
    if (tp && sl) {
      // A long entry exits up at a profit and down at a loss; a short entry the other way round.
      const wrong = entry.action === 'BUY' ? tp.limitPrice <= sl.stopPrice : tp.limitPrice >= sl.stopPrice;
      if (wrong) {
        const where = entry.action === 'BUY' ? 'above' : 'below';
        problem(
          'takeProfit',
          `After a ${entry.action === 'BUY' ? 'buy' : 'sell'} the take-profit sits ${where} the stop-loss.`,
        );
      }
    }
  });
export type BracketRequest = z.infer<typeof BracketRequestSchema>;
export type BracketRequestInput = z.input<typeof BracketRequestSchema>;

export const BracketPreviewSchema = z.object({
  groupId: z.string(),
  /** The bracket in one sentence, for the dialog's title and the audit log. */
  words: z.string(),
  /** Entry first, then the exits, each with its own words, checks and (for the entry) what-if. */
  legs: z.array(z.object({ role: BracketRoleSchema, preview: OrderPreviewSchema })),
  /** True when any leg is blocked: then no leg can be sent. */
  blocked: z.boolean(),
});
export type BracketPreview = z.infer<typeof BracketPreviewSchema>;

export const BracketSubmitSchema = z.strictObject({
  groupId: z.string().min(1).max(64),
  /** The warnings the person ticked, by id; a leg's check ids start with the leg ("take-profit:price-sanity"). */
  acknowledgements: z.array(z.string().min(1).max(64)).max(100),
});
export type BracketSubmit = z.infer<typeof BracketSubmitSchema>;

export const BracketResultSchema = z.object({
  groupId: z.string(),
  /** sent: every leg went out; refused: none did (a leg blocked or unacknowledged on fresh data). */
  outcome: z.enum(['sent', 'refused']),
  /** Why nothing was sent, when nothing was. */
  reason: z.string().nullable(),
  legs: z.array(z.object({ role: BracketRoleSchema, previewId: z.string(), result: SubmitResultSchema })),
});
export type BracketResult = z.infer<typeof BracketResultSchema>;
