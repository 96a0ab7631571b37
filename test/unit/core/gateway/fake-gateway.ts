import type { Clock } from '../../../../src/core/clock';
import type { DemoGateway } from '../../../../src/core/gateway/gateway-session';
import type { IbConnection, IbConnectionEvents } from '../../../../src/core/gateway/ib-connection';

/** A clock the test advances by hand; timers fire in time order. */
export class ManualClock implements Clock {
  private time = 1_000_000;
  private timers: { at: number; fn: () => void; id: number }[] = [];
  private nextId = 1;

  now(): number {
    return this.time;
  }

  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.push({ at: this.time + ms, fn, id });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }

  /** Runs every timer due within `ms`, letting promise callbacks settle between them. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      await flush();
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.time = due.at;
      due.fn();
    }
    this.time = end;
    await flush();
  }

  pending(): number {
    return this.timers.length;
  }
}

export const flush = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

/** Scripted gateway behaviour for one endpoint. */
export class FakeConnection implements IbConnection {
  readonly api = {} as IbConnection['api'];
  connects: number[] = [];
  disconnects = 0;
  disposed = false;
  /** Whether the next connect succeeds. */
  accept = true;
  /** Whether currentTime() answers (false: a stalled, half-open socket). */
  answering = true;
  accounts = ['DU1000001', 'DU1000002', 'DU1000003'];
  /** Whether IB accepts the client: if not, the socket opens but no accounts come, as before a 326. */
  acceptsClient = true;
  up = false;

  constructor(readonly events: IbConnectionEvents) {}

  connect(clientId: number): void {
    this.connects.push(clientId);
    this.up = this.accept;
    this.events.onSocket(this.accept);
  }

  disconnect(): void {
    this.disconnects++;
    if (this.up) {
      this.up = false;
      this.events.onSocket(false);
    }
  }

  /** The gateway closes the socket (drop / restart). */
  drop(): void {
    this.up = false;
    this.events.onSocket(false);
  }

  serverVersion(): number | null {
    return this.up ? 178 : null;
  }

  currentTime(): Promise<number> {
    return this.answering ? Promise.resolve(1) : new Promise(() => {});
  }

  managedAccounts(): Promise<string[]> {
    return this.acceptsClient ? Promise.resolve(this.accounts) : new Promise(() => {});
  }

  dispose(): void {
    this.disposed = true;
    this.disconnect();
  }
}

export class FakeDemo implements DemoGateway {
  starts = 0;
  stops = 0;
  async start() {
    this.starts++;
    return { port: 40123 };
  }
  async stop() {
    this.stops++;
  }
}
