import { create } from 'zustand';
import type { GatehouseApi } from '../../../shared/client';
import type { KillSwitchState, OrderPreview, TicketAccount, TrackedOrder } from '../../../shared/orders';
import type { ApiError } from '../../../shared/result';
import type { Check, OrderTicketInput } from '../../../shared/ticket';

/** What a watchlist or position row may fill in when it opens the ticket. */
export type TicketPrefill = Partial<Omit<OrderTicketInput, 'contract'>> & {
  contract?: Partial<OrderTicketInput['contract']>;
  /** A quantity sized by the account's own figures: the contracts for another account, when it is chosen. */
  resize?: (account: string) => Promise<number | null>;
};

interface OrderSlice {
  ticketOpen: boolean;
  /** Bumped on every openTicket, so the form resets to the new prefill even when already open. */
  ticketKey: number;
  prefill: TicketPrefill;
  accounts: TicketAccount[];
  /** Why the ticket's accounts could not be loaded, until a load succeeds; the ticket offers a Retry. */
  accountsError: string | null;
  previewing: boolean;
  /** Why the last preview failed (a ticket field, no gateway…). */
  previewError: ApiError | null;
  preview: OrderPreview | null;
  /** The checks as re-run at submit, when the submit was refused. */
  submitChecks: Check[] | null;
  submitRefusal: string | null;
  submitting: boolean;
  orders: Record<number, TrackedOrder>;
  killSwitch: KillSwitchState | null;
  /** The order this window sent last: what the cancel-last shortcut cancels. */
  lastSentOrderId: number | null;
}

const initial: OrderSlice = {
  ticketOpen: false,
  ticketKey: 0,
  prefill: {},
  accounts: [],
  accountsError: null,
  previewing: false,
  previewError: null,
  preview: null,
  submitChecks: null,
  submitRefusal: null,
  submitting: false,
  orders: {},
  killSwitch: null,
  lastSentOrderId: null,
};

export const useOrderStore = create<OrderSlice>(() => initial);

let api: GatehouseApi | null = null;
/** The client the orders feed started with (the allocation store shares it). */
export const gatehouse = (): GatehouseApi => {
  if (!api) throw new Error('startOrdersFeed has not run');
  return api;
};

/** Opens the ticket (F2 / Ctrl+T, or a watchlist or position row with its prefill). */
export function openTicket(prefill: TicketPrefill = {}): void {
  useOrderStore.setState((s) => ({ ticketOpen: true, ticketKey: s.ticketKey + 1, prefill, previewError: null }));
  void loadAccounts();
}

export function closeTicket(): void {
  useOrderStore.setState({ ticketOpen: false, previewError: null });
}

/** While the ticket is open and the accounts or a kind are still unknown, the list is asked for again this often. */
const UNKNOWN_KIND_RETRY_MS = 2_000;
let accountsRetry: ReturnType<typeof setTimeout> | undefined;

/** The accounts an order can go to; also the ticket's Retry after a failed load. */
export async function loadAccounts(): Promise<void> {
  clearTimeout(accountsRetry);
  const result = await gatehouse().orders.accounts();
  if (!result.ok) {
    useOrderStore.setState({ accountsError: `The accounts could not be loaded: ${result.error.message}` });
    return;
  }
  useOrderStore.setState({ accounts: result.value, accountsError: null });
  // Asked again while the gateway has reported no accounts yet (right after a reconnect), and until every
  // account is choosable: that is once IBKR's AccountType arrives (or the person sets its kind).
  const waiting = result.value.length === 0 || result.value.some((a) => a.kind === null);
  if (waiting && useOrderStore.getState().ticketOpen) {
    accountsRetry = setTimeout(() => void loadAccounts(), UNKNOWN_KIND_RETRY_MS);
  }
}

export async function requestPreview(ticket: OrderTicketInput): Promise<void> {
  useOrderStore.setState({ previewing: true, previewError: null });
  const result = await gatehouse().orders.preview(ticket);
  useOrderStore.setState(
    result.ok
      ? { previewing: false, preview: result.value, submitChecks: null, submitRefusal: null }
      : { previewing: false, previewError: result.error },
  );
}

/** The dialog closed without sending: the preview's held quote line is given back. */
export function closePreview(): void {
  const preview = useOrderStore.getState().preview;
  useOrderStore.setState({ preview: null, submitChecks: null, submitRefusal: null, submitting: false });
  if (preview) void gatehouse().orders.discard({ previewId: preview.previewId });
}

/** Sends the previewed order; on success the dialog closes and the order appears in the status list. */
export async function transmit(acknowledgements: string[]): Promise<void> {
  const preview = useOrderStore.getState().preview;
  if (!preview) return;
  useOrderStore.setState({ submitting: true, submitRefusal: null });
  const result = await gatehouse().orders.submit({ previewId: preview.previewId, acknowledgements });
  if (!result.ok) {
    useOrderStore.setState({ submitting: false, submitRefusal: result.error.message });
    return;
  }
  const value = result.value;
  if (value.outcome === 'refused') {
    useOrderStore.setState({
      submitting: false,
      submitRefusal: value.reason,
      submitChecks: value.checks.length > 0 ? value.checks : null,
    });
    return;
  }
  useOrderStore.setState((s) => ({
    submitting: false,
    preview: null,
    submitChecks: null,
    ticketOpen: false,
    lastSentOrderId: value.order.orderId,
    orders: { ...s.orders, [value.order.orderId]: s.orders[value.order.orderId] ?? value.order },
  }));
}

export async function engageKillSwitch(): Promise<ApiError | null> {
  const result = await gatehouse().orders.killSwitch();
  if (result.ok) useOrderStore.setState({ killSwitch: result.value });
  return result.ok ? null : result.error;
}

export async function rearm(confirmation: string): Promise<ApiError | null> {
  const result = await gatehouse().orders.rearm({ confirmation });
  if (result.ok) useOrderStore.setState({ killSwitch: result.value });
  return result.ok ? null : result.error;
}

/** Subscribes before asking, so no update published between the two is missed. */
export function startOrdersFeed(client: GatehouseApi): () => void {
  api = client;
  const stops = [
    client.on('orders.update', (order) =>
      useOrderStore.setState((s) => ({ orders: { ...s.orders, [order.orderId]: order } })),
    ),
    client.on('orders.killSwitch', (killSwitch) => useOrderStore.setState({ killSwitch })),
  ];
  void client.orders.list().then((result) => {
    if (!result.ok) return;
    useOrderStore.setState((s) => ({
      orders: { ...Object.fromEntries(result.value.map((o) => [o.orderId, o])), ...s.orders },
    }));
  });
  void client.orders.killSwitchState().then((result) => {
    if (result.ok) useOrderStore.setState({ killSwitch: result.value });
  });
  return () => stops.forEach((stop) => stop());
}
