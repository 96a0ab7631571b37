import { z } from 'zod';
import { request, type RequestMap } from './define';
import { ExternalAccountNameSchema, ExternalAccountSchema, HoldingsCheckSchema, HoldingsCsvSchema } from '../holdings';

const ExternalAccountListSchema = z.array(ExternalAccountSchema);

/** Other brokers' holdings, imported from their CSV exports as read-only external accounts. */
export const holdingsRequests = {
  'holdings.check': request(
    z.strictObject({ csv: HoldingsCsvSchema }),
    HoldingsCheckSchema,
    'Read a broker export without keeping anything: its format, the positions and every refused line with its reason.',
  ),
  'holdings.import': request(
    z.strictObject({
      name: ExternalAccountNameSchema,
      csv: HoldingsCsvSchema,
      /** The person saw the refused lines and keeps the rest; without it a file with refused lines is not kept. */
      keepWithRefused: z.boolean(),
    }),
    ExternalAccountListSchema,
    'Keep a broker export as an external account (by name; importing the same name again replaces it).',
  ),
  'holdings.list': request(z.void(), ExternalAccountListSchema, 'The external accounts imported so far.'),
  'holdings.remove': request(
    z.strictObject({ id: ExternalAccountSchema.shape.id }),
    ExternalAccountListSchema,
    'Remove an external account and its holdings.',
  ),
} as const satisfies RequestMap;
