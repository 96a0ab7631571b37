import { checkAccountsMatchMode } from './mode-guard';
import type { TradingMode } from './session';

/**
 * Whether orders may be sent at all, decided once: the session banner shows its first refusal and the
 * order rules (session-rules) turn each aspect into a check, so both say the same thing in the same words.
 */

export interface TradingGateInput {
  mode: TradingMode;
  /** Connected or degraded: a socket to the gateway is up. */
  up: boolean;
  /** The accounts the gateway reported for this login. */
  accounts: readonly string[];
  /** Order entry switched off by the person. */
  readOnly: boolean;
  liveArmed: boolean;
  /** Why live trading was disarmed (idle, the kill switch), when the session knows. */
  disarmReason?: string | null;
}

/** One aspect of the gate: allowed, with what that means, or refused, with why and what to do. */
export interface GateAspect {
  ok: boolean;
  message: string;
}

export interface TradingGate {
  readOnly: GateAspect;
  connection: GateAspect;
  mode: GateAspect;
  armed: GateAspect;
}

const allowed = (message: string): GateAspect => ({ ok: true, message });
const refused = (message: string): GateAspect => ({ ok: false, message });

function armedAspect(input: TradingGateInput): GateAspect {
  if (input.mode === 'demo') return allowed('Demo mode: the order goes to the built-in simulator, not to IBKR.');
  if (input.mode === 'paper') return allowed('Paper trading: no real money is at stake.');
  if (input.liveArmed) return allowed('Live trading is armed for this session: this order uses real money.');
  return refused(
    input.disarmReason ??
      'Live trading is not armed for this session; arm it (type LIVE to confirm) before sending real orders.',
  );
}

export function tradingGate(input: TradingGateInput): TradingGate {
  const guard = checkAccountsMatchMode(input.mode, input.accounts);
  const paper = input.mode !== 'live';
  return {
    readOnly: input.readOnly
      ? refused('Read-only is on: order entry is switched off. Turn it off in the menu to trade.')
      : allowed('Order entry is on.'),
    connection: input.up ? allowed('Connected to IB Gateway.') : refused('Not connected to IB Gateway.'),
    mode: guard.ok
      ? allowed(`The gateway reports ${paper ? 'paper' : 'live'} accounts, as ${input.mode} mode expects.`)
      : refused(guard.reason),
    armed: armedAspect(input),
  };
}

/** The first refusal, in the order a person fixes them; null when orders may be sent. */
export function tradingBlockedReason(gate: TradingGate): string | null {
  for (const aspect of [gate.readOnly, gate.connection, gate.mode, gate.armed]) if (!aspect.ok) return aspect.message;
  return null;
}
