import { z } from 'zod';
import { request, type ContractShape } from './define';
import { SessionStateSchema, TradingModeSchema } from '../session';

const AppInfoSchema = z.object({
  name: z.literal('Gatehouse'),
  version: z.string(),
  /** Which shell runs the services: the Electron app or the browser harness. */
  shell: z.enum(['electron', 'harness']),
  /** Things the person must know from start-up, e.g. a settings file that could not be used. */
  notices: z.array(z.string()),
});

/**
 * The one contract between the renderer and the services. Names are `room.verb`; the client exposes
 * each as `gatehouse.room.verb(input)`. Adding a call: add it here, implement it in src/core/app.ts —
 * the compiler then requires both transports' clients and the router to agree.
 */
export const contract = {
  requests: {
    'app.info': request(z.void(), AppInfoSchema, 'Name, version and shell of the running app.'),
    'session.status': request(z.void(), SessionStateSchema, 'The gateway session as it is now.'),
    'session.reconnect': request(z.void(), z.void(), 'Drop the gateway connection and connect again.'),
    'session.setMode': request(
      z.strictObject({ mode: TradingModeSchema }),
      SessionStateSchema,
      'Switch between the demo simulator, a paper gateway and a live gateway.',
    ),
    'session.armLive': request(
      z.strictObject({ confirmation: z.string().max(20) }),
      SessionStateSchema,
      'Arm live trading for this session; the confirmation must be the word LIVE, typed.',
    ),
    'session.disarm': request(z.void(), SessionStateSchema, 'Disarm live trading until armed again.'),
    'session.setReadOnly': request(
      z.strictObject({ readOnly: z.boolean() }),
      SessionStateSchema,
      'Turn order entry off (read-only) or back on, in every mode; remembered between runs.',
    ),
  },
  events: {
    'session.state': SessionStateSchema,
  },
} as const satisfies ContractShape;

export type Contract = typeof contract;
export type RequestName = keyof Contract['requests'];
export type EventName = keyof Contract['events'];
export type RequestInput<N extends RequestName> = z.input<Contract['requests'][N]['input']>;
export type RequestOutput<N extends RequestName> = z.output<Contract['requests'][N]['output']>;
export type EventPayload<N extends EventName> = z.output<Contract['events'][N]>;
