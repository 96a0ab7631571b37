import { type WireField } from './messages';
import { type DepthMessage } from './messages-depth';

/** MARKET_DEPTH (12) and MARKET_DEPTH_L2 (13), version 1; L2's trailing isSmartDepth is always there from 157. */

const MARKET_DEPTH = 12;
const MARKET_DEPTH_L2 = 13;
const VERSION = 1;

export function encodeDepthMessage(message: DepthMessage): WireField[] {
  const { reqId, position, operation, side, price, size } = message;
  if (message.type === 'updateMktDepth') return [MARKET_DEPTH, VERSION, reqId, position, operation, side, price, size];
  return [
    MARKET_DEPTH_L2,
    VERSION,
    reqId,
    position,
    message.marketMaker,
    operation,
    side,
    price,
    size,
    message.isSmartDepth,
  ];
}
