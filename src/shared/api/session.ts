import { z } from 'zod';
import { request, type EventMap, type RequestMap } from './define';
import { SessionStateSchema, TradingModeSchema } from '../session';

const AppInfoSchema = z.object({
  name: z.literal('Gatehouse'),
  version: z.string(),
  /** Which shell runs the services: the Electron app or the browser harness. */
  shell: z.enum(['electron', 'harness']),
  /** Things the person must know from start-up, e.g. a settings file that could not be used. */
  notices: z.array(z.string()),
});

/** The app itself and the gateway session: connection state, mode, arming and read-only. */
export const sessionRequests = {
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
  'session.activity': request(
    z.void(),
    z.void(),
    'The person is using the window: restarts the clock that disarms idle live trading.',
  ),
  'session.setReadOnly': request(
    z.strictObject({ readOnly: z.boolean() }),
    SessionStateSchema,
    'Turn order entry off (read-only) or back on, in every mode; remembered between runs.',
  ),
} as const satisfies RequestMap;

export const sessionEvents = {
  'session.state': SessionStateSchema,
} as const satisfies EventMap;
