import { type Right } from './types';

/**
 * Black–Scholes with zero rates and dividends. Enough to keep option quotes moving with their underlying,
 * so covered-call and cash-secured-put previews show premiums a trader would recognise.
 */
export function blackScholes(right: Right, spot: number, strike: number, years: number, vol: number): number {
  if (years <= 0 || vol <= 0) return Math.max(0, right === 'C' ? spot - strike : strike - spot);
  const spread = vol * Math.sqrt(years);
  const d1 = (Math.log(spot / strike) + (spread * spread) / 2) / spread;
  const d2 = d1 - spread;
  return right === 'C'
    ? spot * normalCdf(d1) - strike * normalCdf(d2)
    : strike * normalCdf(-d2) - spot * normalCdf(-d1);
}

/** Abramowitz & Stegun 7.1.26: error below 1.5e-7, far under a cent on any premium here. */
function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-z * z);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}
