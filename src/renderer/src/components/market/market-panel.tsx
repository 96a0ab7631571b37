import type { GridApi } from 'ag-grid-community';
import { useCallback, useRef } from 'react';
import type { Listing } from '../../../../shared/market';
import { GridExportButton } from '../../export/grid-export-button';
import { editWatchlist, selectInstrument, useMarketStore } from '../../stores/market-store';
import { openChain, useChainOpen } from '../../stores/chain-store';
import { openTicket } from '../../stores/ticket-store';
import { Split } from '../layout/split';
import { rowsInView } from '../layout/split-math';
import { sellSecuredPut } from '../options/income-actions';
import { tradePrefill } from '../orders/ticket-prefill';
import { PriceChart } from './price-chart';
import { SymbolSearch } from './symbol-search';
import { WatchlistGrid, type WatchlistRow } from './watchlist-grid';

const market = () => window.gatehouse.market;

/** The watchlist and the chart of its selected row. */
export function MarketPanel() {
  const entries = useMarketStore((s) => s.entries);
  const chainOpen = useChainOpen();
  const lines = useMarketStore((s) => s.lines);
  const selected = useMarketStore((s) => s.selected);
  const selectedIndex = entries.findIndex((entry) => entry.conId === selected);
  const listing = entries[selectedIndex] ?? null;
  const symbolOf = new Map(entries.map((entry) => [entry.conId, entry.symbol]));
  const grid = useRef<GridApi<WatchlistRow> | null>(null);
  const onApi = useCallback((api: GridApi<WatchlistRow>) => (grid.current = api), []);

  const add = async (chosen: Listing) => {
    if (await editWatchlist(market().addToWatchlist({ listing: chosen }))) selectInstrument(chosen.conId);
  };
  const move = (conId: number, toIndex: number) => void editWatchlist(market().moveInWatchlist({ conId, toIndex }));
  const remove = (conId: number) => void editWatchlist(market().removeFromWatchlist({ conId }));
  const tradeable = (entry: Listing | null | undefined) => (entry ? tradePrefill(entry) : null);
  const trade = (conId: number) => {
    const prefill = tradeable(entries.find((entry) => entry.conId === conId));
    if (prefill) openTicket(prefill);
  };

  const watchlist = (
    <div className="watchlist-pane">
      <div className="market-header">
        <h2>Watchlist</h2>
        <SymbolSearch onChoose={(chosen) => void add(chosen)} />
        <div className="watchlist-actions" role="group" aria-label="Selected row">
          <button
            type="button"
            disabled={selectedIndex <= 0}
            onClick={() => listing && move(listing.conId, selectedIndex - 1)}
          >
            Move up
          </button>
          <button
            type="button"
            disabled={selectedIndex < 0 || selectedIndex >= entries.length - 1}
            onClick={() => listing && move(listing.conId, selectedIndex + 1)}
          >
            Move down
          </button>
          <button type="button" disabled={listing === null} onClick={() => listing && remove(listing.conId)}>
            Remove{listing ? ` ${listing.symbol}` : ''}
          </button>
          <button
            type="button"
            disabled={tradeable(listing) === null}
            title="Open the order ticket for this row (Enter or a double click on the row)"
            onClick={() => listing && trade(listing.conId)}
          >
            Trade{listing ? ` ${listing.symbol}` : ''}
          </button>
          <button
            type="button"
            disabled={listing?.secType !== 'STK' && listing?.secType !== 'ETF'}
            onClick={() => listing && void openChain(listing.symbol, { conId: listing.conId })}
          >
            Options{listing ? ` ${listing.symbol}` : ''}
          </button>
          <button
            type="button"
            disabled={listing?.secType !== 'STK' && listing?.secType !== 'ETF'}
            title="Sell puts at the next monthly, first strike below the price, as many as the first IRA's free settled cash secures"
            onClick={() => listing && void sellSecuredPut(listing.conId)}
          >
            Sell cash-secured put{listing ? ` ${listing.symbol}` : ''}
          </button>
        </div>
        {lines && (
          <span className="market-lines" title="Market data lines in use, of the login's allowance">
            Lines {lines.used} / {lines.max}
          </span>
        )}
        <GridExportButton api={grid} what="watchlist" />
      </div>
      <WatchlistGrid onMove={move} onRemove={remove} onTrade={trade} onApi={onApi} />
      {lines && lines.problems.length > 0 && (
        <ul className="market-problems" aria-label="Market data problems">
          {lines.problems.map((problem) => (
            <li key={problem.conId}>
              <strong>{symbolOf.get(problem.conId) ?? `#${problem.conId}`}</strong>: {problem.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
  return (
    <section className="panel market-panel" aria-label="Market">
      <Split
        id="market"
        direction="column"
        panes={[
          // Under an open chain, three quoted lines in view (28 px rows) with its title, buttons, header and scrollbar;
          // without it the column is tall enough, and a docked ticket needs the height in a 720 px window.
          {
            id: 'watchlist',
            label: 'Watchlist',
            weight: 5,
            min: chainOpen ? rowsInView(3, 28, 157) : 120,
            content: watchlist,
          },
          { id: 'chart', label: 'Chart', weight: 4, min: 160, content: <PriceChart listing={listing} /> },
        ]}
      />
    </section>
  );
}
