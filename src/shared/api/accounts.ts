import { z } from 'zod';
import { request, type EventMap, type RequestMap } from './define';
import { AccountSchema, AccountsSnapshotSchema, AccountsUpdateSchema, LedgerLineSchema } from '../accounts';
import { AccountIdSchema, AccountKindSchema } from '../ticket';

/** Linked accounts: balances, positions and P&L across every account, live from the gateway. */
export const accountsRequests = {
  'accounts.snapshot': request(
    z.void(),
    AccountsSnapshotSchema,
    'Every account with its balances and positions as they are now; accounts.update carries what changes next.',
  ),
  'accounts.ledger': request(
    z.strictObject({ account: AccountIdSchema.optional() }),
    z.array(LedgerLineSchema),
    'Cash per currency ($LEDGER:ALL) for one account, or for every account.',
  ),
  'accounts.setOverride': request(
    z.strictObject({
      account: AccountIdSchema,
      /** null: go back to the type IBKR reports. */
      kind: AccountKindSchema.nullable(),
      /** null or empty: go back to the default label. */
      label: z.string().trim().max(40, { error: 'Keep the label to 40 characters.' }).nullable(),
    }),
    AccountSchema,
    "Set an account's type (Roth IRA, Traditional IRA, individual, business) and label; remembered between runs.",
  ),
} as const satisfies RequestMap;

export const accountsEvents = {
  'accounts.update': AccountsUpdateSchema,
} as const satisfies EventMap;
