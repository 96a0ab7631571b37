import { ipcApi, type EventName, type EventPayload } from '../../shared/api';

export type EventListener = (event: EventName, payload: unknown) => void;

/**
 * Services publish contract events here; each transport binding listens and forwards. Payloads are
 * checked against the contract once, at publication, so no transport ever ships an invalid event.
 */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  constructor(private readonly logError: (message: string, error: unknown) => void) {}

  publish<E extends EventName>(event: E, payload: EventPayload<E>): void {
    const parsed = ipcApi.events[event].safeParse(payload);
    if (!parsed.success) {
      this.logError(`event ${event} dropped: outside the contract`, parsed.error);
      return;
    }
    for (const listener of this.listeners) listener(event, parsed.data);
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get size(): number {
    return this.listeners.size;
  }
}
