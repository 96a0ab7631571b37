import type { EventName, EventPayload, RequestInput, RequestName, RequestOutput, SignalInput, SignalName } from './api';
import { REQUEST_NAMES, SIGNAL_NAMES } from './api/request-names';
import type { Result } from './result';

/** What a transport must provide; the IPC preload and the harness WebSocket both implement it. */
export interface Transport {
  call(method: string, input: unknown): Promise<Result<unknown>>;
  /** A one-way message: sent if the link is up, never answered; the services log a malformed one. */
  signal(name: string, input: unknown): void;
  /** Listen to one event stream; returns the function that stops listening. */
  listen(event: string, listener: (payload: unknown) => void): () => void;
}

type Room<N extends string> = N extends `${infer R}.${string}` ? R : never;
type Verb<N extends string, R extends string> = N extends `${R}.${infer V}` ? V : never;

type Method<N extends RequestName> = [RequestInput<N>] extends [void | undefined]
  ? () => Promise<Result<RequestOutput<N>>>
  : (input: RequestInput<N>) => Promise<Result<RequestOutput<N>>>;

type Signal<N extends SignalName> = (input: SignalInput<N>) => void;

type Requests = {
  [R in Room<RequestName>]: { [V in Verb<RequestName, R>]: Method<`${R}.${V}` & RequestName> };
};
type Signals = {
  [R in Room<SignalName>]: { [V in Verb<SignalName, R>]: Signal<`${R}.${V}` & SignalName> };
};

/**
 * `gatehouse.session.status()`, `gatehouse.market.ack({ seq })`, `gatehouse.on('session.state', fn)` — the
 * renderer's whole view of the app.
 */
export type GatehouseApi = Requests &
  Signals & {
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  };

/**
 * Builds the typed surface from the contract's names, so both transports expose exactly the same
 * methods. Validation is the server's job; the client only shapes calls.
 */
export function createClient(transport: Transport): GatehouseApi {
  const api: Record<string, Record<string, (input?: unknown) => unknown>> = {};
  for (const name of REQUEST_NAMES) {
    const [room, verb] = name.split('.') as [string, string];
    (api[room] ??= {})[verb] = (input?: unknown) => transport.call(name, input);
  }
  for (const name of SIGNAL_NAMES) {
    const [room, verb] = name.split('.') as [string, string];
    (api[room] ??= {})[verb] = (input?: unknown) => transport.signal(name, input);
  }
  const on = (event: string, listener: (payload: unknown) => void) => transport.listen(event, listener);
  return { ...api, on } as unknown as GatehouseApi;
}
