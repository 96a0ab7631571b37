import { create } from 'zustand';
import { greeksBook, type GreeksBook, type Holding } from '../../../shared/greeks-exposure';
import type { OptionFigures } from '../../../shared/market';
import type { OptionContract } from '../../../shared/options';
import { positionFeed } from './accounts-store';
import { onQuoteBatch, useMarketStore } from './market-store';
import { gatehouse } from './ticket-store';

interface HeldGreeksSlice {
  /** Terms of each held option, by conId. */
  options: ReadonlyMap<number, OptionContract>;
  book: GreeksBook | null;
  /** Held options without a quote line: their greeks are unknown and the sums say so. */
  unwatched: number;
}

export const useHeldGreeksStore = create<HeldGreeksSlice>(() => ({ options: new Map(), book: null, unwatched: 0 }));

/** Greeks change with every tick of a held option; the sums are redrawn at most this often. */
const RECOUNT_MS = 250;

/** The model greeks of an instrument, as its latest quote carries them. */
export const figuresOf = (conId: number): OptionFigures | undefined =>
  useMarketStore.getState().quotes.get(conId)?.option;

const holdingsNow = (): Holding[] =>
  positionFeed.all().map((row) => ({
    account: row.account,
    conId: row.conId,
    // IBKR names an option's contract by its underlying's symbol.
    underlying: row.symbol,
    secType: row.secType,
    quantity: row.quantity,
  }));

function recount(): void {
  const { options } = useHeldGreeksStore.getState();
  useHeldGreeksStore.setState({ book: greeksBook(holdingsNow(), (conId) => options.get(conId), figuresOf) });
}

/**
 * Keeps a quote line on every held option (options.watchHeld) while the positions are shown, and the
 * portfolio's delta and theta per underlying counted from their greeks. Returns the stop.
 */
export function startHeldGreeks(): () => void {
  let held = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const later = () => {
    timer ??= setTimeout(() => {
      timer = undefined;
      recount();
    }, RECOUNT_MS);
  };
  const watchHeld = async () => {
    const conIds = [
      ...new Set(
        positionFeed
          .all()
          .filter((row) => row.secType === 'OPT')
          .map((row) => row.conId),
      ),
    ];
    const key = conIds.sort((a, b) => a - b).join(',');
    if (key !== held) {
      held = key;
      const result = await gatehouse().options.watchHeld({ conIds });
      if (result.ok) {
        useHeldGreeksStore.setState({
          options: new Map(result.value.options.map((option) => [option.conId, option])),
          unwatched: result.value.unwatched.length,
        });
      }
    }
    later();
  };
  const stops = [
    positionFeed.subscribe(() => void watchHeld()),
    onQuoteBatch((quotes) => {
      const { options } = useHeldGreeksStore.getState();
      if (quotes.some((quote) => options.has(quote.conId))) later();
    }),
  ];
  void watchHeld();
  return () => {
    clearTimeout(timer);
    for (const stop of stops) stop();
    held = '';
    void gatehouse().options.watchHeld({ conIds: [] });
  };
}
