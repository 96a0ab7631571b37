import { type Listing } from './instruments';
import { blackScholes } from './option-pricing';
import { randomInt, roughNormal, type Random } from './random';
import { ticksPerUnit } from './ticks';
import { type Quote, type QuoteTick } from './types';

/** How many ticks of one instrument make a "day" of its volatility: sets the size of each step. */
const TICKS_PER_DAY = 10_000;
/** A uniform step on [-k, k] has a standard deviation of k/√3; this turns daily volatility into k. */
const REACH_PER_DAILY_VOL = Math.sqrt(3 / TICKS_PER_DAY);
const TRADE_PROBABILITY = 0.35;
const WIDER_SPREAD_PROBABILITY = 0.25;
const MAX_QUOTE_LOTS = 50;
const MAX_TRADE_LOTS = 10;
/** Option spreads widen with the premium: about 1 % of it on top of the base spread. */
const OPTION_SPREAD_PER_TICK = 0.01;

/** One instrument's live state. Prices are whole ticks; the Quote mirrors them as prices. */
interface Book {
  listing: Listing;
  perUnit: number;
  bidTicks: number;
  askTicks: number;
  quote: Quote;
  /** Options are re-priced off this book instead of walking on their own. */
  underlying: Book | undefined;
}

/**
 * The seeded market: one random walk per instrument, advanced one instrument per tick. Prices live as whole
 * ticks so minTick holds exactly and bid < ask by construction.
 */
export class PriceWalk {
  private readonly books: Book[] = [];
  private readonly byConId = new Map<number, Book>();

  constructor(
    listings: readonly Listing[],
    private readonly random: Random,
  ) {
    // Underlyings first: an option's opening quote is priced off its underlying's.
    const ordered = [...listings].sort(
      (a, b) => Number(a.instrument.secType === 'OPT') - Number(b.instrument.secType === 'OPT'),
    );
    for (const listing of ordered) {
      const book = this.open(listing);
      this.books.push(book);
      this.byConId.set(listing.instrument.conId, book);
    }
  }

  /** The live quote, not a copy: callers inside the world read it on every tick. */
  quote(conId: number): Readonly<Quote> {
    return this.book(conId).quote;
  }

  mid(conId: number): number {
    const book = this.book(conId);
    return (book.bidTicks + book.askTicks) / (2 * book.perUnit);
  }

  /** Moves one seeded-chosen instrument and reports the fields that changed. */
  tick(): QuoteTick {
    return this.move(this.books[Math.floor(this.random() * this.books.length)] as Book);
  }

  /** Moves the given instrument one step (a quiet line the gateway keeps alive) and reports what changed. */
  tickInstrument(conId: number): QuoteTick {
    return this.move(this.book(conId));
  }

  private move(book: Book): QuoteTick {
    const quote = book.quote;
    const fields: Partial<Quote> = {};
    if (book.underlying) this.reprice(book, book.underlying);
    else this.walk(book);
    const bid = book.bidTicks / book.perUnit;
    const ask = book.askTicks / book.perUnit;
    if (bid !== quote.bid) quote.bid = fields.bid = bid;
    if (ask !== quote.ask) quote.ask = fields.ask = ask;
    quote.bidSize = fields.bidSize = book.listing.lot * randomInt(this.random, 1, MAX_QUOTE_LOTS);
    quote.askSize = fields.askSize = book.listing.lot * randomInt(this.random, 1, MAX_QUOTE_LOTS);
    if (this.random() < TRADE_PROBABILITY) this.trade(book, fields);
    return { conId: book.listing.instrument.conId, fields };
  }

  private book(conId: number): Book {
    const book = this.byConId.get(conId);
    if (!book) throw new Error(`No instrument with conId ${conId}`);
    return book;
  }

  private walk(book: Book): void {
    const midTicks = (book.bidTicks + book.askTicks) / 2;
    const reach = Math.max(1, Math.round(midTicks * book.listing.dailyVol * REACH_PER_DAILY_VOL));
    const move = randomInt(this.random, -reach, reach);
    this.place(book, book.bidTicks + move, this.spread(book.listing.spreadTicks));
  }

  private reprice(book: Book, underlying: Book): void {
    const theoTicks = Math.round(this.theoretical(book, underlying) * book.perUnit) + randomInt(this.random, -1, 1);
    const spread = this.spread(book.listing.spreadTicks + Math.round(theoTicks * OPTION_SPREAD_PER_TICK));
    this.place(book, theoTicks - Math.floor(spread / 2), spread);
  }

  private theoretical(book: Book, underlying: Book): number {
    const { instrument, yearsToExpiry } = book.listing;
    const spot = (underlying.bidTicks + underlying.askTicks) / (2 * underlying.perUnit);
    const vol = underlying.listing.dailyVol * Math.sqrt(252);
    return blackScholes(instrument.right === 'P' ? 'P' : 'C', spot, instrument.strike, yearsToExpiry, vol);
  }

  private spread(base: number): number {
    return base + (this.random() < WIDER_SPREAD_PROBABILITY ? 1 : 0);
  }

  /** The one place a book's touch moves: the bid stays at least one tick, the ask above it. */
  private place(book: Book, bidTicks: number, spread: number): void {
    book.bidTicks = Math.max(1, bidTicks);
    book.askTicks = book.bidTicks + spread;
  }

  private trade(book: Book, fields: Partial<Quote>): void {
    const quote = book.quote;
    const price = this.random() < 0.5 ? quote.bid : quote.ask;
    const size = book.listing.lot * randomInt(this.random, 1, MAX_TRADE_LOTS);
    quote.last = fields.last = price;
    quote.lastSize = fields.lastSize = size;
    quote.volume = fields.volume = quote.volume + size;
    if (price > quote.high) quote.high = fields.high = price;
    if (price < quote.low) quote.low = fields.low = price;
  }

  /** The opening state: a seeded price near the reference (or the model price), with a day already under way. */
  private open(listing: Listing): Book {
    const perUnit = ticksPerUnit(listing.instrument.minTick);
    const underlying =
      listing.instrument.secType === 'OPT' ? this.byConId.get(listing.instrument.underConId) : undefined;
    const book: Book = {
      listing,
      perUnit,
      bidTicks: 0,
      askTicks: 0,
      quote: {
        bid: 0,
        ask: 0,
        last: 0,
        bidSize: 0,
        askSize: 0,
        lastSize: 0,
        volume: 0,
        open: 0,
        high: 0,
        low: 0,
        close: 0,
      },
      underlying,
    };
    const start = underlying
      ? this.theoretical(book, underlying)
      : listing.referencePrice * (1 + (this.random() - 0.5) * 0.06);
    this.place(book, Math.round(start * perUnit), listing.spreadTicks);
    const bid = book.bidTicks / perUnit;
    const ask = book.askTicks / perUnit;
    const last = this.random() < 0.5 ? bid : ask;
    const offTicks = (fraction: number): number => Math.max(1, Math.round(last * (1 + fraction) * perUnit)) / perUnit;
    const close = offTicks(-roughNormal(this.random) * listing.dailyVol);
    const open = offTicks(-roughNormal(this.random) * listing.dailyVol * 0.5);
    Object.assign(book.quote, {
      bid,
      ask,
      last,
      bidSize: listing.lot * randomInt(this.random, 1, MAX_QUOTE_LOTS),
      askSize: listing.lot * randomInt(this.random, 1, MAX_QUOTE_LOTS),
      lastSize: listing.lot * randomInt(this.random, 1, MAX_TRADE_LOTS),
      volume: listing.lot * randomInt(this.random, 1_000, 20_000),
      open,
      high: Math.max(open, last),
      low: Math.min(open, last),
      close,
    });
    return book;
  }
}
