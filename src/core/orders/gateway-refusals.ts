import type { IBApiNextError } from '@stoqey/ib';
import { filter, firstValueFrom, map, race, takeUntil, timer, toArray, type Observable } from 'rxjs';

/**
 * The gateway's answers to a cancel or a re-send, which IBKR gives only as error messages (silence is
 * acceptance), and the sentences for its refusals.
 */

/** IBKR's "Order Canceled" confirmation; 321 is the gateway's read-only (or validation) refusal. */
export const CANCELLED = 202;
export const READ_ONLY = 321;
/** IBKR's refusals of a working order's OCA group or type changed by a re-send ("… revision is not allowed"). */
const OCA_REVISION = 10326;
const OCA_TYPE_REVISION = 10327;

export interface GatewayAnswer {
  reqId: number;
  code: number;
  text: string;
}

const answer = (error: IBApiNextError): GatewayAnswer => ({
  reqId: error.reqId,
  code: error.code,
  text: error.error.message,
});

/** The first matching gateway error within `ms`, or null when the gateway stayed silent. */
export function firstAnswer(
  errors: Observable<IBApiNextError>,
  ms: number,
  matches: (error: IBApiNextError) => boolean,
): Promise<GatewayAnswer | null> {
  return firstValueFrom(race(errors.pipe(filter(matches), map(answer)), timer(ms).pipe(map(() => null))));
}

/** Every matching gateway error within `ms` (none when the gateway stayed silent). */
export function everyAnswer(
  errors: Observable<IBApiNextError>,
  ms: number,
  matches: (error: IBApiNextError) => boolean,
): Promise<GatewayAnswer[]> {
  return firstValueFrom(errors.pipe(filter(matches), map(answer), takeUntil(timer(ms)), toArray()));
}

/** The sentence for a cancel or link the gateway refused, with what to do where there is something to do. */
export function refusal(code: number, text: string, what: string): string {
  if (code === READ_ONLY && /read.?only|validat/i.test(text))
    return `${what}: the gateway is in read-only API mode (IB error 321). Untick "Read-Only API" in its API settings.`;
  if (code === OCA_REVISION || code === OCA_TYPE_REVISION)
    return `${what}: IBKR does not let a working order change its one-cancels-all group (IB error ${code}: ${text}). Cancel the orders and place them again in one group.`;
  return `${what}: IB error ${code}: ${text}`;
}
