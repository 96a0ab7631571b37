import type { Fill } from './account-book';
import { type CommissionReport, type Execution, type Instrument, type SimOrder } from './types';

export interface ExecutionFilter {
  clientId?: number;
  account?: string;
  symbol?: string;
  secType?: string;
  side?: 'BUY' | 'SELL';
  sinceMs?: number;
}

export interface ExecutionRecord {
  execution: Execution;
  commission: CommissionReport;
}

const SIDES = { BUY: 'BOT', SELL: 'SLD' } as const;

/** How IBKR reports one fill of an order: cumQty and avgPrice are the order's running totals. */
export interface FillReport {
  execId: string;
  cumQty: number;
  avgPrice: number;
  time: number;
  realizedPnl: number;
}

/** The execution and commission report of one fill of an order. */
export function executionOf(order: Readonly<SimOrder>, fill: Fill, report: FillReport): ExecutionRecord {
  const { request } = order;
  const { instrument } = fill;
  const { execId, cumQty, avgPrice, time, realizedPnl } = report;
  return {
    execution: {
      execId,
      orderId: request.orderId,
      clientId: request.clientId,
      permId: order.permId,
      account: request.account,
      conId: instrument.conId,
      side: SIDES[fill.action],
      shares: fill.quantity,
      price: fill.price,
      cumQty,
      avgPrice,
      time,
      exchange: instrument.primaryExchange || instrument.exchange,
      orderRef: request.orderRef ?? '',
    },
    commission: { execId, commission: fill.commission, currency: instrument.currency, realizedPnl },
  };
}

/** Every execution of the session, for reqExecutions. */
export class ExecutionLog {
  private readonly records: (ExecutionRecord & { instrument: Instrument })[] = [];
  private sequence = 0;

  /** `prefix` keeps ids from different worlds apart, as IBKR's carry a per-session part. */
  constructor(private readonly prefix: string) {}

  /** IBKR's execId shape: "0000e0d5.6763d7a8.01.01". */
  nextExecId(): string {
    this.sequence += 1;
    return `${this.prefix}.${this.sequence.toString(16).padStart(8, '0')}.01.01`;
  }

  add(record: ExecutionRecord, instrument: Instrument): void {
    this.records.push({ ...record, instrument });
  }

  list(filter: ExecutionFilter = {}): ExecutionRecord[] {
    return this.records
      .filter(({ execution, instrument }) => {
        if (filter.clientId !== undefined && execution.clientId !== filter.clientId) return false;
        if (filter.account && execution.account !== filter.account) return false;
        if (filter.symbol && instrument.symbol.toUpperCase() !== filter.symbol.toUpperCase()) return false;
        if (filter.secType && instrument.secType !== filter.secType.toUpperCase()) return false;
        if (filter.side && execution.side !== SIDES[filter.side]) return false;
        return filter.sinceMs === undefined || execution.time >= filter.sinceMs;
      })
      .map(({ execution, commission }) => ({ execution: { ...execution }, commission: { ...commission } }));
  }
}
