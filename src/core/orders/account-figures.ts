import type { Settings } from '../../shared/settings';
import type { AccountFigures } from './allocation-sizing';
import { ticketAccount, type SummaryValues } from './rule-context-builder';

/**
 * Each reported account's net liquidation and settled cash in USD and its kind, for sizing: null
 * wherever the gateway has not sent the figure (or the summary at all) on this connection.
 */
export function accountFigures(
  accounts: readonly string[],
  summaries: ReadonlyMap<string, SummaryValues> | null,
  settings: Pick<Settings, 'accountOverrides'>,
): ReadonlyMap<string, AccountFigures> {
  const out = new Map<string, AccountFigures>();
  for (const id of accounts) {
    const summary = summaries?.get(id) ?? null;
    const figure = (tag: string) => {
      const value = Number(summary?.get(tag)?.values().next().value?.value ?? Number.NaN);
      return Number.isFinite(value) ? value : null;
    };
    out.set(id, {
      netLiquidation: figure('NetLiquidation'),
      settledCash: figure('SettledCash'),
      kind: ticketAccount(id, summary, settings.accountOverrides[id]).kind,
    });
  }
  return out;
}
