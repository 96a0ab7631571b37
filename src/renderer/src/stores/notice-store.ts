import { create } from 'zustand';
import type { Result } from '../../../shared/result';

export interface Notice {
  id: number;
  tone: 'error' | 'info';
  message: string;
}

interface NoticeSlice {
  notices: Notice[];
  push(tone: Notice['tone'], message: string): void;
  dismiss(id: number): void;
}

let nextId = 1;

/** Messages the person must see: failed calls, start-up warnings. They stay until dismissed. */
export const useNoticeStore = create<NoticeSlice>((set) => ({
  notices: [],
  push: (tone, message) => set((s) => ({ notices: [...s.notices, { id: nextId++, tone, message }].slice(-5) })),
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
}));

/** Unwraps a call's result, reporting a failure as a notice; returns null when it failed. */
export async function report<T>(call: Promise<Result<T>>): Promise<T | null> {
  const result = await call;
  if (result.ok) return result.value;
  useNoticeStore.getState().push('error', result.error.message);
  return null;
}
