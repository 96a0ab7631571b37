import type { TradingMode } from './session';

export type ModeCheck = { ok: true } | { ok: false; reason: string };

/** IBKR paper account ids start with DU; live ones with U (and never DU). */
const isPaperAccount = (id: string) => id.startsWith('DU');
const isLiveAccount = (id: string) => id.startsWith('U') && !isPaperAccount(id);

/**
 * Whether the accounts a gateway reports belong to the mode the person chose. Demo is the built-in
 * simulator, whose accounts are paper accounts. Any mismatch refuses every order.
 */
export function checkAccountsMatchMode(mode: TradingMode, accounts: readonly string[]): ModeCheck {
  if (accounts.length === 0) return { ok: false, reason: 'The gateway has not reported any accounts yet.' };
  const expectLive = mode === 'live';
  const wrong = accounts.filter((id) => (expectLive ? !isLiveAccount(id) : !isPaperAccount(id)));
  if (wrong.length === 0) return { ok: true };
  const kind = expectLive ? 'live (U…)' : 'paper (DU…)';
  return {
    ok: false,
    reason: `You chose ${mode} mode, but the gateway reports ${wrong.join(', ')}, which ${wrong.length === 1 ? 'is not a' : 'are not'} ${kind} account${wrong.length === 1 ? '' : 's'}. Trading is refused until the mode and the gateway match.`,
  };
}
