import './chain.css';
import { useChainStore, chooseExpiry, chooseStrikesEachSide, closeChain } from '../../stores/chain-store';
import { ChainGrid } from './chain-grid';
import { ExpirySelect } from './expiry-select';

/** The strike windows offered, each side of the money. */
const STRIKE_CHOICES = [2, 3, 5, 8, 10, 15, 25];

/** The option chain of the instrument chosen (watchlist or positions): expiry, strike window, calls and puts. */
export function ChainPanel() {
  const { symbol, chain, expiry, strikesEachSide, rows, loading, error, linesMessage } = useChainStore();
  if (symbol === null) return null;
  return (
    <section className="panel chain-panel" aria-label={`Option chain ${symbol}`}>
      <div className="market-header">
        <h2>Option chain · {symbol}</h2>
        {chain && (
          <label>
            Expiry <ExpirySelect expiries={chain.expiries} value={expiry} onChoose={(e) => void chooseExpiry(e)} />
          </label>
        )}
        <label>
          Strikes each side{' '}
          <select value={strikesEachSide} onChange={(event) => void chooseStrikesEachSide(Number(event.target.value))}>
            {STRIKE_CHOICES.map((count) => (
              <option key={count} value={count}>
                {count}
              </option>
            ))}
          </select>
        </label>
        {rows?.underlyingPrice != null && (
          <span className="chain-underlying">
            {symbol} {rows.underlyingPrice.toFixed(2)}
          </span>
        )}
        <button type="button" onClick={closeChain}>
          Close chain
        </button>
      </div>
      {loading && <p role="status">Loading the {symbol} chain from IB Gateway…</p>}
      {error && <p role="alert">{error}</p>}
      {linesMessage && (
        <p role="alert" className="market-problems">
          {linesMessage}
        </p>
      )}
      {rows && <ChainGrid rows={rows} />}
    </section>
  );
}
