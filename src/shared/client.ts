import type { EventName, EventPayload, RequestInput, RequestName, RequestOutput } from './api';
import { REQUEST_NAMES } from './api/request-names';
import type { Result } from './result';

/** What a transport must provide; the IPC preload and the harness WebSocket both implement it. */
export interface Transport {
  call(method: string, input: unknown): Promise<Result<unknown>>;
  /** Listen to one event stream; returns the function that stops listening. */
  listen(event: string, listener: (payload: unknown) => void): () => void;
}

type Room<N extends string> = N extends `${infer R}.${string}` ? R : never;
type Verb<N extends string, R extends string> = N extends `${R}.${infer V}` ? V : never;

type Method<N extends RequestName> = [RequestInput<N>] extends [void | undefined]
  ? () => Promise<Result<RequestOutput<N>>>
  : (input: RequestInput<N>) => Promise<Result<RequestOutput<N>>>;

/** `gatehouse.session.status()`, `gatehouse.on('session.state', fn)` — the renderer's whole view of the app. */
export type GatehouseApi = {
  [R in Room<RequestName>]: { [V in Verb<RequestName, R>]: Method<`${R}.${V}` & RequestName> };
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

/**
 * Builds the typed surface from the contract's request names, so both transports expose exactly the same
 * methods. Validation is the server's job; the client only shapes calls.
 */
export function createClient(transport: Transport): GatehouseApi {
  const api: Record<string, Record<string, (input?: unknown) => Promise<Result<unknown>>>> = {};
  for (const name of REQUEST_NAMES) {
    const [room, verb] = name.split('.') as [string, string];
    (api[room] ??= {})[verb] = (input?: unknown) => transport.call(name, input);
  }
  const on = (event: string, listener: (payload: unknown) => void) => transport.listen(event, listener);
  return { ...api, on } as unknown as GatehouseApi;
}
