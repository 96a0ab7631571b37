import { SecType, type ContractDetails, type IBApiNext } from '@stoqey/ib';
import type { PositionRow } from '../../shared/accounts';
import type { ExternalAccount, HoldingsCheck } from '../../shared/holdings';
import { externalAccountId } from '../../shared/holdings-words';
import type { Listing, QuoteBatch } from '../../shared/market';
import { AppError } from '../../shared/result';
import type { SessionState } from '../../shared/session';
import type { GatewaySession } from '../gateway/gateway-session';
import type { EventBus } from '../ipc/event-bus';
import type { RoomHandlers } from '../ipc/router';
import { pickDetails } from '../market/contract-search';
import { listingOf, type QuoteLines } from '../orders/ticket-quotes';
import { ExternalAccountsFile } from './external-accounts-file';
import { externalRow } from './external-rows';
import { HoldingsFormatError, parseHoldings } from './parse-holdings';

export interface HoldingsServiceOptions {
  userDataDir: string;
  session: Pick<GatewaySession, 'subscribe' | 'current' | 'ib'>;
  /** The market service's shared lines: a holding already watched costs no extra reqMktData. */
  lines: QuoteLines;
  events: Pick<EventBus, 'subscribe'>;
  logError: (message: string, error: unknown) => void;
  now?: () => number;
  /** How long IBKR may take to describe a symbol before the row waits for the next connection. */
  resolveTimeoutMs?: number;
}

const consumerOf = (symbol: string) => `external:${symbol}`;
const isUp = (state: SessionState) => state.state === 'connected' || state.state === 'degraded';

/**
 * Other brokers' holdings as read-only external accounts: imported from their CSV exports, kept in the
 * data folder, valued with IBKR's live quotes where the symbol resolves to a US stock or fund (one shared
 * quote line per symbol, counted against the line allowance), and shown by the accounts service.
 */
export class HoldingsService {
  private accounts: ExternalAccount[] = [];
  /** What each symbol resolved to on IBKR: a listing, or null when IBKR has no such contract. */
  private readonly resolved = new Map<string, Listing | null>();
  private readonly resolving = new Set<string>();
  /** Symbols that hold a quote line, by the conId they hold it for. */
  private readonly held = new Map<string, number>();
  /** Resolved symbols refused a quote line, and why: their rows say so. */
  private readonly noLine = new Map<string, string>();
  private readonly listeners = new Set<() => void>();
  private readonly stops: (() => void)[] = [];
  private readonly file: ExternalAccountsFile;
  private readonly now: () => number;
  private writes: Promise<unknown> = Promise.resolve();

  private constructor(private readonly options: HoldingsServiceOptions) {
    this.file = new ExternalAccountsFile(options.userDataDir);
    this.now = options.now ?? Date.now;
  }

  /** Loads the kept accounts; the notice says when the file could not be read (it is kept aside). */
  static async create(options: HoldingsServiceOptions): Promise<{ service: HoldingsService; notice: string | null }> {
    const service = new HoldingsService(options);
    const { accounts, notice } = await service.file.load();
    service.accounts = accounts;
    service.stops.push(
      options.session.subscribe((state) => {
        if (!isUp(state)) return;
        service.syncLines();
        service.resolveMissing();
      }),
      options.events.subscribe((event, payload) => {
        if (event === 'market.quotes' && service.holdsAny(payload as QuoteBatch)) service.changed();
      }),
    );
    if (isUp(options.session.current())) service.resolveMissing();
    return { service, notice };
  }

  handlers(): RoomHandlers<'holdings.'> {
    return {
      'holdings.check': ({ csv }) => check(csv),
      'holdings.import': ({ name, csv, keepWithRefused }) => this.import(name, csv, keepWithRefused),
      'holdings.list': () => this.accounts,
      'holdings.remove': ({ id }) => this.remove(id),
    };
  }

  /** The external account with this id, if it is one. */
  external(id: string): ExternalAccount | undefined {
    return this.accounts.find((account) => account.id === id);
  }

  /** Every external holding as a positions row, at the live price where there is one. */
  rows(): PositionRow[] {
    return this.accounts.flatMap((account) =>
      account.holdings.map((holding) => {
        const listing = this.resolved.get(holding.symbol);
        const price =
          listing === undefined
            ? undefined
            : {
                listing,
                quote: listing ? this.options.lines.quote(listing.conId) : undefined,
                noLine: this.noLine.get(holding.symbol),
              };
        return externalRow(account.id, holding, price);
      }),
    );
  }

  /** Called when the rows change: an import, a removal, a symbol resolved, a held quote moved. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async flushed(): Promise<void> {
    await this.writes;
  }

  dispose(): void {
    for (const stop of this.stops) stop();
    for (const [symbol, conId] of this.held) this.options.lines.release(conId, consumerOf(symbol));
    this.held.clear();
  }

  private async import(name: string, csv: string, keepWithRefused: boolean): Promise<ExternalAccount[]> {
    const parsed = check(csv);
    if (parsed.refused.length > 0 && !keepWithRefused) {
      throw new AppError(
        'refused',
        `${parsed.holdings.length} rows imported, ${parsed.refused.length} rows refused: nothing was kept. Confirm to keep the file without the refused rows.`,
      );
    }
    if (parsed.holdings.length === 0)
      throw new AppError('refused', 'The file holds no position that could be read; nothing was kept.');
    const account: ExternalAccount = {
      id: externalAccountId(name),
      name,
      format: parsed.format,
      importedAt: this.now(),
      holdings: parsed.holdings,
      refused: parsed.refused,
    };
    return this.save((accounts) => [...accounts.filter((a) => a.id !== account.id), account]);
  }

  private async remove(id: string): Promise<ExternalAccount[]> {
    return this.save((accounts) => {
      if (!accounts.some((a) => a.id === id)) throw new AppError('refused', `There is no external account ${id}.`);
      return accounts.filter((a) => a.id !== id);
    });
  }

  /**
   * One change at a time, each to the list the previous one left; the file first, so what is shown is
   * what is kept.
   */
  private save(change: (accounts: readonly ExternalAccount[]) => ExternalAccount[]): Promise<ExternalAccount[]> {
    const saved = this.writes.then(async () => {
      const next = change(this.accounts);
      await this.file.save(next);
      this.accounts = next;
      this.syncLines();
      this.resolveMissing();
      this.changed();
      return next;
    });
    this.writes = saved.catch(() => undefined);
    return saved;
  }

  private symbols(): Set<string> {
    return new Set(this.accounts.flatMap((a) => a.holdings.filter((h) => h.kind === 'security').map((h) => h.symbol)));
  }

  /** Asks IBKR for each symbol not yet resolved, when a connection is up. */
  private resolveMissing(): void {
    const connection = this.options.session.ib;
    if (connection === null || !isUp(this.options.session.current())) return;
    for (const symbol of this.symbols()) {
      if (this.resolved.has(symbol) || this.resolving.has(symbol)) continue;
      this.resolving.add(symbol);
      void resolveSymbol(connection.api, symbol, this.options.resolveTimeoutMs ?? 5_000)
        .then((listing) => {
          if (listing === undefined) return;
          this.resolved.set(symbol, listing);
          this.syncLines();
          this.changed();
        })
        .catch((error: unknown) => this.options.logError(`holdings: resolving ${symbol} failed`, error))
        .finally(() => this.resolving.delete(symbol));
    }
  }

  /** One quote line per resolved symbol still held; lines of symbols no longer held go back. */
  private syncLines(): void {
    const wanted = this.symbols();
    for (const symbol of this.noLine.keys()) if (!wanted.has(symbol)) this.noLine.delete(symbol);
    for (const [symbol, conId] of this.held) {
      if (wanted.has(symbol)) continue;
      this.options.lines.release(conId, consumerOf(symbol));
      this.held.delete(symbol);
    }
    for (const symbol of wanted) {
      const listing = this.resolved.get(symbol);
      if (!listing || this.held.has(symbol)) continue;
      const acquired = this.options.lines.acquire(listing, consumerOf(symbol));
      if (acquired.ok) {
        this.held.set(symbol, listing.conId);
        this.noLine.delete(symbol);
      } else this.noLine.set(symbol, acquired.reason);
    }
  }

  private holdsAny(batch: QuoteBatch): boolean {
    if (this.held.size === 0) return false;
    const conIds = new Set(this.held.values());
    return batch.quotes.some((quote) => conIds.has(quote.conId));
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}

/** Parses a file for the dialog; a file of no known format is refused with the formats that are read. */
function check(csv: string): HoldingsCheck {
  try {
    return parseHoldings(csv);
  } catch (error) {
    if (error instanceof HoldingsFormatError) throw new AppError('refused', error.message);
    throw error;
  }
}

/**
 * A symbol as a US stock or fund routed SMART. Null when IBKR has no such contract (the row says "no IBKR
 * price"); undefined when it did not answer in time, so the next connection asks again.
 */
async function resolveSymbol(api: IBApiNext, symbol: string, timeoutMs: number): Promise<Listing | null | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), timeoutMs);
  });
  try {
    const details = await Promise.race([
      api
        .getContractDetails({ symbol, secType: SecType.STK, exchange: 'SMART', currency: 'USD' })
        // 200 is IBKR's "No security definition has been found": a symbol it does not know. Anything else
        // (a dropped connection) says nothing about the symbol.
        .catch((error: unknown): ContractDetails[] | undefined =>
          (error as { code?: number }).code === 200 ? [] : undefined,
        ),
      timeout,
    ]);
    if (details === undefined) return undefined;
    const picked = pickDetails(details);
    return picked ? listingOf(picked) : null;
  } finally {
    clearTimeout(timer);
  }
}
