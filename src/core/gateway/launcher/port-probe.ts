import { connect } from 'node:net';

/** Whether something accepts TCP connections on host:port right now. */
export function portOpen(host: string, port: number, timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export interface WaitForPortOptions {
  timeoutMs: number;
  intervalMs?: number;
  /** Called before each probe with the seconds waited so far. */
  onWait?: (waitedSeconds: number) => void;
  /** Resolves with a reason to stop waiting (the process that should open the port ended). */
  abandon?: Promise<string>;
}

/** Resolves when the port opens; rejects with the abandon reason or a timeout. */
export async function waitForPort(host: string, port: number, options: WaitForPortOptions): Promise<void> {
  const started = Date.now();
  const intervalMs = options.intervalMs ?? 500;
  let abandoned: string | null = null;
  void options.abandon?.then((reason) => (abandoned = reason));
  for (;;) {
    if (abandoned !== null) throw new Error(abandoned);
    const waited = Date.now() - started;
    if (waited > options.timeoutMs)
      throw new Error(`port ${port} did not open within ${Math.round(options.timeoutMs / 1000)} s`);
    options.onWait?.(Math.floor(waited / 1000));
    if (await portOpen(host, port)) return;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
