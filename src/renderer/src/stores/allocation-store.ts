import { create } from 'zustand';
import type { AllocationPreview, AllocationRequestInput, AllocationResult } from '../../../shared/allocation';
import type { ApiError } from '../../../shared/result';
import { closeTicket, gatehouse, useOrderStore } from './ticket-store';

/** The allocation ticket's preview and what its transmit did, account by account. */
interface AllocationSlice {
  previewing: boolean;
  preview: AllocationPreview | null;
  error: ApiError | null;
  submitting: boolean;
  result: AllocationResult | null;
}

const initial: AllocationSlice = { previewing: false, preview: null, error: null, submitting: false, result: null };

export const useAllocationStore = create<AllocationSlice>(() => initial);

export async function requestAllocationPreview(request: AllocationRequestInput): Promise<void> {
  useAllocationStore.setState({ previewing: true, error: null, result: null });
  const answer = await gatehouse().orders.previewAllocation(request);
  useAllocationStore.setState(
    answer.ok ? { previewing: false, preview: answer.value } : { previewing: false, error: answer.error },
  );
  // The ticket's own error line shows why there is no preview.
  if (!answer.ok) useOrderStore.setState({ previewError: answer.error });
}

/** Sends the kept children; each account's outcome is shown on its row, never as one "sent". */
export async function transmitAllocation(children: { previewId: string; acknowledgements: string[] }[]) {
  const preview = useAllocationStore.getState().preview;
  if (!preview) return;
  useAllocationStore.setState({ submitting: true, error: null });
  const answer = await gatehouse().orders.submitAllocation({ allocationId: preview.allocationId, children });
  if (!answer.ok) {
    useAllocationStore.setState({ submitting: false, error: answer.error });
    return;
  }
  useOrderStore.setState((s) => {
    const orders = { ...s.orders };
    for (const child of answer.value.children) {
      if (child.result.outcome === 'sent') orders[child.result.order.orderId] ??= child.result.order;
    }
    return { orders };
  });
  useAllocationStore.setState({ submitting: false, result: answer.value });
  closeTicket();
}

/** Closes the dialog; the quote lines of children that were not sent are given back. */
export function closeAllocation(): void {
  const { preview, result } = useAllocationStore.getState();
  const sent = new Set(result?.children.filter((c) => c.result.outcome === 'sent').map((c) => c.previewId));
  for (const row of preview?.rows ?? []) {
    if (row.preview && !sent.has(row.preview.previewId))
      void gatehouse().orders.discard({ previewId: row.preview.previewId });
  }
  useAllocationStore.setState(initial);
}
