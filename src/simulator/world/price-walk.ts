import { type Listing } from './instruments';
import { optionActivity, optionInputs } from './option-chain';
import { blackScholes } from './option-pricing';
import { mixSeed, mulberry32, randomInt, roughNormal, type Random } from './random';
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
/** Option spreads widen with the premium: about 1 % of it on top of a two-tick base. */
const OPTION_SPREAD_TICKS = 2;
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
  /** Counts the book's moves; an option was last priced at its underlying's `moves` = `pricedAt`. */
  moves: number;
  pricedAt: number;
  /** The mid the book opened at: an option opens off its underlying's, whenever it is first read. */
  openingMid: number;
  /** An option's volume at the open; it grows with its underlying's moves (see reprice). */
  openingVolume: number;
}

/**
 * The seeded market: one random walk per underlying instrument, advanced one instrument per tick. Prices live
 * as whole ticks so minTick holds exactly and bid < ask by construction.
 *
 * Options do not walk: each is priced by the model off its underlying when it is read after the underlying
 * moved, and opened on its first read from its own seeded stream and its underlying's opening. Thousands of
 * listed contracts then cost nothing until someone looks at one, and an option's quote depends only on its
 * underlying's, never on who read it when.
 */
export class PriceWalk {
  private readonly walkers: Book[] = [];
  private readonly byConId = new Map<number, Book>();
  /** Options not read yet. */
  private readonly unopened = new Map<number, Listing>();
  /** Seeds each option's opening stream, so the opening depends on the seed and the contract alone. */
  private readonly optionSalt: number;

  constructor(
    listings: readonly Listing[],
    private readonly random: Random,
  ) {
    for (const listing of listings) {
      if (listing.instrument.secType === 'OPT') {
        this.unopened.set(listing.instrument.conId, listing);
        continue;
      }
      const book = this.open(listing, undefined, random);
      this.walkers.push(book);
      this.byConId.set(listing.instrument.conId, book);
    }
    this.optionSalt = Math.floor(random() * 0x1_0000_0000);
  }

  /** The live quote, not a copy: callers inside the world read it on every tick. */
  quote(conId: number): Readonly<Quote> {
    return this.current(conId).quote;
  }

  mid(conId: number): number {
    return midOf(this.current(conId));
  }

  /** Moves one seeded-chosen instrument and reports the fields that changed. */
  tick(): QuoteTick {
    return this.move(this.walkers[Math.floor(this.random() * this.walkers.length)] as Book);
  }

  /**
   * Moves the given instrument one step (a quiet line the gateway keeps alive) and reports what changed. An
   * option does not walk: its underlying moves, and the option is re-priced off it when next read.
   */
  tickInstrument(conId: number): QuoteTick {
    const book = this.current(conId);
    return this.move(book.underlying ?? book);
  }

  private move(book: Book): QuoteTick {
    const quote = book.quote;
    const fields: Partial<Quote> = {};
    this.walk(book);
    const bid = book.bidTicks / book.perUnit;
    const ask = book.askTicks / book.perUnit;
    if (bid !== quote.bid) quote.bid = fields.bid = bid;
    if (ask !== quote.ask) quote.ask = fields.ask = ask;
    quote.bidSize = fields.bidSize = book.listing.lot * randomInt(this.random, 1, MAX_QUOTE_LOTS);
    quote.askSize = fields.askSize = book.listing.lot * randomInt(this.random, 1, MAX_QUOTE_LOTS);
    if (this.random() < TRADE_PROBABILITY) this.trade(book, fields);
    return { conId: book.listing.instrument.conId, fields };
  }

  /** The book, an option's first re-priced if its underlying moved since it was last read. */
  private current(conId: number): Book {
    const book = this.byConId.get(conId) ?? this.openOption(conId);
    if (book.underlying && book.pricedAt !== book.underlying.moves) this.reprice(book, book.underlying);
    return book;
  }

  private walk(book: Book): void {
    const midTicks = (book.bidTicks + book.askTicks) / 2;
    const reach = Math.max(1, Math.round(midTicks * book.listing.dailyVol * REACH_PER_DAILY_VOL));
    const move = randomInt(this.random, -reach, reach);
    this.place(book, book.bidTicks + move, this.spread(book.listing.spreadTicks));
  }

  /**
   * The model price with a spread that widens with the premium. Sizes, volume and the occasional trade are
   * hashed from the contract and the underlying's move count, not drawn from the walk's stream: the quote is
   * then the same however often it was read, except the last trade (and high and low), which is the one seen.
   */
  private reprice(book: Book, underlying: Book): void {
    book.pricedAt = underlying.moves;
    const theoTicks = Math.round(this.theoretical(book, underlying) * book.perUnit);
    this.place(book, theoTicks - Math.floor(this.optionSpread(theoTicks) / 2), this.optionSpread(theoTicks));
    const conId = book.listing.instrument.conId;
    const hash = mixSeed(conId, underlying.moves);
    const quote = book.quote;
    quote.bid = book.bidTicks / book.perUnit;
    quote.ask = book.askTicks / book.perUnit;
    quote.bidSize = 1 + (hash % MAX_QUOTE_LOTS);
    quote.askSize = 1 + ((hash >>> 8) % MAX_QUOTE_LOTS);
    // About one contract every ten to twenty moves of the underlying.
    quote.volume = book.openingVolume + Math.floor((underlying.moves * (1 + (mixSeed(conId) % 2))) / 20);
    if ((hash >>> 16) % 100 >= TRADE_PROBABILITY * 100) return;
    const price = hash & 0x8000_0000 ? quote.ask : quote.bid;
    quote.last = price;
    quote.lastSize = 1 + ((hash >>> 24) % MAX_TRADE_LOTS);
    quote.high = Math.max(quote.high, price);
    quote.low = Math.min(quote.low, price);
  }

  private optionSpread(theoTicks: number): number {
    return OPTION_SPREAD_TICKS + Math.round(theoTicks * OPTION_SPREAD_PER_TICK);
  }

  private theoretical(book: Book, underlying: Book, spot = midOf(underlying)): number {
    return blackScholes(optionInputs(book.listing, underlying.listing, spot));
  }

  private openOption(conId: number): Book {
    const listing = this.unopened.get(conId);
    const underlying = listing && this.byConId.get(listing.instrument.underConId);
    if (!listing || !underlying) throw new Error(`No instrument with conId ${conId}`);
    const book = this.open(listing, underlying, mulberry32(mixSeed(this.optionSalt, conId)));
    this.unopened.delete(conId);
    this.byConId.set(conId, book);
    return book;
  }

  private spread(base: number): number {
    return base + (this.random() < WIDER_SPREAD_PROBABILITY ? 1 : 0);
  }

  /** The one place a book's touch moves: the bid stays at least one tick, the ask above it. */
  private place(book: Book, bidTicks: number, spread: number): void {
    book.moves += 1;
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
  private open(listing: Listing, underlying: Book | undefined, random: Random): Book {
    const perUnit = ticksPerUnit(listing.instrument.minTick);
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
      moves: 0,
      // An option's first read prices it with the model's spread.
      pricedAt: -1,
      openingMid: 0,
      openingVolume: 0,
    };
    const start = underlying
      ? this.theoretical(book, underlying, underlying.openingMid)
      : listing.referencePrice * (1 + (random() - 0.5) * 0.06);
    this.place(book, Math.round(start * perUnit), listing.spreadTicks);
    book.openingMid = midOf(book);
    const bid = book.bidTicks / perUnit;
    const ask = book.askTicks / perUnit;
    const last = random() < 0.5 ? bid : ask;
    const offTicks = (fraction: number): number => Math.max(1, Math.round(last * (1 + fraction) * perUnit)) / perUnit;
    const close = offTicks(-roughNormal(random) * listing.dailyVol);
    const open = offTicks(-roughNormal(random) * listing.dailyVol * 0.5);
    Object.assign(book.quote, {
      bid,
      ask,
      last,
      bidSize: listing.lot * randomInt(random, 1, MAX_QUOTE_LOTS),
      askSize: listing.lot * randomInt(random, 1, MAX_QUOTE_LOTS),
      lastSize: listing.lot * randomInt(random, 1, MAX_TRADE_LOTS),
      volume: underlying
        ? optionActivity(listing.instrument, underlying.openingMid).volume
        : listing.lot * randomInt(random, 1_000, 20_000),
      open,
      high: Math.max(open, last),
      low: Math.min(open, last),
      close,
    });
    book.openingVolume = book.quote.volume;
    return book;
  }
}

function midOf(book: Book): number {
  return (book.bidTicks + book.askTicks) / (2 * book.perUnit);
}
