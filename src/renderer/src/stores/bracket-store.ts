import { create } from 'zustand';
import type { BracketPreview, BracketRequestInput, BracketResult } from '../../../shared/bracket';
import type { ApiError } from '../../../shared/result';
import { closeTicket, gatehouse, useOrderStore } from './ticket-store';

/** The bracket's preview (one group, three legs) and what its transmit did, leg by leg. */
interface BracketSlice {
  previewing: boolean;
  preview: BracketPreview | null;
  error: ApiError | null;
  submitting: boolean;
  result: BracketResult | null;
}

const initial: BracketSlice = { previewing: false, preview: null, error: null, submitting: false, result: null };

export const useBracketStore = create<BracketSlice>(() => initial);

export async function requestBracketPreview(request: BracketRequestInput): Promise<void> {
  useBracketStore.setState({ previewing: true, error: null, result: null });
  const answer = await gatehouse().orders.previewBracket(request);
  useBracketStore.setState(
    answer.ok ? { previewing: false, preview: answer.value } : { previewing: false, error: answer.error },
  );
  // The ticket's own error line shows why there is no preview.
  if (!answer.ok) useOrderStore.setState({ previewError: answer.error });
}

/** Sends the bracket whole or not at all; each leg's outcome is shown on its row, never as one "sent". */
export async function transmitBracket(acknowledgements: string[]): Promise<void> {
  const preview = useBracketStore.getState().preview;
  if (!preview) return;
  useBracketStore.setState({ submitting: true, error: null });
  const answer = await gatehouse().orders.submitBracket({ groupId: preview.groupId, acknowledgements });
  if (!answer.ok) {
    useBracketStore.setState({ submitting: false, error: answer.error });
    return;
  }
  useOrderStore.setState((s) => {
    const orders = { ...s.orders };
    for (const leg of answer.value.legs) {
      if (leg.result.outcome === 'sent') orders[leg.result.order.orderId] ??= leg.result.order;
    }
    return { orders };
  });
  useBracketStore.setState({ submitting: false, result: answer.value });
  if (answer.value.outcome === 'sent') closeTicket();
}

/** Closes the dialog; the quote lines of legs that were not sent are given back. */
export function closeBracket(): void {
  const { preview, result } = useBracketStore.getState();
  if (result?.outcome !== 'sent')
    for (const leg of preview?.legs ?? []) void gatehouse().orders.discard({ previewId: leg.preview.previewId });
  useBracketStore.setState(initial);
}
