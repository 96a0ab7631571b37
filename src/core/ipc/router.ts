import type { z } from 'zod';
import { ipcApi, type IpcApi, type RequestName, type SignalName } from '../../shared/api';
import { AppError, fail, ok, type Result } from '../../shared/result';
import { redactSecrets } from '../log-redaction';
import { describeIssues, secretsIn } from './describe-issues';

type Def<N extends RequestName> = IpcApi['requests'][N];

export type Handlers = {
  [N in RequestName]: (
    input: z.output<Def<N>['input']>,
  ) => Promise<z.input<Def<N>['output']>> | z.input<Def<N>['output']>;
} & {
  [N in SignalName]: (input: z.output<IpcApi['signals'][N]>) => void;
};

/** The handlers of one room's requests and signals, e.g. `RoomHandlers<'accounts.'>` for every `accounts.*`. */
export type RoomHandlers<Prefix extends string> = Pick<
  Handlers,
  Extract<RequestName | SignalName, `${Prefix}${string}`>
>;

export interface Router {
  /** Never throws and never rejects: every outcome is a Result the caller can show. */
  call(method: unknown, input: unknown): Promise<Result<unknown>>;
  /**
   * Handles a one-way message at once. Never throws; nobody waits for an answer, so a refusal is logged here
   * and returned for a transport that can show it.
   */
  signal(name: unknown, input: unknown): Result<void>;
}

export interface RouterOptions {
  /** Where unexpected failures are reported with their stack; the caller sees only a safe message. */
  logError: (message: string, error: unknown) => void;
}

const isRequestName = (name: unknown): name is RequestName =>
  typeof name === 'string' && Object.hasOwn(ipcApi.requests, name);
const isSignalName = (name: unknown): name is SignalName =>
  typeof name === 'string' && Object.hasOwn(ipcApi.signals, name);

const shown = (name: unknown) => (typeof name === 'string' ? `"${name.slice(0, 80)}"` : `a ${typeof name}`);

/** The one server-side path for every request, whichever transport carried it. */
export function createRouter(handlers: Handlers, options: RouterOptions): Router {
  return {
    async call(method, input) {
      if (!isRequestName(method)) return fail('bad_request', `Unknown request ${shown(method)}.`);
      const def: Def<RequestName> = ipcApi.requests[method];
      const parsedInput = def.input.safeParse(input);
      if (!parsedInput.success) {
        // Zod's messages do not quote the input today; a password must not reach the caller if one ever does.
        const issues = describeIssues(parsedInput.error).map((line) => redactSecrets(line, secretsIn(input)));
        return fail('bad_request', `The request ${method} was malformed.`, issues);
      }
      let value: unknown;
      try {
        const handler = handlers[method] as (input: unknown) => unknown;
        value = await handler(parsedInput.data);
      } catch (error) {
        if (error instanceof AppError) return fail(error.code, error.message);
        options.logError(`request ${method} failed`, error);
        return fail('internal', `Gatehouse could not complete ${method}; the details are in the log.`);
      }
      const parsedOutput = def.output.safeParse(value);
      if (!parsedOutput.success) {
        options.logError(`request ${method} answered outside the contract`, parsedOutput.error);
        return fail('bad_response', `Gatehouse produced an invalid answer to ${method}; the details are in the log.`);
      }
      return ok(parsedOutput.data);
    },
    signal(name, input) {
      const refuse = (message: string, issues?: string[]) => {
        options.logError(`signal dropped: ${message}`, issues?.join('; ') ?? message);
        return fail('bad_request', message, issues);
      };
      if (!isSignalName(name)) return refuse(`Unknown signal ${shown(name)}.`);
      const parsed = ipcApi.signals[name].safeParse(input);
      if (!parsed.success) return refuse(`The signal ${name} was malformed.`, describeIssues(parsed.error));
      try {
        (handlers[name] as (input: unknown) => void)(parsed.data);
      } catch (error) {
        options.logError(`signal ${name} failed`, error);
        return fail('internal', `Gatehouse could not handle ${name}; the details are in the log.`);
      }
      return ok(undefined);
    },
  };
}
