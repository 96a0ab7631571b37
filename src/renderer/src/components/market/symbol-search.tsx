import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import type { Listing } from '../../../../shared/market';

const SEARCH_DELAY_MS = 250;

export function listingLabel(listing: Listing): string {
  const where = listing.primaryExchange || listing.exchange;
  const name = listing.description ? ` — ${listing.description}` : '';
  return `${listing.symbol} · ${listing.secType} · ${where} · ${listing.currency}${name}`;
}

type Found = { query: string; listings: Listing[]; error: string | null };

/**
 * "Add symbol": a combobox that searches IB's contracts as the person types and lists each listing with
 * its type, home market and currency, so the right one (e.g. SAP in euros on Xetra) can be chosen.
 */
export function SymbolSearch({ onChoose }: { onChoose(listing: Listing): void }) {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Found | null>(null);
  const [active, setActive] = useState(0);
  const listId = useId();
  const trimmed = query.trim();

  useEffect(() => {
    if (trimmed === '') return;
    let current = true;
    const timer = setTimeout(() => {
      void window.gatehouse.market.search({ query: trimmed }).then((result) => {
        if (!current) return;
        setActive(0);
        setFound(
          result.ok
            ? { query: trimmed, listings: result.value, error: null }
            : { query: trimmed, listings: [], error: result.error.message },
        );
      });
    }, SEARCH_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [trimmed]);

  const shown = trimmed !== '' && found !== null ? found : null;
  const listings = shown?.listings ?? [];
  const open = shown !== null && listings.length > 0;

  const choose = (listing: Listing | undefined) => {
    if (!listing) return;
    onChoose(listing);
    setQuery('');
    setFound(null);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && open) {
      event.preventDefault();
      setActive((index) => Math.min(index + 1, listings.length - 1));
    } else if (event.key === 'ArrowUp' && open) {
      event.preventDefault();
      setActive((index) => Math.max(index - 1, 0));
    } else if (event.key === 'Enter' && open) {
      event.preventDefault();
      choose(listings[active]);
    } else if (event.key === 'Escape') {
      setFound(null);
    }
  };

  return (
    <div className="symbol-search">
      <input
        type="text"
        role="combobox"
        aria-label="Add symbol"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        placeholder="Add symbol…"
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={onKeyDown}
      />
      {open && (
        <ul className="search-results" id={listId} role="listbox" aria-label="Matching listings">
          {listings.map((listing, index) => (
            <li
              key={listing.conId}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'active' : ''}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(listing)}
            >
              {listingLabel(listing)}
            </li>
          ))}
        </ul>
      )}
      {shown !== null && shown.error !== null && (
        <p className="search-note" role="status">
          {shown.error}
        </p>
      )}
      {shown !== null && shown.error === null && listings.length === 0 && (
        <p className="search-note" role="status">
          Nothing matches “{shown.query}”.
        </p>
      )}
    </div>
  );
}
