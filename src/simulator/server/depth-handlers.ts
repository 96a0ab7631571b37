import { type QuoteTick } from '../world';
import { depthBook, depthChanges, type DepthBook, type DepthRow, type DepthShape } from '../world/depth-book';
import { type DepthMessage, type DepthSide } from '../wire/messages-depth';
import { type ApiConnection } from './connection';
import { validationError, type GatewayContext, type HandlerTable } from './context';
import { resolveOne } from './market-handlers';

/** reqMktDepth and cancelMktDepth, and the book changes each batch of walk steps makes. */

/** Distinct instruments with depth per login; more requests for one of them are fine, as with IBKR. */
export const DEPTH_INSTRUMENT_LIMIT = 3;
export const DEPTH_LIMIT_MESSAGE = `Max number (${DEPTH_INSTRUMENT_LIMIT}) of market depth requests has been reached`;

export interface DepthSubscription {
  reqId: number;
  shape: DepthShape;
  book: DepthBook;
}

const ASK: DepthSide = 0;
const BID: DepthSide = 1;

function depthMessages(
  subscription: DepthSubscription,
  side: DepthSide,
  before: readonly DepthRow[],
  after: readonly DepthRow[],
): DepthMessage[] {
  return depthChanges(before, after).map(({ operation, position, row }) =>
    subscription.shape.smart
      ? {
          type: 'updateMktDepthL2',
          reqId: subscription.reqId,
          position,
          marketMaker: row.marketMaker,
          operation,
          side,
          price: row.price,
          size: row.size,
          isSmartDepth: true,
        }
      : {
          type: 'updateMktDepth',
          reqId: subscription.reqId,
          position,
          operation,
          side,
          price: row.price,
          size: row.size,
        },
  );
}

/** Moves the subscription's book to `next` and sends the operations that get the client there. */
function sendBook(connection: ApiConnection, subscription: DepthSubscription, next: DepthBook): void {
  const { book } = subscription;
  const messages = [
    ...depthMessages(subscription, BID, book.bids, next.bids),
    ...depthMessages(subscription, ASK, book.asks, next.asks),
  ];
  subscription.book = next;
  for (const message of messages) connection.send(message);
}

export const depthHandlers: HandlerTable = {
  reqMktDepth(context, connection, { reqId, contract, numRows, isSmartDepth }) {
    if (numRows < 1) {
      validationError(connection, reqId, `The number of depth rows must be at least 1, not ${numRows}.`);
      return;
    }
    const instrument = resolveOne(context, connection, reqId, contract);
    if (!instrument) return;
    const withDepth = new Set(
      context.connections().flatMap((other) => [...other.subs.depth.values()].map((line) => line.shape.conId)),
    );
    if (!withDepth.has(instrument.conId) && withDepth.size >= DEPTH_INSTRUMENT_LIMIT) {
      connection.sendError(reqId, 309, DEPTH_LIMIT_MESSAGE);
      return;
    }
    const shape: DepthShape = {
      conId: instrument.conId,
      minTick: instrument.minTick,
      lot: context.world.lot(instrument.conId),
      rows: numRows,
      smart: isSmartDepth,
    };
    const subscription: DepthSubscription = { reqId, shape, book: { bids: [], asks: [] } };
    connection.subs.depth.set(reqId, subscription);
    // The first answer inserts every row of the book.
    sendBook(connection, subscription, depthBook(shape, context.world.quote(instrument.conId)));
  },

  cancelMktDepth(_context, connection, { reqId }) {
    connection.subs.depth.delete(reqId);
  },
};

/** Sends each depth subscription whose instrument moved in this batch the operations of its book's change. */
export function publishDepth(context: GatewayContext, connection: ApiConnection, ticks: QuoteTick[]): void {
  const { depth } = connection.subs;
  if (depth.size === 0 || connection.backlogged) return;
  const moved = new Set(ticks.map((tick) => tick.conId));
  for (const subscription of depth.values()) {
    if (!moved.has(subscription.shape.conId)) continue;
    sendBook(connection, subscription, depthBook(subscription.shape, context.world.quote(subscription.shape.conId)));
  }
}
