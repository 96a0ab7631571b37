import { type Position } from '../world';
import {
  accountValueLines,
  changedLines,
  reportedLines,
  ledgerLines,
  positionKey,
  positionSignature,
  summaryLines,
  type ValueLine,
} from './account-feed';
import { type ApiConnection } from './connection';
import { isAllAccounts, resolveAccount, validationError, type GatewayContext, type HandlerTable } from './context';
import { publishAccountUpdatesMulti } from './account-multi-handlers';
import { type SentValues } from './subscriptions';
import { wireContract } from './wire-mapping';

const MAX_ACCOUNT_SUMMARIES = 2;

/** Accounts, summaries, positions and P&L: answered at once, then kept current by publishAccounts(). */

function worldAccounts(context: GatewayContext): string[] {
  return context.world.accounts().map((account) => account.id);
}

function summaryValues(context: GatewayContext, tags: ReadonlySet<string>): ValueLine[] {
  return worldAccounts(context).flatMap((account) => {
    const wire = context.ids.toWire(account);
    return reportedLines(context.accountFaults, [
      ...summaryLines(context.world, account, wire, tags),
      ...ledgerLines(context.world, account, wire, tags),
    ]);
  });
}

/** Runs an account answer now, or after the delay fault's wait if the connection is still open then. */
function answerAccountRequest(context: GatewayContext, connection: ApiConnection, answer: () => void): void {
  const { delayMs } = context.accountFaults;
  if (delayMs <= 0) {
    answer();
    return;
  }
  setTimeout(() => {
    if (!connection.isClosed) answer();
  }, delayMs);
}

function positionsFor(context: GatewayContext, account: string | undefined): Position[] {
  return context.world.positions(account);
}

/** Positions that changed (or closed: quantity 0) since last sent. */
function changedPositions(context: GatewayContext, account: string | undefined, sent: SentValues): Position[] {
  const current = positionsFor(context, account);
  const changed: Position[] = [];
  const seen = new Set<string>();
  for (const position of current) {
    const key = positionKey(position.account, position.conId);
    seen.add(key);
    const signature = positionSignature(position);
    if (sent.get(key) !== signature) {
      sent.set(key, signature);
      changed.push(position);
    }
  }
  for (const key of [...sent.keys()]) {
    if (seen.has(key)) continue;
    sent.delete(key);
    const [positionAccount = '', conId = '0'] = key.split('|');
    changed.push({
      account: positionAccount,
      conId: Number(conId),
      quantity: 0,
      avgCost: 0,
      marketPrice: 0,
      marketValue: 0,
      unrealizedPnl: 0,
      realizedPnl: 0,
    });
  }
  return changed;
}

function sendPosition(context: GatewayContext, connection: ApiConnection, position: Position, reqId?: number): void {
  const instrument = context.world.instrument(position.conId);
  if (!instrument) return;
  const common = {
    account: context.ids.toWire(position.account),
    contract: wireContract(instrument),
    position: position.quantity,
    avgCost: position.avgCost,
  };
  if (reqId === undefined) connection.send({ type: 'position', ...common });
  else connection.send({ type: 'positionMulti', reqId, modelCode: '', ...common });
}

function sendPortfolio(context: GatewayContext, connection: ApiConnection, position: Position): void {
  const instrument = context.world.instrument(position.conId);
  if (!instrument) return;
  connection.send({
    type: 'portfolioValue',
    contract: wireContract(instrument),
    position: position.quantity,
    marketPrice: position.marketPrice,
    marketValue: position.marketValue,
    averageCost: position.avgCost,
    unrealizedPnl: position.unrealizedPnl,
    realizedPnl: position.realizedPnl,
    account: context.ids.toWire(position.account),
  });
}

function sendPnl(context: GatewayContext, connection: ApiConnection, reqId: number, account: string): void {
  const pnl = context.world.pnl(account);
  connection.send({ type: 'pnl', reqId, daily: pnl.daily, unrealized: pnl.unrealized, realized: pnl.realized });
}

function sendPnlSingle(
  context: GatewayContext,
  connection: ApiConnection,
  reqId: number,
  account: string,
  conId: number,
) {
  const pnl = context.world.pnlSingle(account, conId);
  connection.send({
    type: 'pnlSingle',
    reqId,
    position: pnl?.position ?? 0,
    daily: pnl?.daily ?? 0,
    unrealized: pnl?.unrealized ?? 0,
    realized: pnl?.realized ?? 0,
    value: pnl?.value ?? 0,
  });
}

function hhmm(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(11, 16);
}

export const accountHandlers: HandlerTable = {
  reqManagedAccts(context, connection) {
    connection.send({ type: 'managedAccounts', accounts: worldAccounts(context).map(context.ids.toWire) });
  },

  reqAccountSummary(context, connection, { reqId, tags }) {
    if (connection.subs.summaries.has(reqId)) {
      connection.sendError(reqId, 322, `Error processing request.-'sim' : cause - Duplicate ticker id ${reqId}`);
      return;
    }
    // IBKR keeps at most two account summary subscriptions open per client.
    if (connection.subs.summaries.size >= MAX_ACCOUNT_SUMMARIES) {
      connection.sendError(
        reqId,
        322,
        "Error processing request.-'sim' : cause - Maximum number of account summary requests exceeded",
      );
      return;
    }
    const tagSet = new Set(
      tags
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean),
    );
    answerAccountRequest(context, connection, () => {
      const subscription = { reqId, tags: tagSet, sent: new Map<string, string>() };
      connection.subs.summaries.set(reqId, subscription);
      for (const line of changedLines(summaryValues(context, tagSet), subscription.sent))
        connection.send({ type: 'accountSummary', reqId, ...line });
      connection.send({ type: 'accountSummaryEnd', reqId });
    });
  },

  cancelAccountSummary(_context, connection, { reqId }) {
    connection.subs.summaries.delete(reqId);
  },

  reqPositions(context, connection) {
    answerAccountRequest(context, connection, () => {
      const sent = new Map<string, string>();
      connection.subs.positions = sent;
      for (const position of changedPositions(context, undefined, sent)) sendPosition(context, connection, position);
      connection.send({ type: 'positionEnd' });
    });
  },

  cancelPositions(_context, connection) {
    connection.subs.positions = null;
  },

  reqPositionsMulti(context, connection, { reqId, account: wireAccount, modelCode }) {
    const account = isAllAccounts(wireAccount) ? '' : resolveAccount(context, connection, reqId, wireAccount);
    if (account === undefined) return;
    const sent = new Map<string, string>();
    connection.subs.positionsMulti.set(reqId, { account, modelCode, sent });
    for (const position of changedPositions(context, account || undefined, sent))
      sendPosition(context, connection, position, reqId);
    connection.send({ type: 'positionMultiEnd', reqId });
  },

  cancelPositionsMulti(_context, connection, { reqId }) {
    connection.subs.positionsMulti.delete(reqId);
  },

  reqAccountUpdates(context, connection, { subscribe, account: wireAccount }) {
    if (!subscribe) {
      connection.subs.accountUpdates = null;
      return;
    }
    // With one login over several accounts the gateway needs to know which; an empty code means the first.
    const account = wireAccount ? resolveAccount(context, connection, -1, wireAccount) : worldAccounts(context)[0];
    if (account === undefined) return;
    const subscription = { account, sent: new Map<string, string>() };
    connection.subs.accountUpdates = subscription;
    publishAccountUpdates(context, connection, subscription, true);
    connection.send({ type: 'accountDownloadEnd', account: context.ids.toWire(account) });
  },

  reqPnL(context, connection, { reqId, account: wireAccount }) {
    const account = resolveAccount(context, connection, reqId, wireAccount);
    if (account === undefined) return;
    connection.subs.pnl.set(reqId, account);
    sendPnl(context, connection, reqId, account);
  },

  cancelPnL(_context, connection, { reqId }) {
    connection.subs.pnl.delete(reqId);
  },

  reqPnLSingle(context, connection, { reqId, account: wireAccount, conId }) {
    const account = resolveAccount(context, connection, reqId, wireAccount);
    if (account === undefined) return;
    if (!context.world.instrument(conId)) {
      validationError(connection, reqId, `No contract with conId ${conId}.`);
      return;
    }
    connection.subs.pnlSingle.set(reqId, { account, conId });
    sendPnlSingle(context, connection, reqId, account, conId);
  },

  cancelPnLSingle(_context, connection, { reqId }) {
    connection.subs.pnlSingle.delete(reqId);
  },
};

function publishAccountUpdates(
  context: GatewayContext,
  connection: ApiConnection,
  subscription: { account: string; sent: SentValues },
  everything: boolean,
): void {
  const wire = context.ids.toWire(subscription.account);
  const lines = reportedLines(context.accountFaults, accountValueLines(context.world, subscription.account, wire));
  for (const line of changedLines(lines, subscription.sent))
    connection.send({ type: 'accountValue', key: line.tag, value: line.value, currency: line.currency, account: wire });
  // Portfolio lines carry live prices: the gateway resends them with each account update cycle.
  const positions = positionsFor(context, subscription.account);
  if (everything || positions.length > 0) {
    for (const position of positions) sendPortfolio(context, connection, position);
    connection.send({ type: 'accountUpdateTime', time: hhmm(context.now()) });
  }
}

/**
 * One account-update cycle for a connection: P&L always (the gateway streams it about once a second),
 * summaries, positions and account values when they changed.
 */
export function publishAccounts(context: GatewayContext, connection: ApiConnection): void {
  const { subs } = connection;
  for (const [reqId, account] of subs.pnl) sendPnl(context, connection, reqId, account);
  for (const [reqId, { account, conId }] of subs.pnlSingle) sendPnlSingle(context, connection, reqId, account, conId);
  for (const summary of subs.summaries.values())
    for (const line of changedLines(summaryValues(context, summary.tags), summary.sent))
      connection.send({ type: 'accountSummary', reqId: summary.reqId, ...line });
  if (subs.positions)
    for (const position of changedPositions(context, undefined, subs.positions))
      sendPosition(context, connection, position);
  for (const [reqId, multi] of subs.positionsMulti)
    for (const position of changedPositions(context, multi.account || undefined, multi.sent))
      sendPosition(context, connection, position, reqId);
  if (subs.accountUpdates) publishAccountUpdates(context, connection, subs.accountUpdates, false);
  publishAccountUpdatesMulti(context, connection);
}
