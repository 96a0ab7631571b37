import type { Listing } from '../../shared/market';
import { AppError } from '../../shared/result';

/** The watchlist's edits as pure functions over its persisted list; each returns a new list or refuses. */

export const MAX_WATCHLIST = 500;

export function addListing(list: readonly Listing[], listing: Listing): Listing[] {
  if (list.some((entry) => entry.conId === listing.conId)) {
    throw new AppError('refused', `${describe(listing)} is already on the watchlist.`);
  }
  if (list.length >= MAX_WATCHLIST) {
    throw new AppError('refused', `The watchlist holds at most ${MAX_WATCHLIST} listings; remove one first.`);
  }
  return [...list, listing];
}

export function removeListing(list: readonly Listing[], conId: number): Listing[] {
  if (!list.some((entry) => entry.conId === conId)) throw notOnList(conId);
  return list.filter((entry) => entry.conId !== conId);
}

/** Moves the listing to `toIndex` of the resulting list; an index past the end means last. */
export function moveListing(list: readonly Listing[], conId: number, toIndex: number): Listing[] {
  const from = list.findIndex((entry) => entry.conId === conId);
  const moving = list[from];
  if (moving === undefined) throw notOnList(conId);
  const rest = list.filter((_, index) => index !== from);
  const to = Math.min(Math.max(0, toIndex), rest.length);
  return [...rest.slice(0, to), moving, ...rest.slice(to)];
}

/**
 * What seeding the watchlist from the held instruments comes to: nothing once it was done; when the person
 * already keeps a list, only remembering that it is done; otherwise the held contracts, each once, in order.
 */
export type SeedPlan = { kind: 'done' } | { kind: 'mark' } | { kind: 'seed'; conIds: number[] };

export function seedPlan(list: readonly Listing[], seeded: boolean, held: readonly number[]): SeedPlan {
  if (seeded) return { kind: 'done' };
  if (list.length > 0) return { kind: 'mark' };
  // Nothing held yet (or not known yet): ask again when there is.
  if (held.length === 0) return { kind: 'done' };
  return { kind: 'seed', conIds: [...new Set(held)].slice(0, MAX_WATCHLIST) };
}

export function describe(listing: Listing): string {
  const where = listing.primaryExchange || listing.exchange;
  return `${listing.symbol} (${listing.secType}, ${where}, ${listing.currency})`;
}

const notOnList = (conId: number) =>
  new AppError('refused', `Contract ${conId} is not on the watchlist; reload the window to see the current list.`);
