/**
 * Numbers in sentences (check messages, order words, alerts, notifications): one fixed en-US style so
 * every sentence says a figure the same way and tests can read it. The window's grids format in
 * src/renderer/src/format.ts.
 */

const amountFormat = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const priceFormat = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 5 });
const countFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });

const withCurrency = (text: string, negative: boolean, currency: string) => {
  const sign = negative ? '-' : '';
  return currency === 'USD' ? `${sign}$${text}` : `${sign}${text} ${currency}`;
};

/** "$15,030.00", "12,000.50 EUR". */
export function money(amount: number, currency = 'USD'): string {
  return withCurrency(amountFormat.format(Math.abs(amount)), amount < 0, currency);
}

/** Like money, with up to five decimals for prices such as 1.08425. */
export function price(amount: number, currency = 'USD'): string {
  return withCurrency(priceFormat.format(Math.abs(amount)), amount < 0, currency);
}

/** "190.00", "1,500.25", "1.08425 EUR": a price as an order states it, the currency named unless USD. */
export function amount(value: number, currency = 'USD'): string {
  const text = priceFormat.format(value);
  return currency === 'USD' ? text : `${text} ${currency}`;
}

/** "1,500", "2.5". */
export function count(n: number): string {
  return countFormat.format(n);
}

/** "5.1%" (one decimal). */
export function percent(n: number): string {
  return `${n.toFixed(1)}%`;
}

/** "1 share", "150 shares", "1 contract". */
export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count(n)} ${n === 1 ? singular : pluralForm}`;
}
