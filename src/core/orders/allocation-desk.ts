import { randomUUID } from 'node:crypto';
import type {
  AllocationPreview,
  AllocationRequest,
  AllocationResult,
  AllocationRow,
  AllocationSubmit,
} from '../../shared/allocation';
import type { OrderPreview, SubmitResult } from '../../shared/orders';
import { AppError } from '../../shared/result';
import { OrderTicketSchema, type OrderTicket, type SecType } from '../../shared/ticket';
import { count } from '../../shared/number-words';
import { sizeAllocation, type AccountFigures, type SizedChild, type SizingFacts } from './allocation-sizing';

/**
 * One decision in several accounts: each account gets its own child order, previewed and ruled by its
 * own account through the ordinary order path (so every rule, the kill switch and the order caps apply
 * to each child), and sent together: each child is re-checked on its own, the caps count each child the
 * moment its re-check clears it, and ids are taken in the order children clear. Children carry the
 * allocation's id into the audit log; a child refused or rejected is reported for its account alone.
 */

export interface AllocationDeps {
  preview(ticket: OrderTicket, allocationId: string): Promise<OrderPreview>;
  submit(previewId: string, acknowledgements: readonly string[]): Promise<SubmitResult>;
  /** Each account's net liquidation, settled cash and kind, as the gateway last reported them. */
  accountFigures(): Promise<ReadonlyMap<string, AccountFigures>>;
  /** The size cap rule's limit for an instrument type (a larger child would be blocked anyway). */
  maxQuantity(secType: SecType): number;
  logError(message: string, error: unknown): void;
  newId?: () => string;
}

const UNITS: Record<SecType, [string, string]> = {
  STK: ['share', 'shares'],
  OPT: ['contract', 'contracts'],
  FUT: ['contract', 'contracts'],
  CASH: ['unit', 'units'],
};

/** Allocations kept for their submit (each child's preview has its own, shorter, lifetime). */
const KEPT = 100;

export class AllocationDesk {
  private readonly allocations = new Map<string, ReadonlyMap<string, string>>();

  constructor(private readonly deps: AllocationDeps) {}

  /** Each account's quantity and how it was found, without previewing anything (the ticket's sizing). */
  async size(request: Pick<AllocationRequest, 'order' | 'accounts' | 'sizing'>): Promise<SizedChild[]> {
    const figures = await this.deps.accountFigures();
    return sizeAllocation(request.sizing, request.accounts, this.sizingFacts(request, figures));
  }

  async preview(request: AllocationRequest): Promise<AllocationPreview> {
    const { order, accounts } = request;
    const sized = await this.size(request);
    const allocationId = (this.deps.newId ?? randomUUID)();
    const rows = await Promise.all(
      sized.map(async (child): Promise<AllocationRow> => {
        const row: AllocationRow = { ...child, preview: null };
        if (child.quantity <= 0) return row;
        const parsed = OrderTicketSchema.safeParse({ ...order, account: child.account, quantity: child.quantity });
        if (!parsed.success) {
          throw new AppError('refused', parsed.error.issues.map((issue) => issue.message).join(' '));
        }
        try {
          return { ...row, preview: await this.deps.preview(parsed.data, allocationId) };
        } catch (error) {
          return { ...row, problem: this.problemOf(error, child.account) };
        }
      }),
    );
    this.keep(allocationId, rows);
    const total = rows.reduce((sum, r) => sum + (r.preview ? r.quantity : 0), 0);
    const [one, many] = UNITS[order.contract.secType];
    const side = order.action === 'BUY' ? 'Buy' : 'Sell';
    const previewed = rows.filter((r) => r.preview !== null).length;
    return {
      allocationId,
      words: `${side} ${count(total)} ${total === 1 ? one : many} of ${order.contract.symbol} across ${previewed} of ${accounts.length} accounts, one order per account`,
      rows,
    };
  }

  /** Sends the kept children at once; each is re-checked and answered on its own, in the request's order. */
  async submit(request: AllocationSubmit): Promise<AllocationResult> {
    const children = this.allocations.get(request.allocationId);
    if (children === undefined) {
      throw new AppError('refused', 'This allocation is unknown or too old; preview it again.');
    }
    const results = await Promise.all(
      request.children.map(async ({ previewId, acknowledgements }): Promise<AllocationResult['children'][number]> => {
        const account = children.get(previewId);
        if (account === undefined) {
          const reason = 'This preview is not one of this allocation’s children.';
          return { account: '', previewId, result: { outcome: 'refused', reason, checks: [] } };
        }
        let result: SubmitResult;
        try {
          result = await this.deps.submit(previewId, acknowledgements);
        } catch (error) {
          result = { outcome: 'refused', reason: this.problemOf(error, account), checks: [] };
        }
        return { account, previewId, result };
      }),
    );
    return { allocationId: request.allocationId, children: results };
  }

  private sizingFacts(
    request: Pick<AllocationRequest, 'order'>,
    figures: ReadonlyMap<string, AccountFigures>,
  ): SizingFacts {
    const { contract, limitPrice, stopPrice, action } = request.order;
    const price = limitPrice ?? stopPrice ?? null;
    // Net liquidation and cash are in USD: a share's value is known here only for USD stocks and options
    // (a future's multiplier comes with its contract details, at preview).
    const usd = contract.currency === 'USD';
    const multiplier =
      contract.secType === 'STK'
        ? 1
        : contract.secType === 'OPT'
          ? (contract.multiplier ?? 100)
          : (contract.multiplier ?? null);
    return {
      account: (account) => figures.get(account) ?? { netLiquidation: null, settledCash: null, kind: null },
      unitValue: price !== null && multiplier !== null && usd ? price * multiplier : null,
      entryPrice: usd ? price : null,
      multiplier,
      action,
      isFuture: contract.secType === 'FUT',
      maxQuantity: this.deps.maxQuantity(contract.secType),
      wholeUnits: contract.secType !== 'CASH',
      unit: UNITS[contract.secType],
    };
  }

  private keep(allocationId: string, rows: readonly AllocationRow[]): void {
    const children = new Map<string, string>();
    for (const row of rows) if (row.preview) children.set(row.preview.previewId, row.account);
    this.allocations.set(allocationId, children);
    for (const id of this.allocations.keys()) {
      if (this.allocations.size <= KEPT) break;
      this.allocations.delete(id);
    }
  }

  private problemOf(error: unknown, account: string): string {
    if (error instanceof AppError) return error.message;
    this.deps.logError(`allocation child for ${account} failed`, error);
    return 'Gatehouse could not check this order (internal error, logged).';
  }
}
