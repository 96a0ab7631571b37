import { type AccountBook } from './account-book';
import { type Listing } from './instruments';
import {
  atTheMoneyVolatility,
  chainParameters,
  optionActivity,
  optionInputs,
  type ChainParameters,
} from './option-chain';
import { assignShortOptions, exerciseOption, type ExerciseAction, type Settlement } from './option-exercise';
import { type OptionInputs } from './option-pricing';
import { orderRejected } from './order-rules';
import { type Instrument, type SimRejection } from './types';

/** An option with its underlying and the model's inputs now. */
interface Priced {
  option: Instrument;
  underlying: Instrument;
  inputs: OptionInputs;
}

/**
 * The world's option business: the model's view of each listed option, what reqSecDefOptParams and the
 * generic ticks report, and exercise and assignment against the accounts' books.
 */
export class OptionDesk {
  private readonly catalog: Instrument[];

  constructor(
    private readonly listings: ReadonlyMap<number, Listing>,
    private readonly mid: (conId: number) => number,
    private readonly bookOf: (account: string) => AccountBook | undefined,
  ) {
    this.catalog = [...listings.values()].map((listing) => listing.instrument);
  }

  /** The model's inputs for an option now: its underlying's mid and its volatility on the smile. */
  inputs(conId: number): OptionInputs | undefined {
    return this.priced(conId)?.inputs;
  }

  /** reqSecDefOptParams: the trading classes of an underlying's chain (none for a non-optionable one). */
  chains(underConId: number): ChainParameters[] {
    return chainParameters(this.catalog, underConId);
  }

  /** The listed options of an underlying. */
  listed(underConId: number): Instrument[] {
    return this.catalog.filter((option) => option.secType === 'OPT' && option.underConId === underConId);
  }

  /** Open interest and the day's volume of one option: fixed per contract, thinning away from the money. */
  activity(conId: number): { openInterest: number; volume: number } | undefined {
    const priced = this.priced(conId);
    return priced && optionActivity(priced.option, priced.inputs.spot);
  }

  /** An optionable underlying's 30-day volatilities: historical (its walk's) and implied (its chain's at the money). */
  underlyingVolatility(conId: number): { historical: number; implied: number } | undefined {
    const listing = this.listings.get(conId);
    if (!listing || this.listed(conId).length === 0) return undefined;
    const implied = atTheMoneyVolatility(listing);
    // Options usually price a little more movement than the stock has shown: implied over realized.
    return { historical: implied * 0.92, implied };
  }

  /** exerciseOptions on a long position; the books change at once, with no order and no commission. */
  exercise(
    account: string,
    conId: number,
    request: { action: ExerciseAction; quantity: number; override: boolean },
  ): { ok: true; settlement: Settlement } | { ok: false; rejection: SimRejection } {
    const book = this.bookOf(account);
    if (!book)
      return { ok: false, rejection: orderRejected(`The account ${account} is not one of this login's accounts.`) };
    const priced = this.priced(conId);
    if (!priced)
      return {
        ok: false,
        rejection: { code: 321, message: `Error validating request.-'sim' : cause - Only options can be exercised.` },
      };
    return exerciseOption(book, priced.option, priced.underlying, { ...request, spot: priced.inputs.spot });
  }

  /** Expiry-day assignment of an account's in-the-money short options (or only `conId`'s). */
  assign(account: string, conId?: number): Settlement[] {
    const book = this.bookOf(account);
    if (!book) throw new Error(`No account ${account} in this world`);
    const held = [...book.holdings.keys()].filter((id) => conId === undefined || id === conId);
    const shorts = held.flatMap((id) => {
      const priced = this.priced(id);
      return priced ? [{ option: priced.option, underlying: priced.underlying, spot: priced.inputs.spot }] : [];
    });
    return assignShortOptions(book, shorts);
  }

  private priced(conId: number): Priced | undefined {
    const listing = this.listings.get(conId);
    const underlying = listing && this.listings.get(listing.instrument.underConId);
    if (listing?.instrument.secType !== 'OPT' || !underlying) return undefined;
    const inputs = optionInputs(listing, underlying, this.mid(underlying.instrument.conId));
    return { option: listing.instrument, underlying: underlying.instrument, inputs };
  }
}
