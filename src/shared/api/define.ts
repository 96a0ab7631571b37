import type { z } from 'zod';

/** One request of the contract: what the caller sends and what it gets back. */
export interface RequestDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** One line for the contract's readers; also shown by the harness for unknown methods. */
  summary: string;
}

export const request = <I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
  summary: string,
): RequestDef<I, O> => ({ input, output, summary });

export type RequestMap = Record<string, RequestDef>;
export type EventMap = Record<string, z.ZodType>;
/** One-way messages from the window: validated like a request's input, never answered. */
export type SignalMap = Record<string, z.ZodType>;

export interface ContractShape {
  requests: RequestMap;
  events: EventMap;
  signals: SignalMap;
}
