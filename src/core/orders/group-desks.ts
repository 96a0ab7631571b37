import type { IBApiNext, Contract as IbContract, Order } from '@stoqey/ib';
import type { TradingMode } from '../../shared/session';
import { BracketDesk } from './bracket-desk';
import type { GatewayReader, WhatIfResult } from './gateway-reader';
import type { AuditEntry, OrderAudit } from './order-audit';
import type { OrderIds } from './order-ids';
import type { OrderPreviewer } from './order-previewer';
import type { OrderTransmitter } from './order-transmitter';
import { RollDesk } from './roll-desk';
import type { TicketQuotes } from './ticket-quotes';

export interface GroupDeskPieces {
  previewer: OrderPreviewer;
  transmitter: OrderTransmitter;
  quotes: TicketQuotes;
  ids: OrderIds;
  audit: OrderAudit;
  mode: () => TradingMode;
  readyToSend(): Promise<IBApiNext>;
  reader(): GatewayReader;
  /** The gateway's what-if of an order under a fresh id (a roll's BAG). */
  whatIf(contract: IbContract, order: Order): Promise<WhatIfResult>;
  afterIntentForTests?: () => void;
}

/**
 * The bracket and roll desks, built on the pieces a lone order uses: they preview, re-check and transmit
 * each leg through the same previewer and transmitter, and only group, order and audit the legs themselves.
 */
export function groupDesks(pieces: GroupDeskPieces): { brackets: BracketDesk; rolls: RollDesk } {
  const { previewer, transmitter, quotes, ids, audit, mode } = pieces;
  const shared = {
    discard: (previewId: string) => quotes.release(previewId),
    readyToSend: () => pieces.readyToSend(),
    reserveOrderIds: (api: IBApiNext, n: number) => ids.reserve(api, n),
    recheck: (previewId: string, acknowledgements: readonly string[]) =>
      previewer.recheckPreview(previewId, acknowledgements),
    audit: (entry: AuditEntry) => audit.write({ ...entry, mode: mode() }),
  };
  const brackets = new BracketDesk({
    ...shared,
    preview: (ticket, group) => previewer.preview(ticket, null, group),
    transmit: (checked, orderId, links) => transmitter.transmit(checked, orderId, links, false),
    afterIntentForTests: () => pieces.afterIntentForTests?.(),
  });
  const rolls = new RollDesk({
    ...shared,
    details: (contract) => pieces.reader().contract(contract),
    whatIf: (contract, order) => pieces.whatIf(contract, order),
    preview: (ticket, roll) => previewer.preview(ticket, null, null, roll),
    transmit: (checked, orderId, combo) => transmitter.transmit(checked, orderId, {}, false, combo),
  });
  return { brackets, rolls };
}
