/** Ids and words for external accounts (other brokers' holdings), without the schema library, for the window too. */

/** "EXT-FIDELITY-401K": never an IBKR id (those are U… or DU…), so no path can mistake one for the other. */
export const EXTERNAL_ACCOUNT_ID = /^EXT-[A-Z0-9-]{1,32}$/;

/** The id an import by this name gets: importing again under the same name replaces that account. */
export function externalAccountId(name: string): string {
  const slug = name
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 32)
    .replace(/-$/, '');
  return `EXT-${slug || 'ACCOUNT'}`;
}

export const HOLDINGS_FORMAT_NAMES = {
  fidelity: 'Fidelity positions',
  schwab: 'Schwab positions',
  robinhood: 'Robinhood account activity',
  generic: 'symbol, quantity, cost basis',
} as const;

/** The words every external row and refusal carries. */
export const NOT_TRADABLE = 'external — not tradable here';
export const NO_IBKR_PRICE = 'no IBKR price';
