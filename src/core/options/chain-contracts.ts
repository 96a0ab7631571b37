import { SecType, type ContractDetails, type IBApiNext, type SecurityDefinitionOptionParameterType } from '@stoqey/ib';
import type { Listing } from '../../shared/market';
import type { ChainRow, OptionContract } from '../../shared/options';
import { AppError } from '../../shared/result';

/**
 * What IB says about a chain, turned into the app's terms: which reqSecDefOptParams entry is the chain, the
 * options of one expiry from one contract-details request, and the rows of a strike window.
 */

/** The underlying's own class on SMART (AAPL for AAPL, not a mini or adjusted class), else the first SMART one. */
export function pickChainParameters(
  parameters: readonly SecurityDefinitionOptionParameterType[],
  symbol: string,
): SecurityDefinitionOptionParameterType | undefined {
  const smart = parameters.filter((entry) => entry.exchange === 'SMART');
  return smart.find((entry) => entry.tradingClass === symbol) ?? smart[0] ?? parameters[0];
}

/** One contract-details request per expiry: IB answers a contract with no strike and no right with all of them. */
export async function optionsOfExpiry(
  api: IBApiNext,
  underlying: Listing,
  tradingClass: string,
  expiry: string,
): Promise<OptionContract[]> {
  let details: ContractDetails[];
  try {
    details = await api.getContractDetails({
      symbol: underlying.symbol,
      secType: SecType.OPT,
      lastTradeDateOrContractMonth: expiry,
      exchange: 'SMART',
      currency: underlying.currency,
      tradingClass,
    });
  } catch (error) {
    throw new AppError(
      'unavailable',
      `IB Gateway listed no ${underlying.symbol} options expiring ${expiry}: ${(error as Error).message}`,
    );
  }
  return details.map((entry) => toOptionContract(entry, expiry)).filter((option) => option !== null);
}

export function toOptionContract({ contract }: ContractDetails, expiry: string): OptionContract | null {
  const right = String(contract.right ?? '').toUpperCase();
  const strike = Number(contract.strike);
  if (!contract.conId || (right !== 'C' && right !== 'P') || !(strike > 0)) return null;
  return {
    conId: contract.conId,
    symbol: contract.symbol ?? '',
    right,
    strike,
    expiry: (contract.lastTradeDateOrContractMonth ?? expiry).slice(0, 8),
    multiplier: Number(contract.multiplier) || 100,
    localSymbol: contract.localSymbol ?? '',
    currency: contract.currency ?? 'USD',
    exchange: contract.exchange || 'SMART',
  };
}

export function chainRows(strikes: readonly number[], options: readonly OptionContract[]): ChainRow[] {
  const find = (strike: number, right: 'C' | 'P') =>
    options.find((option) => option.strike === strike && option.right === right) ?? null;
  return strikes.map((strike) => ({ strike, call: find(strike, 'C'), put: find(strike, 'P') }));
}

/** An option as a quote line: the pool and the feed know instruments as listings. */
export function optionListing(option: OptionContract): Listing {
  return {
    conId: option.conId,
    symbol: option.symbol,
    secType: 'OPT',
    exchange: option.exchange,
    primaryExchange: '',
    currency: option.currency,
    description: option.localSymbol.slice(0, 120),
  };
}
