import { EventName, type IBApi } from '@stoqey/ib';

/** The parts of @stoqey/ib's controller the fence wraps: private in the typings, stable at run time. */
interface ControllerInternals {
  schedule(command: () => void): void;
  rateLimiter(tokens: unknown[]): void;
  socket: { send(tokens: unknown[]): void };
}

/**
 * Keeps every request on the socket it was made for. @stoqey/ib holds requests in two queues that outlive
 * their socket: commands wait for the gateway's nextValidId, then a pacer sends at most 40 a second. What
 * IBApiNext re-sent to a socket that was refused (326) or dropped went out on the next socket, beside that
 * socket's own re-send: every subscription arrived twice, the gateway answered 322 "duplicate ticker id",
 * and IBApiNext cancelled the line it had. So each request is stamped with its socket's generation when
 * queued and dropped, never sent late, once that socket has closed. An order caught that way reaches the
 * gateway not at all, rather than on a socket the person saw close: the order watchdog says so.
 */
export function fenceQueuedRequests(raw: IBApi, onDropped: (messageId: number | null) => void): void {
  const controller = (raw as unknown as { controller?: Partial<ControllerInternals> }).controller;
  if (
    typeof controller?.schedule !== 'function' ||
    typeof controller.rateLimiter !== 'function' ||
    typeof controller.socket?.send !== 'function'
  ) {
    throw new Error(
      '@stoqey/ib changed: its controller no longer queues requests through schedule → rateLimiter → socket.send; update src/core/gateway/request-fence.ts',
    );
  }
  const { socket } = controller;
  const schedule = controller.schedule.bind(controller);
  const limit = controller.rateLimiter.bind(controller);
  const send = socket.send.bind(socket);
  const paced = new WeakMap<unknown[], number>();
  let generation = 0;
  raw.on(EventName.disconnected, () => generation++);

  controller.schedule = (command) => {
    const stamp = generation;
    schedule(() => (stamp === generation ? command() : onDropped(null)));
  };
  controller.rateLimiter = (tokens) => {
    paced.set(tokens, generation);
    limit(tokens);
  };
  socket.send = (tokens) => {
    // The handshake bypasses the pacer and carries no stamp.
    const stamp = paced.get(tokens);
    if (stamp === undefined || stamp === generation) send(tokens);
    else onDropped(Number(tokens.flat(Infinity)[0]));
  };
}
