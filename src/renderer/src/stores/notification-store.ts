import { create } from 'zustand';
import type { GatehouseApi } from '../../../shared/client';
import type { NotificationEvent, NotificationSettings } from '../../../shared/notifications';
import { playFillSound } from '../components/notifications/fill-sound';
import { report, useNoticeStore } from './notice-store';

export interface Toast extends NotificationEvent {
  id: number;
}

interface NotificationSlice {
  toasts: Toast[];
  settings: NotificationSettings | null;
}

export const useNotificationStore = create<NotificationSlice>(() => ({ toasts: [], settings: null }));

/** Long enough to read two lines; a rejection stays until closed, since the order did not happen. */
export const TOAST_MS = 6_000;
const MAX_TOASTS = 5;

let api: GatehouseApi | null = null;
let nextId = 1;

export function dismissToast(id: number): void {
  useNotificationStore.setState((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
}

function show(event: NotificationEvent): void {
  const toast = { ...event, id: nextId++ };
  useNotificationStore.setState((s) => ({ toasts: [...s.toasts, toast].slice(-MAX_TOASTS) }));
  if (event.kind !== 'rejected') setTimeout(() => dismissToast(toast.id), TOAST_MS);
  if (event.sound) playFillSound();
  const os = useNotificationStore.getState().settings?.os ?? false;
  // In Electron the page's Notification is the OS notification; in the harness it is the browser's.
  if (os && typeof Notification !== 'undefined' && Notification.permission === 'granted') {
    new Notification(event.title, { body: event.body, silent: true });
  }
}

/** Subscribes before asking for the settings, so no notification is missed while they load. */
export function startNotificationFeed(client: GatehouseApi): () => void {
  api = client;
  const stop = client.on('notifications.event', show);
  void report(client.notifications.settings()).then((settings) => {
    if (settings) useNotificationStore.setState({ settings });
  });
  return stop;
}

/** Asks the OS for permission the first time OS notifications are turned on; a refusal leaves them off. */
export async function saveNotificationSettings(next: NotificationSettings): Promise<void> {
  if (api === null) return;
  let wanted = next;
  if (next.os && typeof Notification !== 'undefined' && Notification.permission !== 'granted') {
    if ((await Notification.requestPermission()) !== 'granted') {
      useNoticeStore
        .getState()
        .push('info', 'OS notifications were not allowed; Gatehouse shows them in the window only.');
      wanted = { ...next, os: false };
    }
  }
  const saved = await report(api.notifications.setSettings(wanted));
  if (saved) useNotificationStore.setState({ settings: saved });
}
