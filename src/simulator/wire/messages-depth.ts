import { type WireContract } from './messages';

/** Market depth: the requests and the book updates, with no bytes in them. */

export type DepthRequest =
  | {
      type: 'reqMktDepth';
      reqId: number;
      contract: WireContract;
      numRows: number;
      isSmartDepth: boolean;
    }
  | { type: 'cancelMktDepth'; reqId: number; isSmartDepth: boolean };

/** 0 insert, 1 update, 2 delete the row at `position`. */
export type DepthOperation = 0 | 1 | 2;
/** 0 ask, 1 bid. */
export type DepthSide = 0 | 1;

export type DepthMessage =
  | {
      type: 'updateMktDepth';
      reqId: number;
      position: number;
      operation: DepthOperation;
      side: DepthSide;
      price: number;
      size: number;
    }
  | {
      type: 'updateMktDepthL2';
      reqId: number;
      position: number;
      marketMaker: string;
      operation: DepthOperation;
      side: DepthSide;
      price: number;
      size: number;
      isSmartDepth: boolean;
    };
