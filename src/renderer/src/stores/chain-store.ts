import { create } from 'zustand';
import { MAX_WATCHED_OPTIONS } from '../../../shared/option-limits';
import type { ChainRows, OptionChain, OptionRight } from '../../../shared/options';
import { applyQuotes } from './market-store';
import { gatehouse } from './ticket-store';

/** Strikes each side of the money the panel starts with. */
export const DEFAULT_STRIKES_EACH_SIDE = 5;

interface ChainSlice {
  /** The underlying whose chain the panel shows; null while the panel is closed. */
  symbol: string | null;
  chain: OptionChain | null;
  expiry: string | null;
  strikesEachSide: number;
  rows: ChainRows | null;
  /** The side a caller (a row action) opened the chain for: its column gets the focus first. */
  right: OptionRight | null;
  loading: boolean;
  error: string | null;
  /** Why some options in view have no quotes (the line allowance), in the gateway's words. */
  linesMessage: string | null;
}

const closed: ChainSlice = {
  symbol: null,
  chain: null,
  expiry: null,
  strikesEachSide: DEFAULT_STRIKES_EACH_SIDE,
  rows: null,
  right: null,
  loading: false,
  error: null,
  linesMessage: null,
};

export const useChainStore = create<ChainSlice>(() => closed);

/** Whether the chain pane is open: the panes above it keep their rows then, not their usual share. */
export const useChainOpen = () => useChainStore((s) => s.symbol !== null);

/** Every request bumps this; an answer to an older one is dropped (the person moved on). */
let generation = 0;

/**
 * Opens the option chain panel on an underlying: its first monthly expiry (or `expiry`, when listed), the
 * strikes around the money. The name is kept stable: row actions elsewhere open the chain through it.
 */
export async function openChain(
  symbol: string,
  options: { conId?: number; expiry?: string; right?: OptionRight } = {},
): Promise<void> {
  const mine = ++generation;
  const { strikesEachSide } = useChainStore.getState();
  useChainStore.setState({ ...closed, strikesEachSide, symbol, right: options.right ?? null, loading: true });
  const underlying = options.conId === undefined ? { symbol } : { symbol, conId: options.conId };
  const result = await gatehouse().options.chain({ underlying });
  if (mine !== generation) return;
  if (!result.ok) {
    useChainStore.setState({ loading: false, error: result.error.message });
    return;
  }
  const chain = result.value;
  const listed = chain.expiries.find((entry) => entry.expiry === options.expiry);
  const first = listed ?? chain.expiries.find((entry) => entry.kind === 'monthly') ?? chain.expiries[0];
  useChainStore.setState({ chain, expiry: first?.expiry ?? null });
  await loadRows();
}

export async function chooseExpiry(expiry: string): Promise<void> {
  useChainStore.setState({ expiry });
  await loadRows();
}

export async function chooseStrikesEachSide(strikesEachSide: number): Promise<void> {
  useChainStore.setState({ strikesEachSide });
  await loadRows();
}

export function closeChain(): void {
  generation++;
  inView = [];
  pinned = null;
  useChainStore.setState({ ...closed, strikesEachSide: useChainStore.getState().strikesEachSide });
  void gatehouse().options.close();
}

/** The options in the grid's view, and one a dialog prices (a roll's new leg), watched whether in view or not. */
let inView: readonly number[] = [];
let pinned: number | null = null;

/** The options the grid shows now; their quotes come in the market batches, the latest at once here. */
export async function watchVisible(conIds: readonly number[]): Promise<void> {
  inView = conIds;
  const mine = generation;
  const wanted =
    pinned === null || conIds.includes(pinned) ? [...conIds] : [...conIds.slice(0, MAX_WATCHED_OPTIONS - 1), pinned];
  const result = await gatehouse().options.watchRows({ conIds: wanted });
  if (mine !== generation) return;
  if (!result.ok) {
    useChainStore.setState({ linesMessage: result.error.message });
    return;
  }
  useChainStore.setState({ linesMessage: result.value.message });
  applyQuotes(result.value.quotes);
}

/** Keeps a quote line on an option of the loaded rows (null: none) while the grid's view changes. */
export function pinOption(conId: number | null): Promise<void> {
  if (conId === pinned) return Promise.resolve();
  pinned = conId;
  return watchVisible(inView);
}

async function loadRows(): Promise<void> {
  const mine = ++generation;
  const { chain, expiry, strikesEachSide } = useChainStore.getState();
  if (chain === null || expiry === null) {
    useChainStore.setState({ loading: false, error: chain === null ? null : 'This chain lists no expiries.' });
    return;
  }
  useChainStore.setState({ loading: true, error: null });
  const result = await gatehouse().options.rows({ underlyingConId: chain.underlying.conId, expiry, strikesEachSide });
  if (mine !== generation) return;
  if (!result.ok) useChainStore.setState({ loading: false, error: result.error.message });
  else useChainStore.setState({ loading: false, rows: result.value });
}
