import { accountMultiLines, changedLines, reportedLines } from './account-feed';
import { type ApiConnection } from './connection';
import { isAllAccounts, resolveAccount, type GatewayContext, type HandlerTable } from './context';
import { type AccountMultiSubscription } from './subscriptions';

/**
 * reqAccountUpdatesMulti: reqAccountUpdates' key/values per account (and model code), answered at once up to
 * accountUpdateMultiEnd and then, as IBKR does, pushed again whenever a value changes until cancelled. Unlike
 * reqAccountUpdates a client may hold several, one per account, at the same time.
 */

function sendChanged(
  context: GatewayContext,
  connection: ApiConnection,
  reqId: number,
  subscription: AccountMultiSubscription,
): void {
  for (const account of subscription.accounts) {
    const wire = context.ids.toWire(account);
    const lines = reportedLines(
      context.accountFaults,
      accountMultiLines(context.world, account, wire, subscription.ledgerAndNLV),
    );
    for (const line of changedLines(lines, subscription.sent))
      connection.send({
        type: 'accountUpdateMulti',
        reqId,
        account: wire,
        modelCode: subscription.modelCode,
        key: line.tag,
        value: line.value,
        currency: line.currency,
      });
  }
}

export const accountMultiHandlers: HandlerTable = {
  reqAccountUpdatesMulti(context, connection, { reqId, account: wireAccount, modelCode, ledgerAndNLV }) {
    if (connection.subs.accountUpdatesMulti.has(reqId)) {
      connection.sendError(reqId, 322, `Error processing request.-'sim' : cause - Duplicate ticker id ${reqId}`);
      return;
    }
    let accounts: string[];
    if (isAllAccounts(wireAccount)) {
      accounts = context.world.accounts().map((account) => account.id);
    } else {
      const account = resolveAccount(context, connection, reqId, wireAccount);
      if (account === undefined) return;
      accounts = [account];
    }
    const subscription = { accounts, modelCode, ledgerAndNLV, sent: new Map<string, string>() };
    connection.subs.accountUpdatesMulti.set(reqId, subscription);
    sendChanged(context, connection, reqId, subscription);
    connection.send({ type: 'accountUpdateMultiEnd', reqId });
  },

  cancelAccountUpdatesMulti(_context, connection, { reqId }) {
    connection.subs.accountUpdatesMulti.delete(reqId);
  },
};

/** One update cycle: every open reqAccountUpdatesMulti gets the values that changed since it last heard. */
export function publishAccountUpdatesMulti(context: GatewayContext, connection: ApiConnection): void {
  for (const [reqId, subscription] of connection.subs.accountUpdatesMulti)
    sendChanged(context, connection, reqId, subscription);
}
