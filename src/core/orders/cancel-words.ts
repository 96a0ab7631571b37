/**
 * The audit log's sentences for cancels, shared by the one writer and by the reader of lines older
 * versions wrote, so a cancel reads the same whichever version recorded it.
 */

export const EVERY_ORDER = 'Cancel of every working order';

export const oneOrder = (orderId: number | string, symbol?: string): string =>
  `Cancel of order ${orderId}${symbol ? ` (${symbol})` : ''}`;

/** `working`: the open-orders rows (`perm:…` or `client:order`) listed when every order was cancelled. */
export function cancelRequested(what: string, asker?: string, working?: readonly (string | number)[]): string {
  const by = asker ? ` by the ${asker}` : '';
  const listed = working ? ` (working: ${working.length > 0 ? working.join(', ') : 'none listed'})` : '';
  return `${what} requested${by}${listed}.`;
}

export const cancelRefused = (what: string, text: string): string => `${what} refused: ${text}`;
