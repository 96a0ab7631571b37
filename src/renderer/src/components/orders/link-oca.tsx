import { create } from 'zustand';
import { report, useNoticeStore } from '../../stores/notice-store';

/** The working orders a person chose in the open-orders grid to link as one-cancels-all. */
export const useLinkStore = create<{ chosen: number[]; linking: boolean }>(() => ({ chosen: [], linking: false }));

export function chooseToLink(orderId: number, on: boolean): void {
  useLinkStore.setState((s) => ({
    chosen: on ? [...new Set([...s.chosen, orderId])] : s.chosen.filter((id) => id !== orderId),
  }));
}

/**
 * Links the chosen orders: the server refuses orders of different accounts (IBKR's groups are per account)
 * or of another client, with a sentence shown as a notice; on success the grid's group column fills in.
 */
export function LinkOcaButton() {
  const { chosen, linking } = useLinkStore();
  const link = async () => {
    useLinkStore.setState({ linking: true });
    const answer = await report(window.gatehouse.orders.linkOca({ orderIds: chosen }));
    if (answer) useNoticeStore.getState().push('info', answer.message);
    useLinkStore.setState({ linking: false, chosen: answer ? [] : chosen });
  };
  return (
    <button type="button" disabled={chosen.length < 2 || linking} onClick={() => void link()}>
      Link as one-cancels-all{chosen.length > 0 ? ` (${chosen.length})` : ''}
    </button>
  );
}
