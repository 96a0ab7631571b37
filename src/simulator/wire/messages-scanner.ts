import { type WireContract } from './messages';

/** The market scanner: parameters, subscriptions and result rows, with no bytes in them. */

export type ScannerRequest =
  | { type: 'reqScannerParameters' }
  | {
      type: 'reqScannerSubscription';
      reqId: number;
      /** undefined: unset (the client sends '' for Integer.MAX_VALUE). */
      numberOfRows: number | undefined;
      instrument: string;
      locationCode: string;
      scanCode: string;
      abovePrice: number | undefined;
      belowPrice: number | undefined;
      aboveVolume: number | undefined;
    }
  | { type: 'cancelScannerSubscription'; reqId: number };

export interface WireScanRow {
  rank: number;
  contract: WireContract;
  marketName: string;
  distance: string;
  benchmark: string;
  projection: string;
  legs: string;
}

export type ScannerMessage =
  | { type: 'scannerParameters'; xml: string }
  /** One result set; the client reports scannerDataEnd after its last row. */
  | { type: 'scannerData'; reqId: number; rows: WireScanRow[] };
