import type { ContractDetails, ContractDescription, IBApiNext } from '@stoqey/ib';
import { SecTypeSchema, type Listing } from '../../shared/market';

/** Candidates asked about in detail: IB answers a symbol search with up to 16, most of them noise. */
export const MAX_SEARCH_RESULTS = 8;

/**
 * reqMatchingSymbols gives candidates, without the exchange to route to or a readable name; contract details
 * supply both. A candidate whose details cannot be had is still offered, routed SMART, so a slow or
 * refused detail lookup never hides a match.
 */
export async function searchListings(api: IBApiNext, query: string): Promise<Listing[]> {
  const found: ContractDescription[] = await api.getMatchingSymbols(query);
  const candidates = found
    .map((description) => description.contract)
    .filter((contract) => contract?.conId !== undefined && SecTypeSchema.safeParse(contract.secType).success)
    .slice(0, MAX_SEARCH_RESULTS);
  return Promise.all(
    candidates.map(async (contract) => {
      const details = await api.getContractDetails({ conId: contract?.conId }).catch((): ContractDetails[] => []);
      return toListing(contract ?? {}, pickDetails(details));
    }),
  );
}

/**
 * Listings for contracts known by id (the instruments held), from their contract details. A contract IB
 * gives no details for, or of a kind the watchlist does not list, is left out.
 */
export async function listingsByConId(api: IBApiNext, conIds: readonly number[]): Promise<Listing[]> {
  const found = await Promise.all(
    conIds.map(async (conId) => {
      const details = pickDetails(await api.getContractDetails({ conId }).catch((): ContractDetails[] => []));
      const contract = details?.contract;
      if (!contract || !SecTypeSchema.safeParse(contract.secType).success) return null;
      return toListing(contract, details);
    }),
  );
  return found.filter((listing) => listing !== null);
}

/** SMART routing when IB offers it: the best price across exchanges, as TWS does by default. */
export function pickDetails(details: ContractDetails[]): ContractDetails | undefined {
  return details.find((d) => d.contract.exchange === 'SMART') ?? details[0];
}

function toListing(
  contract: NonNullable<ContractDescription['contract']>,
  details: ContractDetails | undefined,
): Listing {
  const full = details?.contract ?? contract;
  return {
    conId: contract.conId ?? 0,
    symbol: contract.symbol ?? full.symbol ?? '',
    secType: SecTypeSchema.parse(contract.secType),
    exchange: full.exchange || 'SMART',
    primaryExchange: full.primaryExch ?? contract.primaryExch ?? '',
    currency: contract.currency ?? full.currency ?? '',
    description: (details?.longName ?? contract.description ?? full.localSymbol ?? '').slice(0, 120),
  };
}
