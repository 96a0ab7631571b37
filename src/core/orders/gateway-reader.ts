import {
  EventName,
  type Contract as IbContract,
  type ContractDetails,
  type IBApi,
  type IBApiNext,
  type Order,
  type OrderState,
} from '@stoqey/ib';
import type { Subscription } from 'rxjs';
import type { Quote } from '../../shared/market';
import type { WhatIfFigures } from '../../shared/orders';
import { AppError } from '../../shared/result';
import type { Contract } from '../../shared/ticket';
import { applyTick, initialQuote } from '../market/quote-state';
import { classifyOrderAnswer } from './gateway-answers';
import { contractQuery } from './ib-order';
import type { WhatIfAnswer } from '../rules/rule-context';
import { whatIfFromOrderState, type GatewayOpenOrder } from './rule-context-builder';

/** IBApiNext keeps its IBApi private in the typings; the what-if answer and order events need it. */
export function rawApi(api: IBApiNext): IBApi {
  const raw = (api as unknown as { api?: IBApi }).api;
  if (!raw || typeof raw.on !== 'function') {
    throw new Error(
      '@stoqey/ib changed: IBApiNext no longer exposes its IBApi; update src/core/orders/gateway-reader.ts',
    );
  }
  return raw;
}

export interface ReadTimeouts {
  /** Contract details, open orders, and how long the rules wait for positions and the account summary. */
  requestMs: number;
  /** How long to wait for a quote to fill in before using what arrived. */
  quoteMs: number;
  whatIfMs: number;
}

export const DEFAULT_TIMEOUTS: ReadTimeouts = { requestMs: 4_000, quoteMs: 1_500, whatIfMs: 4_000 };

/** IBKR's what-if: its figures when it answered, and how it answered (refused, or not in time). */
export interface WhatIfResult {
  figures: WhatIfFigures | null;
  answer: WhatIfAnswer;
}

function timeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new AppError('unavailable', `The gateway did not send ${what} within ${ms / 1000} s; try again.`)),
      ms,
    );
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

/** Reads, on demand and fresh, what the rules need from one gateway connection. */
export class GatewayReader {
  constructor(
    private readonly api: IBApiNext,
    private readonly timeouts: ReadTimeouts = DEFAULT_TIMEOUTS,
  ) {}

  /** The one contract the ticket names; refused when the gateway knows none or several. */
  async contract(contract: Contract): Promise<ContractDetails> {
    const list = await timeout(
      this.api.getContractDetails(contractQuery(contract)).catch((error: unknown) => {
        throw new AppError('refused', `The gateway could not look up ${contract.symbol}: ${errorText(error)}`);
      }),
      this.timeouts.requestMs,
      `the contract details for ${contract.symbol}`,
    );
    const [first] = list;
    if (first === undefined) {
      throw new AppError(
        'refused',
        `IBKR knows no ${contract.secType} contract ${contract.symbol} in ${contract.currency} on ${contract.exchange}.`,
      );
    }
    if (list.length > 1) {
      const some = list
        .slice(0, 4)
        .map((d) => d.contract.localSymbol ?? `${d.contract.symbol} ${d.contract.lastTradeDateOrContractMonth ?? ''}`)
        .join(', ');
      throw new AppError(
        'refused',
        `${list.length} contracts match ${contract.symbol} (${some}${list.length > 4 ? ', …' : ''}); give the expiry, strike, right or exchange to pick one.`,
      );
    }
    return first;
  }

  /**
   * A streaming subscription held only until the quote has a bid and ask (or a last) and, for stocks,
   * the shortable shares (tick 236, which IBKR does not allow in a snapshot); then it is cancelled.
   */
  quote(contract: IbContract, wantShortable: boolean): Promise<Quote | null> {
    return new Promise((resolve) => {
      let quote = initialQuote(contract.conId ?? 0, contract.symbol ?? '', 'live', Date.now());
      let received = false;
      let subscription: Subscription | null = null;
      const finish = () => {
        clearTimeout(timer);
        subscription?.unsubscribe();
        resolve(received ? quote : null);
      };
      const timer = setTimeout(finish, this.timeouts.quoteMs);
      subscription = this.api.getMarketData(contract, wantShortable ? '236' : '', false, false).subscribe({
        next: (update) => {
          for (const [tickType, tick] of update.all) {
            if (tick.value === undefined) continue;
            quote = applyTick(quote, { tickType, value: tick.value, receivedAt: tick.ingressTm });
            received = true;
          }
          const priced = (quote.bid !== null && quote.ask !== null) || quote.last !== null;
          if (priced && (!wantShortable || quote.shortableShares !== null)) finish();
        },
        error: finish,
      });
    });
  }

  openOrders(): Promise<GatewayOpenOrder[]> {
    return timeout(this.api.getAllOpenOrders(), this.timeouts.requestMs, 'the open orders');
  }

  /**
   * IBKR's what-if: the order placed with whatIf set comes back as an openOrder whose state holds the
   * margin and commission figures; nothing is placed. IBApiNext has no call for it, so this listens on
   * the IBApi directly. Returns the figures, or why there are none.
   */
  whatIf(orderId: number, contract: IbContract, order: Order): Promise<WhatIfResult> {
    const raw = rawApi(this.api);
    return new Promise((resolve) => {
      const done = (result: WhatIfResult) => {
        clearTimeout(timer);
        raw.off(EventName.openOrder, onOpenOrder);
        raw.off(EventName.error, onError);
        resolve(result);
      };
      const onOpenOrder = (id: number, _c: IbContract, _o: Order, state: OrderState) => {
        if (id === orderId) done({ figures: whatIfFromOrderState(state), answer: { state: 'answered' } });
      };
      const onError = (error: Error, code: number, reqId: number) => {
        if (reqId !== orderId) return;
        const answer = classifyOrderAnswer(code, error.message);
        if (answer?.effect === 'final') done({ figures: null, answer: { state: 'refused', reason: answer.message } });
      };
      const timer = setTimeout(
        () =>
          done({
            figures: null,
            answer: {
              state: 'no-answer',
              reason: `The gateway sent no what-if preview within ${this.timeouts.whatIfMs / 1000} s.`,
            },
          }),
        this.timeouts.whatIfMs,
      );
      raw.on(EventName.openOrder, onOpenOrder);
      raw.on(EventName.error, onError);
      this.api.placeOrder(orderId, contract, { ...order, whatIf: true });
    });
  }
}

function errorText(error: unknown): string {
  if (error && typeof error === 'object' && 'error' in error) {
    const inner = (error as { error?: unknown }).error;
    if (inner instanceof Error) return inner.message;
  }
  return error instanceof Error ? error.message : String(error);
}
