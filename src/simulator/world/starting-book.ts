import { monthlyOptionExpiry, yyyymmdd } from './expiries';
import { type AccountBook, type CashLine, type Holding } from './account-book';
import { type AccountInfo, type ContractQuery, type Instrument } from './types';

export const ACCOUNT_IDS = { ira: 'DU1000001', individual: 'DU1000002', corporation: 'DU1000003' } as const;

interface OpeningPosition {
  contract: ContractQuery;
  quantity: number;
  /** Per share or per contract point, as a trader quotes it; the book stores it times the multiplier. */
  avgPrice: number;
}

interface OpeningAccount {
  info: AccountInfo;
  cash: Record<string, CashLine>;
  positions: OpeningPosition[];
}

const stock = (symbol: string, quantity: number, avgPrice: number): OpeningPosition => ({
  contract: { symbol, secType: 'STK' },
  quantity,
  avgPrice,
});
/** AAPL options of the monthly expiry two months out (`expiry`, YYYYMMDD): one of every chain's monthlies. */
const aaplOption = (
  expiry: string,
  right: 'C' | 'P',
  strike: number,
  quantity: number,
  avgPrice: number,
): OpeningPosition => ({
  contract: { symbol: 'AAPL', secType: 'OPT', lastTradeDate: expiry, right, strike },
  quantity,
  avgPrice,
});
const emini = (quantity: number, avgPrice: number): OpeningPosition => ({
  contract: { symbol: 'ES', secType: 'FUT' },
  quantity,
  avgPrice,
});

/**
 * The three linked paper accounts as they stand at the open. The IRA holds only USD and enough AAPL to
 * back two covered calls; part of its cash is a recent sale that has not settled yet.
 */
const opening = (optionExpiry: string): OpeningAccount[] => [
  {
    info: { id: ACCOUNT_IDS.ira, kind: 'IRA', name: 'Roth IRA', baseCurrency: 'USD' },
    cash: { USD: { total: 100_000, settled: 92_500 } },
    positions: [stock('AAPL', 200, 190.25), stock('SPY', 40, 540.1), stock('KO', 150, 62.1), stock('TLT', 100, 91.4)],
  },
  {
    info: { id: ACCOUNT_IDS.individual, kind: 'INDIVIDUAL', name: 'Individual', baseCurrency: 'USD' },
    cash: { USD: { total: 250_000, settled: 250_000 }, EUR: { total: 20_000, settled: 20_000 } },
    positions: [
      stock('AAPL', 100, 175),
      stock('MSFT', 50, 380.5),
      stock('NVDA', 400, 120.5),
      stock('TSLA', 60, 260),
      stock('EPD', 500, 28.6),
      stock('SAP', 40, 210),
      aaplOption(optionExpiry, 'C', 230, 5, 6.1),
      emini(1, 6400),
    ],
  },
  {
    info: { id: ACCOUNT_IDS.corporation, kind: 'CORPORATION', name: 'Business', baseCurrency: 'USD' },
    cash: { USD: { total: 600_000, settled: 600_000 }, EUR: { total: 50_000, settled: 50_000 } },
    positions: [
      stock('JPM', 300, 240),
      stock('XOM', 400, 105),
      stock('QQQ', 150, 480),
      stock('GLD', 100, 250),
      stock('SAP', 120, 225),
      aaplOption(optionExpiry, 'P', 220, -3, 4.2),
      emini(2, 6350),
    ],
  },
];

/**
 * Builds the opening books. Positions name their contracts the way a client would, so a catalog change that
 * orphans one fails here, loudly, rather than leaving a holding with no instrument.
 */
export function openingBooks(
  resolve: (query: ContractQuery) => Instrument,
  previousClose: (conId: number) => number,
  nowMs: number,
): AccountBook[] {
  return opening(yyyymmdd(monthlyOptionExpiry(nowMs))).map((account) => ({
    info: account.info,
    cash: new Map(Object.entries(account.cash).map(([currency, line]) => [currency, { ...line }])),
    holdings: new Map(
      account.positions.map((position): [number, Holding] => {
        const instrument = resolve(position.contract);
        return [
          instrument.conId,
          {
            quantity: position.quantity,
            avgCost: position.avgPrice * instrument.multiplier,
            realized: 0,
            dayBasis: position.quantity * previousClose(instrument.conId) * instrument.multiplier,
          },
        ];
      }),
    ),
  }));
}
