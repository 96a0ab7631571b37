import { create } from 'zustand';
import type { PositionRow } from '../../../shared/accounts';
import type { ApiError } from '../../../shared/result';
import type { RollPreview, RollRequestInput, RollResult } from '../../../shared/roll';
import { chooseExpiry, openChain, useChainStore } from './chain-store';
import { nextMonthlyAfter } from '../components/options/roll-choices';
import { gatehouse, useOrderStore } from './ticket-store';

/**
 * The roll of one short option position: what the person chose (the chain store holds the new expiry and its
 * strikes, so the chain panel shows what the dialog offers), the preview once asked for and the outcome.
 */

/** A short option as the positions grid names it: the Roll action is offered only with all of these. */
export type ShortOption = PositionRow & { expiry: string; right: 'C' | 'P'; strike: number };

export const isShortOption = (row: PositionRow): row is ShortOption =>
  row.secType === 'OPT' &&
  row.quantity < 0 &&
  !row.external &&
  row.expiry !== undefined &&
  row.right !== undefined &&
  row.strike !== undefined;

interface RollSlice {
  position: ShortOption | null;
  /** Null until the new expiry's strikes have loaded and the default is placed. */
  strike: number | null;
  contracts: number;
  /** The net limit per contract as the person reads it: a credit or a debit, and its amount as typed. */
  netSide: 'credit' | 'debit';
  netText: string;
  /** Once the person types a net limit, a moving market no longer replaces it. */
  netEdited: boolean;
  previewing: boolean;
  preview: RollPreview | null;
  submitting: boolean;
  result: RollResult | null;
  error: ApiError | null;
}

const closed: RollSlice = {
  position: null,
  strike: null,
  contracts: 0,
  netSide: 'credit',
  netText: '',
  netEdited: false,
  previewing: false,
  preview: null,
  submitting: false,
  result: null,
  error: null,
};

export const useRollStore = create<RollSlice>(() => closed);

/** Opens the roll of a short option: its chain at the next monthly expiry, all its contracts. */
export async function startRoll(position: ShortOption): Promise<void> {
  useRollStore.setState({ ...closed, position, contracts: -position.quantity });
  await openChain(position.symbol, { right: position.right });
  const { chain, expiry } = useChainStore.getState();
  const next = chain ? nextMonthlyAfter(chain.expiries, position.expiry) : null;
  if (next !== null && next !== expiry && useRollStore.getState().position === position) await chooseExpiry(next);
}

/** A new leg has a new market: the net limit starts again from its mid. */
const NET_AGAIN = { netSide: 'credit', netText: '', netEdited: false } as const;

export function chooseRollExpiry(expiry: string): Promise<void> {
  useRollStore.setState({ strike: null, ...NET_AGAIN });
  return chooseExpiry(expiry);
}

export function chooseRollStrike(strike: number): void {
  useRollStore.setState({ strike, ...NET_AGAIN });
}

export function setRollContracts(contracts: number): void {
  useRollStore.setState({ contracts });
}

/** The net limit per contract in IBKR's combo sign (debit positive); null while none is given. */
export function netLimitOf(s: Pick<RollSlice, 'netSide' | 'netText'>): number | null {
  const value = Number(s.netText);
  if (s.netText.trim() === '' || !Number.isFinite(value) || value < 0) return null;
  return s.netSide === 'credit' ? -value : value;
}

/** The person's net limit: it stays, whatever the market does. */
export function typeNetLimit(netSide: 'credit' | 'debit', netText: string): void {
  useRollStore.setState({ netSide, netText, netEdited: true });
}

/** The default net limit (the mid of the net market), until the person types one. */
export function offerNetLimit(net: number): void {
  if (useRollStore.getState().netEdited) return;
  useRollStore.setState({ netSide: net > 0 ? 'debit' : 'credit', netText: Math.abs(net).toFixed(2) });
}

export async function previewRoll(): Promise<void> {
  const state = useRollStore.getState();
  const { position, strike, contracts } = state;
  const netLimit = netLimitOf(state);
  const expiry = useChainStore.getState().expiry;
  if (!position || strike === null || expiry === null || netLimit === null) return;
  const request: RollRequestInput = {
    account: position.account,
    close: {
      symbol: position.symbol,
      secType: 'OPT',
      currency: position.currency,
      exchange: 'SMART',
      conId: position.conId,
      lastTradeDate: position.expiry,
      strike: position.strike,
      right: position.right,
    },
    open: { lastTradeDate: expiry, strike },
    contracts,
    netLimit,
  };
  useRollStore.setState({ previewing: true, error: null, result: null });
  const answer = await gatehouse().orders.previewRoll(request);
  useRollStore.setState(
    answer.ok ? { previewing: false, preview: answer.value } : { previewing: false, error: answer.error },
  );
}

/** A roll not sent gives back the quote lines its legs' previews hold. */
function discardUnsent(): void {
  const { preview, result } = useRollStore.getState();
  if (result?.result.outcome === 'sent') return;
  for (const leg of preview?.legs ?? []) void gatehouse().orders.discard({ previewId: leg.previewId });
}

/** Back from the confirmation to the choices, keeping them. */
export function backToChoices(): void {
  discardUnsent();
  useRollStore.setState({ preview: null, result: null, error: null });
}

/** Sends the roll as one order, or is told why nothing was sent. */
export async function transmitRoll(acknowledgements: string[]): Promise<void> {
  const preview = useRollStore.getState().preview;
  if (!preview) return;
  useRollStore.setState({ submitting: true, error: null });
  const answer = await gatehouse().orders.submitRoll({ groupId: preview.groupId, acknowledgements });
  if (!answer.ok) {
    useRollStore.setState({ submitting: false, error: answer.error });
    return;
  }
  const { result } = answer.value;
  if (result.outcome === 'sent') {
    useOrderStore.setState((s) => ({
      orders: { ...s.orders, [result.order.orderId]: s.orders[result.order.orderId] ?? result.order },
    }));
  }
  useRollStore.setState({ submitting: false, result: answer.value });
}

export function closeRoll(): void {
  discardUnsent();
  useRollStore.setState(closed);
}
