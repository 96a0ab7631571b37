import type { IBApiNext } from '@stoqey/ib';
import type { OptionContract } from '../../shared/options';
import type { GatewaySession } from '../gateway/gateway-session';
import { connectedApi } from '../market/connected-api';
import type { MarketService } from '../market/market-service';
import { optionListing, toOptionContract } from './chain-contracts';

/** The pool's consumer for the held options whose greeks the positions show. */
export const HELD_CONSUMER = 'positions';

/**
 * Lines for the options the accounts hold, so their greeks (model computation ticks) reach the positions and
 * the portfolio delta. Each option's terms are looked up once (contract details by conId); lines of options
 * no longer held are given back. Options the allowance leaves without a line are named in the answer.
 */
export class HeldOptions {
  private readonly terms = new Map<number, OptionContract>();
  private readonly watched = new Set<number>();

  constructor(
    private readonly session: GatewaySession,
    private readonly market: Pick<MarketService, 'acquire' | 'release'>,
  ) {}

  async watch(conIds: readonly number[]): Promise<{ options: OptionContract[]; unwatched: number[] }> {
    const wanted = new Set(conIds);
    for (const conId of [...this.watched]) {
      if (wanted.has(conId)) continue;
      this.watched.delete(conId);
      this.market.release(conId, HELD_CONSUMER);
    }
    const unknown = [...wanted].filter((conId) => !this.terms.has(conId));
    if (unknown.length > 0) await this.lookUp(connectedApi(this.session, 'Reading option greeks'), unknown);
    const options: OptionContract[] = [];
    const unwatched: number[] = [];
    for (const conId of wanted) {
      const option = this.terms.get(conId);
      if (option === undefined) continue;
      options.push(option);
      if (this.watched.has(conId)) continue;
      if (this.market.acquire(optionListing(option), HELD_CONSUMER).ok) this.watched.add(conId);
      else unwatched.push(conId);
    }
    return { options, unwatched };
  }

  dispose(): void {
    for (const conId of this.watched) this.market.release(conId, HELD_CONSUMER);
    this.watched.clear();
  }

  private async lookUp(api: IBApiNext, conIds: number[]): Promise<void> {
    await Promise.all(
      conIds.map(async (conId) => {
        const details = await api.getContractDetails({ conId }).catch(() => []);
        const option = details[0] && toOptionContract(details[0], '');
        if (option) this.terms.set(conId, option);
      }),
    );
  }
}
