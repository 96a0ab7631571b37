import { z } from 'zod';
import { EXTERNAL_ACCOUNT_ID } from './holdings-words';

/**
 * Holdings at other brokers, imported from their CSV exports: read-only accounts that show in the
 * consolidated positions and are never traded or sent to IB Gateway.
 */

/** The biggest file read: a positions export is a few kilobytes; an activity report of years, some hundreds. */
export const MAX_HOLDINGS_CSV_CHARS = 2_000_000;

export const HoldingsFormatSchema = z.enum(['fidelity', 'schwab', 'robinhood', 'generic']);

export const ExternalHoldingSchema = z.strictObject({
  line: z.number().int().positive(),
  symbol: z.string().min(1).max(32),
  description: z.string().max(200),
  quantity: z.number(),
  costBasis: z.number().nullable(),
  kind: z.enum(['security', 'cash']),
});
export type ExternalHolding = z.infer<typeof ExternalHoldingSchema>;

export const RefusedRowSchema = z.strictObject({ line: z.number().int().positive(), reason: z.string() });
export type RefusedRow = z.infer<typeof RefusedRowSchema>;

/** What a file holds, before anything is kept: shown in the import dialog. */
export const HoldingsCheckSchema = z.object({
  format: HoldingsFormatSchema,
  holdings: z.array(ExternalHoldingSchema),
  refused: z.array(RefusedRowSchema),
});
export type HoldingsCheck = z.infer<typeof HoldingsCheckSchema>;

export const ExternalAccountSchema = z.strictObject({
  id: z.string().regex(EXTERNAL_ACCOUNT_ID),
  /** The person's name for it, e.g. "Fidelity 401k". */
  name: z.string().min(1).max(40),
  format: HoldingsFormatSchema,
  importedAt: z.number(),
  holdings: z.array(ExternalHoldingSchema),
  /** Lines of the file that were refused, kept so the account says what it lacks. */
  refused: z.array(RefusedRowSchema),
});
export type ExternalAccount = z.infer<typeof ExternalAccountSchema>;

export const ExternalAccountNameSchema = z
  .string({ error: 'Name the account, e.g. "Fidelity 401k".' })
  .trim()
  .min(1, { error: 'Name the account, e.g. "Fidelity 401k".' })
  .max(40, { error: 'Keep the name to 40 characters.' });

export const HoldingsCsvSchema = z
  .string({ error: 'The file’s text is missing.' })
  .min(1, { error: 'The file is empty.' })
  .max(MAX_HOLDINGS_CSV_CHARS, { error: 'The file is larger than a positions export can be (2 MB).' });
