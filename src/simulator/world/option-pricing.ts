import { type Right } from './types';

/**
 * Black–Scholes on a non-dividend-paying underlying at one fixed rate: enough for option quotes that move with
 * their underlying, greeks a trader would recognise, and covered-call and cash-secured-put previews.
 */

/** The simulated world's one interest rate, continuously compounded. */
export const RISK_FREE_RATE = 0.04;
const DAYS_PER_YEAR = 365;

export interface OptionInputs {
  right: Right;
  spot: number;
  strike: number;
  years: number;
  vol: number;
}

/**
 * Greeks as IBKR reports them in tickOptionComputation: delta and gamma per 1.00 of the underlying, vega per
 * volatility point (0.01), theta per calendar day.
 */
export interface Greeks {
  price: number;
  delta: number;
  gamma: number;
  vega: number;
  theta: number;
}

export function blackScholes({ right, spot, strike, years, vol }: OptionInputs): number {
  if (years <= 0 || vol <= 0) return intrinsic(right, spot, strike);
  const { d1, d2, discount } = terms(spot, strike, years, vol);
  return right === 'C'
    ? spot * normalCdf(d1) - strike * discount * normalCdf(d2)
    : strike * discount * normalCdf(-d2) - spot * normalCdf(-d1);
}

export function greeks(inputs: OptionInputs): Greeks {
  const { right, spot, strike, years, vol } = inputs;
  const price = blackScholes(inputs);
  if (years <= 0 || vol <= 0) {
    const inTheMoney = right === 'C' ? spot > strike : spot < strike;
    return { price, delta: inTheMoney ? (right === 'C' ? 1 : -1) : 0, gamma: 0, vega: 0, theta: 0 };
  }
  const { d1, d2, discount, spread } = terms(spot, strike, years, vol);
  const density = normalPdf(d1);
  const carry = RISK_FREE_RATE * strike * discount;
  const decay = -(spot * density * vol) / (2 * Math.sqrt(years));
  const thetaPerYear = right === 'C' ? decay - carry * normalCdf(d2) : decay + carry * normalCdf(-d2);
  return {
    price,
    delta: right === 'C' ? normalCdf(d1) : normalCdf(d1) - 1,
    gamma: density / (spot * spread),
    vega: (spot * density * Math.sqrt(years)) / 100,
    theta: thetaPerYear / DAYS_PER_YEAR,
  };
}

/**
 * The volatility at which the model gives `price`, or undefined when no volatility can (a price under
 * intrinsic value or above the underlying). Bisection: slower than Newton but it cannot diverge.
 */
export function impliedVolatility(price: number, inputs: Omit<OptionInputs, 'vol'>): number | undefined {
  const floor = blackScholes({ ...inputs, vol: 1e-6 });
  const ceiling = blackScholes({ ...inputs, vol: 5 });
  if (!(price > floor && price < ceiling)) return undefined;
  let low = 1e-6;
  let high = 5;
  for (let round = 0; round < 100 && high - low > 1e-10; round += 1) {
    const mid = (low + high) / 2;
    if (blackScholes({ ...inputs, vol: mid }) < price) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

/**
 * The volatility smile: equity options are dearer away from the money, puts below it most (skew). `atTheMoney`
 * is the underlying's own volatility; moneyness is ln(strike / spot).
 */
export function smileVolatility(atTheMoney: number, spot: number, strike: number): number {
  const moneyness = Math.log(strike / spot);
  return Math.max(0.05, atTheMoney * (1 - 0.6 * moneyness + 1.5 * moneyness * moneyness));
}

function intrinsic(right: Right, spot: number, strike: number): number {
  return Math.max(0, right === 'C' ? spot - strike : strike - spot);
}

function terms(spot: number, strike: number, years: number, vol: number) {
  const spread = vol * Math.sqrt(years);
  const d1 = (Math.log(spot / strike) + (RISK_FREE_RATE + (vol * vol) / 2) * years) / spread;
  return { d1, d2: d1 - spread, discount: Math.exp(-RISK_FREE_RATE * years), spread };
}

function normalPdf(x: number): number {
  return Math.exp(-(x * x) / 2) / Math.sqrt(2 * Math.PI);
}

/**
 * Hart's double-precision algorithm (as given by G. West, "Better approximations to cumulative normal
 * functions", 2005): error near 1e-15, so greeks checked by finite differences agree with the closed forms.
 */
export function normalCdf(x: number): number {
  const z = Math.abs(x);
  let tail = 0;
  if (z <= 37) {
    const density = Math.exp(-(z * z) / 2);
    if (z < 7.07106781186547) {
      const numerator = polynomial(
        z,
        [
          3.52624965998911e-2, 0.700383064443688, 6.37396220353165, 33.912866078383, 112.079291497871, 221.213596169931,
          220.206867912376,
        ],
      );
      const denominator = polynomial(
        z,
        [
          8.83883476483184e-2, 1.75566716318264, 16.064177579207, 86.7807322029461, 296.564248779674, 637.333633378831,
          793.826512519948, 440.413735824752,
        ],
      );
      tail = (density * numerator) / denominator;
    } else {
      const fraction = z + 1 / (z + 2 / (z + 3 / (z + 4 / (z + 0.65))));
      tail = density / fraction / 2.506628274631;
    }
  }
  return x > 0 ? 1 - tail : tail;
}

/** Horner's rule, highest power first. */
function polynomial(x: number, coefficients: readonly number[]): number {
  return coefficients.reduce((sum, coefficient) => sum * x + coefficient, 0);
}
