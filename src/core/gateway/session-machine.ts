import type { SessionState, TradingMode } from '../../shared/session';
import { initialSessionState } from '../session/session-source';
import { classifyGatewayMessage } from './ib-codes';

/** Where the socket is; `up` is shown as connected or degraded depending on the conditions below. */
export type Phase = 'disconnected' | 'connecting' | 'up' | 'reconnecting';

export interface MachineState {
  phase: Phase;
  /** 1100 / 2110 seen and not yet followed by 1101 / 1102. */
  upstreamLost: boolean;
  /** The last heartbeat went unanswered. */
  heartbeatLate: boolean;
  /** Live trading armed for this session by typing LIVE; a mode change or a disarm clears it. */
  liveArmed: boolean;
  /** Why Gatehouse itself disarmed live trading (idle), shown until armed again. */
  disarmReason: string | null;
  /** Reconnects scheduled since a socket last came up: the backoff's exponent. */
  attempt: number;
  /** Added to the settings' client id after IB answered 326 (client id in use). */
  clientIdOffset: number;
  /** 326 answers since a socket was last accepted: the give-up limit counts these, not a day's worth. */
  refusedInARow: number;
  /** An up socket closed and none has come up since: a refused reconnect then means a gateway restart. */
  droppedSinceUp: boolean;
  session: SessionState;
}

export type MachineEvent =
  | { type: 'open'; mode: TradingMode }
  | { type: 'arm-live' }
  | { type: 'disarm'; reason: string | null }
  | { type: 'client-id-refused' }
  | { type: 'start'; mode: TradingMode; host: string; port: number; readOnly: boolean }
  | { type: 'socket-up'; serverVersion: number; at: number }
  | { type: 'accounts'; accounts: string[] }
  | { type: 'heartbeat'; latencyMs: number; at: number }
  | { type: 'heartbeat-missed'; at: number }
  | { type: 'ib-message'; code: number; text: string; at: number }
  | { type: 'socket-down'; reason: string; at: number }
  | { type: 'reconnect-scheduled'; inMs: number }
  | { type: 'stop'; reason: string };

export function initialMachine(mode: TradingMode): MachineState {
  return {
    phase: 'disconnected',
    upstreamLost: false,
    heartbeatLate: false,
    liveArmed: false,
    disarmReason: null,
    attempt: 0,
    clientIdOffset: 0,
    refusedInARow: 0,
    droppedSinceUp: false,
    session: initialSessionState(mode),
  };
}

/** The public state follows from the phase and the conditions; it is never set by hand. */
function publicState(m: Omit<MachineState, 'session'>, session: SessionState): SessionState['state'] {
  if (m.phase !== 'up') return m.phase;
  const farmDown = session.farms.some((farm) => !farm.ok);
  return m.upstreamLost || m.heartbeatLate || farmDown ? 'degraded' : 'connected';
}

function settle(m: MachineState, patch: Partial<SessionState>): MachineState {
  const session = { ...m.session, ...patch };
  return { ...m, session: { ...session, state: publicState(m, session) } };
}

const error = (ibCode: number | null, message: string, at: number) => ({ lastError: { ibCode, message, at } });

/** Every transition of the gateway session, pure: the session class only performs the effects. */
export function transition(m: MachineState, event: MachineEvent): MachineState {
  switch (event.type) {
    case 'open': {
      // Choosing a mode (or the same one again) starts the count of attempts and client ids afresh;
      // arming is for one mode only.
      const fresh = { ...m, attempt: 0, clientIdOffset: 0, refusedInARow: 0, droppedSinceUp: false };
      return event.mode === m.session.mode ? fresh : { ...fresh, liveArmed: false, disarmReason: null };
    }
    case 'arm-live':
      return { ...m, liveArmed: true, disarmReason: null };
    case 'disarm':
      return { ...m, liveArmed: false, disarmReason: event.reason };
    case 'client-id-refused':
      return { ...m, clientIdOffset: m.clientIdOffset + 1, refusedInARow: m.refusedInARow + 1 };
    case 'start':
      return settle(
        { ...m, phase: 'connecting', upstreamLost: false, heartbeatLate: false },
        {
          mode: event.mode,
          host: event.host,
          port: event.port,
          readOnly: event.readOnly,
          serverVersion: null,
          accounts: [],
          farms: [],
          lastError: null,
          detail: `Connecting to ${event.host}:${event.port}…`,
        },
      );
    case 'socket-up':
      if (m.phase !== 'connecting') return m;
      return settle(
        { ...m, phase: 'up', upstreamLost: false, heartbeatLate: false, attempt: 0, droppedSinceUp: false },
        {
          serverVersion: event.serverVersion,
          lastHeartbeatAt: event.at,
          detail: `Connected to ${m.session.host}:${m.session.port}.`,
        },
      );
    case 'accounts':
      // IB sends the accounts only to a client it accepted: a later 326 starts a new streak.
      return settle({ ...m, refusedInARow: 0 }, { accounts: [...event.accounts] });
    case 'heartbeat':
      if (m.phase !== 'up') return m;
      return settle({ ...m, heartbeatLate: false }, { heartbeatLatencyMs: event.latencyMs, lastHeartbeatAt: event.at });
    case 'heartbeat-missed':
      if (m.phase !== 'up') return m;
      return settle(
        { ...m, heartbeatLate: true },
        error(null, 'IB Gateway stopped answering; the connection may be half-open.', event.at),
      );
    case 'ib-message':
      return onMessage(m, event);
    case 'socket-down':
      if (m.phase === 'disconnected') return m;
      return settle(
        {
          ...m,
          phase: 'reconnecting',
          upstreamLost: false,
          heartbeatLate: false,
          droppedSinceUp: m.droppedSinceUp || m.phase === 'up',
        },
        {
          ...error(null, event.reason, event.at),
          serverVersion: null,
          heartbeatLatencyMs: null,
          farms: [],
          detail: event.reason,
        },
      );
    case 'reconnect-scheduled':
      if (m.phase === 'disconnected') return m;
      return settle(
        { ...m, phase: 'reconnecting', attempt: m.attempt + 1 },
        {
          detail: `Reconnecting in ${Math.ceil(event.inMs / 1000)} s (attempt ${m.attempt + 1}).`,
        },
      );
    case 'stop':
      return settle(
        { ...m, phase: 'disconnected', upstreamLost: false, heartbeatLate: false },
        { serverVersion: null, heartbeatLatencyMs: null, farms: [], detail: event.reason },
      );
  }
}

function onMessage(m: MachineState, event: Extract<MachineEvent, { type: 'ib-message' }>): MachineState {
  const notice = classifyGatewayMessage(event.code, event.text);
  if (!notice) return m;
  switch (notice.kind) {
    case 'upstream-lost':
      return settle({ ...m, upstreamLost: true }, error(event.code, notice.message, event.at));
    case 'upstream-restored':
      return settle({ ...m, upstreamLost: false }, { detail: notice.message });
    case 'farm': {
      const farms = [
        ...m.session.farms.filter((f) => f.name !== notice.farm),
        { name: notice.farm, ok: notice.ok, code: event.code },
      ];
      return settle(m, notice.ok ? { farms } : { farms, ...error(event.code, notice.message, event.at) });
    }
    case 'client-id-in-use':
    case 'competing-session':
    case 'socket-reset':
      return settle(m, error(event.code, notice.message, event.at));
  }
}
