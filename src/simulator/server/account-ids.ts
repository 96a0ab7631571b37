/**
 * How the simulator names its accounts on the wire. The world's accounts are paper (`DU…`); a simulator
 * started with the live style reports them as `U…` so the app's mode guard can be tested end to end.
 */
export type AccountStyle = 'paper' | 'live';

export interface AccountIds {
  toWire(worldId: string): string;
  /** The world's id for what a client sent, or undefined when no such account exists on this login. */
  fromWire(wireId: string): string | undefined;
}

export function accountIds(style: AccountStyle, worldIds: readonly string[]): AccountIds {
  const toWire = (id: string) => (style === 'live' ? id.replace(/^DU/, 'U') : id);
  const byWire = new Map(worldIds.map((id) => [toWire(id), id]));
  return { toWire, fromWire: (wireId) => byWire.get(wireId.trim().toUpperCase()) };
}
