import { futuresLocalSymbol, quarterlyFutureExpiry, yyyymmdd } from './expiries';
import { optionChain } from './option-chain';
import { type Instrument } from './types';

/** One tradable instrument and what the price walk needs to animate it. */
export interface Listing {
  instrument: Instrument;
  /** Where the seeded opening price is drawn around. Options ignore it: they are priced off their underlying. */
  referencePrice: number;
  /** Daily volatility as a fraction; the live walk and the historical bars both scale by it. */
  dailyVol: number;
  /** Quote and trade sizes come in multiples of this (a round lot for stocks). */
  lot: number;
  /** The usual bid/ask spread in ticks. */
  spreadTicks: number;
  /** Options only: years to expiry when the world was made. Time value does not decay within a session. */
  yearsToExpiry: number;
}

/** Shares a broker can lend for a liquid large cap — plenty, in practice unlimited. */
const PLENTY_TO_BORROW = 50_000_000;

// Stock conIds are IBKR's where we know them; the rest are invented but stable.
type EquityRow = [
  conId: number,
  symbol: string,
  primaryExchange: string,
  price: number,
  dailyVol: number,
  longName: string,
  industry: string,
  category: string,
];

const COMMON_STOCKS: EquityRow[] = [
  [265598, 'AAPL', 'NASDAQ', 230, 0.017, 'APPLE INC', 'Technology', 'Computers'],
  [272093, 'MSFT', 'NASDAQ', 420, 0.015, 'MICROSOFT CORP', 'Technology', 'Software'],
  [4815747, 'NVDA', 'NASDAQ', 180, 0.03, 'NVIDIA CORP', 'Technology', 'Semiconductors'],
  [3691937, 'AMZN', 'NASDAQ', 220, 0.02, 'AMAZON.COM INC', 'Communications', 'Internet'],
  [208813719, 'GOOGL', 'NASDAQ', 200, 0.018, 'ALPHABET INC-CL A', 'Communications', 'Internet'],
  [107113386, 'META', 'NASDAQ', 700, 0.022, 'META PLATFORMS INC-CLASS A', 'Communications', 'Internet'],
  [76792991, 'TSLA', 'NASDAQ', 330, 0.035, 'TESLA INC', 'Consumer, Cyclical', 'Auto Manufacturers'],
  [1520593, 'JPM', 'NYSE', 290, 0.014, 'JPMORGAN CHASE & CO', 'Financial', 'Banks'],
  [10098, 'BAC', 'NYSE', 47, 0.016, 'BANK OF AMERICA CORP', 'Financial', 'Banks'],
  [13977, 'XOM', 'NYSE', 112, 0.014, 'EXXON MOBIL CORP', 'Energy', 'Oil&Gas'],
  [8894, 'KO', 'NYSE', 70, 0.009, 'COCA-COLA CO/THE', 'Consumer, Non-cyclical', 'Beverages'],
  [8719, 'JNJ', 'NYSE', 160, 0.01, 'JOHNSON & JOHNSON', 'Consumer, Non-cyclical', 'Pharmaceuticals'],
  [13824, 'WMT', 'NYSE', 95, 0.011, 'WALMART INC', 'Consumer, Non-cyclical', 'Retail'],
  [270639, 'INTC', 'NASDAQ', 24, 0.028, 'INTEL CORP', 'Technology', 'Semiconductors'],
  [4391, 'AMD', 'NASDAQ', 160, 0.03, 'ADVANCED MICRO DEVICES', 'Technology', 'Semiconductors'],
  [36285627, 'GME', 'NYSE', 24, 0.05, 'GAMESTOP CORP-CLASS A', 'Consumer, Cyclical', 'Retail'],
  [140070600, 'AMC', 'NYSE', 3.2, 0.06, 'AMC ENTERTAINMENT HLDS-CL A', 'Communications', 'Entertainment'],
  [364094562, 'BYND', 'NASDAQ', 2.6, 0.07, 'BEYOND MEAT INC', 'Consumer, Non-cyclical', 'Food'],
];

const ETFS: EquityRow[] = [
  [756733, 'SPY', 'ARCA', 650, 0.01, 'SPDR S&P 500 ETF TRUST', 'Funds', 'Equity Fund'],
  [320227571, 'QQQ', 'NASDAQ', 580, 0.013, 'INVESCO QQQ TRUST SERIES 1', 'Funds', 'Equity Fund'],
  [9579970, 'IWM', 'ARCA', 230, 0.014, 'ISHARES RUSSELL 2000 ETF', 'Funds', 'Equity Fund'],
  [15547841, 'TLT', 'NASDAQ', 88, 0.009, 'ISHARES 20+ YEAR TREASURY BD', 'Funds', 'Debt Fund'],
  [51529211, 'GLD', 'ARCA', 310, 0.01, 'SPDR GOLD SHARES', 'Funds', 'Commodity Fund'],
];

/** Partnerships issue K-1s and may produce UBTI, which is why IRAs keep out of them. */
const MLPS: EquityRow[] = [[4682, 'EPD', 'NYSE', 31, 0.011, 'ENTERPRISE PRODUCTS PARTNERS', 'Energy', 'Pipelines']];

/** Not shortable (0) and hard to borrow (a few hundred shares): what generic tick 236 would report. */
const BORROW_LIMITS: Record<string, number> = { AMC: 0, BYND: 0, GME: 800 };

function equity(row: EquityRow, stockType: string, overrides: Partial<Instrument> = {}): Listing {
  const [conId, symbol, primaryExchange, price, dailyVol, longName, industry, category] = row;
  return {
    instrument: {
      conId,
      symbol,
      secType: 'STK',
      exchange: 'SMART',
      primaryExchange,
      currency: 'USD',
      localSymbol: symbol,
      // IBKR names Nasdaq-listed stocks' trading class NMS; elsewhere it is the symbol.
      tradingClass: primaryExchange === 'NASDAQ' ? 'NMS' : symbol,
      multiplier: 1,
      lastTradeDate: '',
      strike: 0,
      right: '',
      longName,
      stockType,
      industry,
      category,
      minTick: 0.01,
      shortableShares: BORROW_LIMITS[symbol] ?? PLENTY_TO_BORROW,
      underConId: 0,
      initMarginPerUnit: 0,
      maintMarginPerUnit: 0,
      ...overrides,
    },
    referencePrice: price,
    dailyVol,
    lot: 100,
    spreadTicks: 1,
    yearsToExpiry: 0,
  };
}

/** Listed in euros on Xetra: the instrument an IRA may only buy with euros it already holds. */
const SAP = equity([14204, 'SAP', 'IBIS', 240, 0.016, 'SAP SE', 'Technology', 'Software'], 'COMMON', {
  currency: 'EUR',
  tradingClass: 'XETRA',
  shortableShares: 2_000_000,
});

/** The underlyings with a listed option chain, in conId-range order (see option-chain.ts). */
export const OPTIONABLE = ['AAPL', 'SPY', 'QQQ', 'TSLA'] as const;

function emini(nowMs: number): Listing {
  const expiry = quarterlyFutureExpiry(nowMs);
  return {
    instrument: {
      conId: 620_731_015,
      symbol: 'ES',
      secType: 'FUT',
      exchange: 'CME',
      primaryExchange: 'CME',
      currency: 'USD',
      localSymbol: futuresLocalSymbol('ES', expiry),
      tradingClass: 'ES',
      multiplier: 50,
      lastTradeDate: yyyymmdd(expiry),
      strike: 0,
      right: '',
      longName: 'E-mini S&P 500',
      stockType: '',
      industry: '',
      category: '',
      minTick: 0.25,
      shortableShares: 0,
      underConId: 11004968,
      initMarginPerUnit: 25_000,
      maintMarginPerUnit: 22_700,
    },
    referencePrice: 6500,
    dailyVol: 0.011,
    lot: 1,
    spreadTicks: 1,
    yearsToExpiry: 0,
  };
}

const EUR_USD: Listing = {
  instrument: {
    conId: 12087792,
    symbol: 'EUR',
    secType: 'CASH',
    exchange: 'IDEALPRO',
    primaryExchange: 'IDEALPRO',
    currency: 'USD',
    localSymbol: 'EUR.USD',
    tradingClass: 'EUR.USD',
    multiplier: 1,
    lastTradeDate: '',
    strike: 0,
    right: '',
    longName: 'European Monetary Union Euro',
    stockType: '',
    industry: '',
    category: '',
    minTick: 0.00005,
    shortableShares: 0,
    underConId: 0,
    initMarginPerUnit: 0,
    maintMarginPerUnit: 0,
  },
  referencePrice: 1.15,
  dailyVol: 0.005,
  lot: 100_000,
  spreadTicks: 1,
  yearsToExpiry: 0,
};

const SYNTHETIC_CON_ID_BASE = 900_000_000;

/**
 * Made-up NYSE stocks SYN001, SYN002… for load tests that need more instruments than the real catalog
 * has (a 200-line watchlist); prices and volatilities vary so the walk is not uniform.
 */
function syntheticStocks(count: number): Listing[] {
  if (!Number.isInteger(count) || count < 0 || count > 5000) {
    throw new RangeError(`syntheticStocks must be a whole number from 0 to 5000, not ${count}`);
  }
  return Array.from({ length: count }, (_, index) => {
    const n = index + 1;
    const symbol = `SYN${String(n).padStart(3, '0')}`;
    const price = 10 + ((n * 37) % 490);
    const dailyVol = 0.01 + ((n * 7) % 30) / 1000;
    return equity(
      [SYNTHETIC_CON_ID_BASE + n, symbol, 'NYSE', price, dailyVol, `SYNTHETIC ${n}`, 'Test', 'Load'],
      'COMMON',
    );
  });
}

/**
 * Everything the simulated gateway can trade. Only expiries depend on `nowMs` (so the options and the future
 * are always live); the seed plays no part, so conIds and contract fields are the same in every world.
 */
export function buildCatalog(nowMs: number, options: { syntheticStocks?: number } = {}): Listing[] {
  const stocks = [
    ...COMMON_STOCKS.map((row) => equity(row, 'COMMON')),
    ...ETFS.map((row) => equity(row, 'ETF')),
    ...MLPS.map((row) => equity(row, 'MLP')),
    SAP,
  ];
  const chains = OPTIONABLE.flatMap((symbol, index) => {
    const underlying = stocks.find((listing) => listing.instrument.symbol === symbol);
    if (!underlying) throw new Error(`The catalog lost ${symbol}, the underlying of an option chain`);
    return optionChain(underlying, index, nowMs);
  });
  const listings = [...stocks, ...chains, emini(nowMs), EUR_USD, ...syntheticStocks(options.syntheticStocks ?? 0)];
  for (const listing of listings) Object.freeze(listing.instrument);
  return listings;
}
