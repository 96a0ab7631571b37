import { type SimOrder, type SimRejection, type WorldEvent } from '../world';
import { type WireExecutionFilter, type WireOrder } from '../wire/messages';
import { COMBO_CONID } from '../world/combo-desk';
import { badLegAction, comboContract, orderContract } from './combo-wire';
import { type ApiConnection } from './connection';
import { validationError, type GatewayContext, type HandlerTable } from './context';
import { parseEndTime } from './history-request';
import {
  gatewayTime,
  simOrderRequest,
  whatIfOrderState,
  wireContract,
  wireExecution,
  wireOrder,
  wireOrderState,
} from './wire-mapping';

/** Orders: placement (and what-if), cancels, the open/completed lists, executions, and routing the world's order events. */

const ORDER_TYPES = new Set(['MKT', 'LMT', 'STP', 'STP LMT', 'TRAIL', 'TRAIL LIMIT']);
const TIFS = new Set(['DAY', 'GTC']);
const READ_ONLY = 'The API interface is currently in Read-Only mode.';
const AUTO_BIND_NEEDS_CLIENT_ZERO =
  'Only API connections with clientId set to 0 can set the auto bind TWS orders property.';
const EXECUTION_TIME_ZONE = 'UTC';

function sendRejection(connection: ApiConnection, orderId: number, rejection: SimRejection): void {
  connection.sendError(orderId, rejection.code, rejection.message);
}

/** Checks the world cannot express; the gateway's own answer for each. Returns true when refused. */
function refuseUnsupported(
  context: GatewayContext,
  connection: ApiConnection,
  orderId: number,
  order: WireOrder,
  secType: string,
) {
  const reject = (message: string) =>
    sendRejection(connection, orderId, { code: 201, message: `Order rejected - reason:${message}` });
  const legAction = badLegAction(order);
  if (legAction !== undefined) {
    reject(`The combination leg action must be BUY or SELL, not "${legAction}".`);
  } else if (secType.toUpperCase() !== 'BAG' && order.comboLegs.length > 0) {
    reject('Combination legs belong to a BAG contract.');
  } else if (!ORDER_TYPES.has(order.orderType)) {
    connection.sendError(
      orderId,
      387,
      `Unsupported order type for this exchange and security type: ${order.orderType}.`,
    );
  } else if (!TIFS.has(order.tif || 'DAY')) {
    reject(`Time in force ${order.tif} is not supported; use DAY or GTC.`);
  } else if (order.action !== 'BUY' && order.action !== 'SELL') {
    reject(`The order action must be BUY or SELL, not "${order.action}".`);
  } else if (!order.account) {
    connection.sendError(orderId, 436, 'You must specify an allocation (either a single account, group, or profile).');
  } else if (!context.ids.fromWire(order.account)) {
    validationError(connection, orderId, `Invalid account code "${order.account}".`);
  } else {
    return false;
  }
  return true;
}

/**
 * Whether an open order with this id belongs to another client. The gateway keys orders by client and order
 * id, so no client may amend or cancel another's order by reusing its id.
 */
function ownedByAnother(context: GatewayContext, connection: ApiConnection, orderId: number): boolean {
  const open = context.world.openOrders().find((order) => order.request.orderId === orderId);
  return open !== undefined && open.request.clientId !== connection.clientId;
}

/** Who hears about an order: the client that placed it, and any client bound to all orders (reqAutoOpenOrders). */
function listeners(context: GatewayContext, clientId: number): ApiConnection[] {
  return context
    .connections()
    .filter((connection) => connection.started && (connection.clientId === clientId || connection.subs.autoBind));
}

function sendOpenOrder(context: GatewayContext, connection: ApiConnection, order: SimOrder): void {
  connection.send({
    type: 'openOrder',
    contract: orderContract(order, wireContract),
    order: wireOrder(order, context.ids),
    orderState: wireOrderState(order),
  });
}

function sendOrderStatus(connection: ApiConnection, order: SimOrder): void {
  connection.send({
    type: 'orderStatus',
    orderId: order.request.orderId,
    status: order.status,
    filled: order.filled,
    remaining: order.remaining,
    avgFillPrice: order.avgFillPrice,
    permId: order.permId,
    parentId: order.request.parentId ?? 0,
    lastFillPrice: order.lastFillPrice,
    clientId: order.request.clientId,
    whyHeld: '',
    mktCapPrice: 0,
  });
}

function matchesFilter(context: GatewayContext, filter: WireExecutionFilter) {
  return {
    clientId: filter.clientId > 0 ? filter.clientId : undefined,
    account: filter.acctCode ? (context.ids.fromWire(filter.acctCode) ?? filter.acctCode) : undefined,
    symbol: filter.symbol || undefined,
    secType: filter.secType || undefined,
    side: filter.side === 'BUY' || filter.side === 'SELL' ? filter.side : undefined,
    sinceMs: filter.time ? (parseEndTime(filter.time, context.now()) ?? 0) * 1000 : undefined,
  } as const;
}

export const orderHandlers: HandlerTable = {
  reqIds(context, connection) {
    connection.send({ type: 'nextValidId', orderId: context.world.nextOrderId() });
  },

  placeOrder(context, connection, { orderId, contract, order }) {
    if (context.readOnly) {
      validationError(connection, orderId, READ_ONLY);
      return;
    }
    if (refuseUnsupported(context, connection, orderId, order, contract.secType)) return;
    const account = context.ids.fromWire(order.account) ?? '';
    const request = simOrderRequest(orderId, connection.clientId, account, contract, order);
    if (order.whatIf) {
      const answer = context.world.whatIf(request);
      if (!answer.ok) {
        sendRejection(connection, orderId, answer.rejection);
        return;
      }
      const instrument = context.world.findInstruments(request.contract)[0];
      // A combo's what-if answers on the BAG contract as sent, with the conId IBKR gives combos.
      const answered = request.comboLegs ? { ...contract, conId: COMBO_CONID } : instrument && wireContract(instrument);
      if (!answered) return;
      connection.send({
        type: 'openOrder',
        contract: answered,
        order: { ...order, orderId, clientId: connection.clientId, permId: 0 },
        orderState: whatIfOrderState(answer.result),
      });
      return;
    }
    if (ownedByAnother(context, connection, orderId)) {
      sendRejection(connection, orderId, { code: 103, message: 'Duplicate order id' });
      return;
    }
    // Success reaches the client through the world's events (routeWorldEvent); a refusal only through here.
    const result = context.world.place(request);
    if (!result.ok) sendRejection(connection, orderId, result.rejection);
  },

  cancelOrder(context, connection, { orderId }) {
    if (context.readOnly) {
      validationError(connection, orderId, READ_ONLY);
      return;
    }
    if (ownedByAnother(context, connection, orderId)) {
      sendRejection(connection, orderId, {
        code: 10147,
        message: `OrderId ${orderId} that needs to be cancelled is not found.`,
      });
      return;
    }
    const result = context.world.cancel(orderId);
    if (!result.ok) sendRejection(connection, orderId, result.rejection);
    else connection.sendError(orderId, 202, 'Order Canceled - reason:');
  },

  reqGlobalCancel(context, connection) {
    if (context.readOnly) {
      validationError(connection, -1, READ_ONLY);
      return;
    }
    context.world.cancelAll();
  },

  reqOpenOrders(context, connection) {
    for (const order of context.world.openOrders()) {
      if (order.request.clientId !== connection.clientId && !connection.subs.autoBind) continue;
      sendOpenOrder(context, connection, order);
      sendOrderStatus(connection, order);
    }
    connection.send({ type: 'openOrderEnd' });
  },

  reqAllOpenOrders(context, connection) {
    for (const order of context.world.openOrders()) {
      sendOpenOrder(context, connection, order);
      sendOrderStatus(connection, order);
    }
    connection.send({ type: 'openOrderEnd' });
  },

  reqAutoOpenOrders(_context, connection, { autoBind }) {
    // The gateway binds manual and other clients' orders only to client id 0.
    if (connection.clientId !== 0) {
      connection.sendError(-1, 327, AUTO_BIND_NEEDS_CLIENT_ZERO);
      return;
    }
    connection.subs.autoBind = autoBind;
  },

  reqCompletedOrders(context, connection) {
    for (const order of context.world.completedOrders()) {
      connection.send({
        type: 'completedOrder',
        contract: orderContract(order, wireContract),
        order: wireOrder(order, context.ids),
        orderState: wireOrderState(order, `${gatewayTime(context.now())} ${EXECUTION_TIME_ZONE}`),
      });
    }
    connection.send({ type: 'completedOrdersEnd' });
  },

  reqExecutions(context, connection, { reqId, filter }) {
    for (const { execution, commission } of context.world.executions(matchesFilter(context, filter))) {
      const instrument = context.world.instrument(execution.conId);
      if (!instrument) continue;
      connection.send({
        type: 'execDetails',
        reqId,
        contract: wireContract(instrument),
        execution: wireExecution(execution, context.ids, EXECUTION_TIME_ZONE),
      });
      connection.send({ type: 'commissionReport', ...commissionFields(commission) });
    }
    connection.send({ type: 'execDetailsEnd', reqId });
  },
};

function commissionFields(commission: { execId: string; commission: number; currency: string; realizedPnl: number }) {
  return {
    execId: commission.execId,
    commission: commission.commission,
    currency: commission.currency,
    // An opening fill realizes nothing: the gateway leaves the field unset rather than sending 0.
    realizedPnl: commission.realizedPnl === 0 ? undefined : commission.realizedPnl,
  };
}

/** The world moved an order: tell whoever should hear, as the gateway would (openOrder + orderStatus; fills with commissions). */
export function routeWorldEvent(context: GatewayContext, event: WorldEvent): void {
  if (event.type === 'orderRejected') return; // already answered to the placing client
  const { order } = event;
  const targets = listeners(context, order.request.clientId);
  if (event.type === 'orderNotice') {
    for (const connection of targets) sendRejection(connection, order.request.orderId, event.notice);
    return;
  }
  if (event.type === 'comboExecution') {
    sendComboExecution(context, targets, event);
    return;
  }
  if (event.type === 'execution') {
    const instrument = order.instrument;
    for (const connection of targets) {
      connection.send({
        type: 'execDetails',
        reqId: -1,
        contract: wireContract(instrument),
        execution: wireExecution(event.execution, context.ids, EXECUTION_TIME_ZONE),
      });
      connection.send({ type: 'commissionReport', ...commissionFields(event.commission) });
    }
    context.accountsChanged();
    return;
  }
  for (const connection of targets) {
    sendOpenOrder(context, connection, order);
    sendOrderStatus(connection, order);
  }
}

/** A combo fill as IBKR reports it: each leg's execution with its own contract and commission, then the combo's. */
function sendComboExecution(
  context: GatewayContext,
  targets: ApiConnection[],
  event: Extract<WorldEvent, { type: 'comboExecution' }>,
): void {
  for (const connection of targets) {
    for (const leg of event.legs) {
      connection.send({
        type: 'execDetails',
        reqId: -1,
        contract: wireContract(leg.instrument),
        execution: wireExecution(leg.execution, context.ids, EXECUTION_TIME_ZONE),
      });
      connection.send({ type: 'commissionReport', ...commissionFields(leg.commission) });
    }
    connection.send({
      type: 'execDetails',
      reqId: -1,
      contract: comboContract(event.order.instrument),
      execution: wireExecution(event.combo, context.ids, EXECUTION_TIME_ZONE),
    });
  }
  context.accountsChanged();
}
