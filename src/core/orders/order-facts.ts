import type { ContractDetails } from '@stoqey/ib';
import type { TicketAccount } from '../../shared/orders';
import { AppError } from '../../shared/result';
import type { AccountStreams } from '../accounts/account-streams';
import type { RuleContext } from '../rules/rule-context';
import { accountFigures } from './account-figures';
import type { AccountFigures } from './allocation-sizing';
import { GatewayReader } from './gateway-reader';
import { HeldAccountFacts, type Summaries } from './held-account-facts';
import type { OrderTracker } from './order-tracker';
import {
  buildRuleContext,
  ticketAccount,
  type GatewayOpenOrder,
  type GatewayPosition,
  type Received,
} from './rule-context-builder';
import { workingOrders, type SentOrders } from './working-orders';
import type { OrderPieces } from './order-pieces';

export interface OrderFactsOptions extends Pick<
  OrderPieces,
  'session' | 'settings' | 'connection' | 'timeouts' | 'now' | 'logError' | 'counter'
> {
  tracker: Pick<OrderTracker, 'get'>;
  accountStreams: AccountStreams;
  book: { heldOpenOrders(): { orders: readonly GatewayOpenOrder[]; readAt: number } | null };
  sent: SentOrders;
}

/**
 * What the order rules read about the accounts and working orders: the positions and summaries this
 * connection streams (held, fail-closed) and every client's open orders, and views of them for the
 * ticket's account list, allocation sizing and the row actions.
 */
export class OrderFacts {
  readonly held: HeldAccountFacts;

  constructor(private readonly options: OrderFactsOptions) {
    this.held = new HeldAccountFacts(options.accountStreams, options.now);
  }

  private waitMs(): number {
    return this.options.timeouts().requestMs;
  }

  positions(): Promise<Received<GatewayPosition[]>> {
    return this.held.positionsWithin(this.waitMs());
  }

  summaries(): Promise<Received<Summaries>> {
    return this.held.summariesWithin(this.waitMs());
  }

  /**
   * The accounts the gateway reported for this login, each with its kind and where the kind came from.
   * Until the account summary has arrived an account's kind is unknown (unless the person set it), and
   * the ticket will not let it be chosen.
   */
  async accounts(): Promise<TicketAccount[]> {
    const state = this.options.session.current();
    this.options.connection();
    const summaries = await this.summaries();
    const overrides = this.options.settings().accountOverrides;
    return state.accounts.map((id) => ticketAccount(id, summaries?.value.get(id) ?? null, overrides[id]));
  }

  /** Each reported account's net liquidation and settled cash in USD and its kind (null where unknown), for sizing. */
  async figures(): Promise<ReadonlyMap<string, AccountFigures>> {
    this.options.connection();
    const summaries = await this.summaries();
    return accountFigures(this.options.session.current().accounts, summaries?.value ?? null, this.options.settings());
  }

  /**
   * The rules' view of an account for an order not yet written (no quote, no what-if): what the row
   * actions size an option by, read the same way a preview reads it so the confirmation agrees.
   */
  async accountContext(account: string, details: ContractDetails): Promise<RuleContext> {
    const reader = new GatewayReader(this.options.connection().api, this.options.timeouts());
    const [positions, summaries, orders] = await Promise.all([
      this.positions(),
      this.summaries(),
      this.openOrders(reader),
    ]);
    const settings = this.options.settings();
    const now = this.options.now();
    return buildRuleContext({
      ticket: { account },
      facts: {
        details,
        quote: null,
        positions,
        summary: summaries && { value: summaries.value.get(account) ?? new Map(), at: summaries.at },
        openOrders: orders,
        whatIf: null,
        whatIfAnswer: { state: 'no-answer', reason: 'not asked before a preview' },
      },
      session: { ...this.options.session.current(), degraded: false },
      override: settings.accountOverrides[account],
      limits: settings.orders,
      orderCounts: this.options.counter.counts(now),
      now,
    });
  }

  /**
   * Every client's working orders: the held book (read afresh before its first read) and what this
   * process sent; null when the gateway has not sent them on this connection.
   */
  async openOrders(reader: GatewayReader): Promise<Received<GatewayOpenOrder[]>> {
    const held = this.options.book.heldOpenOrders();
    const book = await this.received(held && { value: held.orders, at: held.readAt }, () => reader.openOrders());
    if (book === null) return null;
    const { clientId } = this.options.session.current();
    const working = workingOrders(
      book.value,
      this.options.sent.working((orderId) => this.options.tracker.get(orderId), clientId),
      clientId,
    );
    return { value: working, at: book.at };
  }

  /**
   * What the connection holds, or else a fresh read; null (not received on this connection) when the
   * read fails or times out. The rules then block on it and say what they wait for.
   */
  private async received<T>(held: Received<T>, read: () => Promise<T>): Promise<Received<T>> {
    if (held !== null) return held;
    try {
      return { value: await read(), at: this.options.now() };
    } catch (error) {
      if (!(error instanceof AppError)) this.options.logError('reading what the order rules need failed', error);
      return null;
    }
  }
}
