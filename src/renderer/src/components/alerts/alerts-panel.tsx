import { useEffect, useState, type FormEvent } from 'react';
import type { AlertCondition, PriceAlert } from '../../../../shared/alerts';
import type { Listing } from '../../../../shared/market';
import { report, useNoticeStore } from '../../stores/notice-store';
import { describeAlert } from './describe-alert';
import './alerts.css';

type Kind = AlertCondition['kind'];

const gatehouse = () => window.gatehouse;

/** The stock listing the person means by a symbol: an exact symbol match, US stocks first. */
async function listingFor(symbol: string): Promise<Listing | null> {
  const found = (await report(gatehouse().market.search({ query: symbol }))) ?? [];
  const exact = found.filter((listing) => listing.symbol.toUpperCase() === symbol.toUpperCase());
  return exact.find((l) => l.secType === 'STK' && l.currency === 'USD') ?? exact[0] ?? null;
}

/** Price alerts: set above / below / a % move, listed (fired ones marked) with Remove buttons. */
export function AlertsPanel() {
  const [alerts, setAlerts] = useState<PriceAlert[]>([]);
  const [symbol, setSymbol] = useState('');
  const [kind, setKind] = useState<Kind>('above');
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const load = () => void report(gatehouse().alerts.list()).then((list) => list && setAlerts(list));
    const stop = gatehouse().on('alerts.fired', load);
    load();
    return stop;
  }, []);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const number = Number(value);
    if (!symbol.trim() || !Number.isFinite(number) || number <= 0) {
      useNoticeStore.getState().push('error', 'An alert needs a symbol and a positive price or percentage.');
      return;
    }
    setBusy(true);
    const listing = await listingFor(symbol.trim());
    const condition: AlertCondition = kind === 'move' ? { kind, percent: number } : { kind, price: number };
    const list = listing ? await report(gatehouse().alerts.add({ listing, condition })) : null;
    if (!listing) useNoticeStore.getState().push('error', `No stock listing found for ${symbol.trim()}.`);
    setBusy(false);
    if (list) {
      setAlerts(list);
      setValue('');
    }
  };
  const remove = async (id: string) => {
    const list = await report(gatehouse().alerts.remove({ id }));
    if (list) setAlerts(list);
  };

  return (
    <section className="panel alerts-panel" aria-labelledby="alerts-heading">
      <h2 id="alerts-heading">Price alerts</h2>
      <form className="alert-form" onSubmit={(event) => void add(event)}>
        <label>
          Symbol
          <input value={symbol} onChange={(e) => setSymbol(e.target.value)} size={8} />
        </label>
        <label>
          When
          <select value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            <option value="above">Price above</option>
            <option value="below">Price below</option>
            <option value="move">Moves by % from now</option>
          </select>
        </label>
        <label>
          {kind === 'move' ? 'Percent' : 'Price'}
          <input type="number" min="0" step="any" value={value} onChange={(e) => setValue(e.target.value)} />
        </label>
        <button type="submit" disabled={busy}>
          Add alert
        </button>
      </form>
      {alerts.length === 0 ? (
        <p>No price alerts.</p>
      ) : (
        <ul className="alert-list" aria-label="Price alerts">
          {alerts.map((alert) => (
            <li key={alert.id} className={alert.firedAt === null ? '' : 'fired'}>
              <span>{describeAlert(alert)}</span>
              <button
                type="button"
                onClick={() => void remove(alert.id)}
                aria-label={`Remove alert ${describeAlert(alert)}`}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
