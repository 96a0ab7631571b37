import { useEffect, useMemo } from 'react';
import { count } from '../../../../shared/number-words';
import { netInAll, netMarketWords, netMid, rollNetMarket } from '../../../../shared/roll-net';
import { pinOption, useChainStore } from '../../stores/chain-store';
import { useMarketStore } from '../../stores/market-store';
import {
  chooseRollExpiry,
  chooseRollStrike,
  closeRoll,
  netLimitOf,
  offerNetLimit,
  previewRoll,
  setRollContracts,
  typeNetLimit,
  useRollStore,
  type ShortOption,
} from '../../stores/roll-store';
import { ModalDialog } from '../modal-dialog';
import { ExpirySelect } from './expiry-select';
import { RollConfirm } from './roll-confirm';
import { legSidesText, listedAt, nearestListedStrike } from './roll-choices';

/**
 * The roll of a short option, chosen: the new expiry and strike from the chain (by default the next monthly at
 * the same strike), the contracts, both legs' markets and the net limit in words; then the usual confirmation.
 */
export function RollDialog() {
  const position = useRollStore((s) => s.position);
  const preview = useRollStore((s) => s.preview);
  if (!position) return null;
  if (preview) return <RollConfirm key={preview.groupId} preview={preview} />;
  return <RollChoices position={position} />;
}

/** Both sides of an option's quote, when it has them. */
function useSides(conId: number | undefined) {
  const quote = useMarketStore((s) => (conId === undefined ? undefined : s.quotes.get(conId)));
  return quote?.bid && quote.ask ? { bid: quote.bid, ask: quote.ask } : null;
}

function RollChoices({ position }: { position: ShortOption }) {
  const { chain, expiry, rows, loading, error: chainError } = useChainStore();
  const roll = useRollStore();
  const { strike, contracts, netSide, netText, netEdited, previewing, error } = roll;
  const netLimit = netLimitOf(roll);
  const listed = useMemo(() => (rows?.expiry === expiry ? (rows?.rows ?? []) : []), [rows, expiry]);
  const newOption = strike === null ? null : listedAt(listed, position.right, strike);
  const close = useSides(position.conId);
  const open = useSides(newOption?.conId);
  const market = close && open ? rollNetMarket({ close, open }) : null;
  const currency = position.currency;
  const multiplier = chain?.multiplier ?? 100;

  // The same strike in the new expiry, or the nearest listed one, once that expiry's strikes are in.
  useEffect(() => {
    if (strike === null && listed.length > 0) {
      const nearest = nearestListedStrike(listed, position.right, position.strike);
      if (nearest !== null) chooseRollStrike(nearest);
    }
  }, [strike, listed, position]);
  // The new leg is priced whether or not the chain panel shows its row.
  const pin = newOption?.conId ?? null;
  useEffect(() => {
    void pinOption(pin);
  }, [pin]);
  useEffect(() => () => void pinOption(null), []);
  // The net limit starts at the mid of the net market, once both legs are quoted.
  const mid = market ? netMid(market) : null;
  useEffect(() => {
    if (mid !== null && !netEdited && netText === '') offerNetLimit(mid);
  }, [mid, netEdited, netText]);

  const what = `${position.description} in ${position.account}`;
  const held = -position.quantity;
  const ready = newOption !== null && netLimit !== null && contracts > 0 && !previewing;
  return (
    <ModalDialog title={`Roll ${what}`} onCancel={closeRoll} className="roll-dialog">
      <form
        aria-label="Roll"
        onSubmit={(event) => {
          event.preventDefault();
          if (ready) void previewRoll();
        }}
      >
        <p>
          Buy back the short {position.description} ({count(held)} held short) and sell another in one order.
        </p>
        {loading && <p role="status">Loading the {position.symbol} chain from IB Gateway…</p>}
        {chainError && <p role="alert">{chainError}</p>}
        <div className="roll-fields">
          <label>
            New expiry{' '}
            <ExpirySelect expiries={chain?.expiries ?? []} value={expiry} onChoose={(e) => void chooseRollExpiry(e)} />
          </label>
          <label>
            New strike{' '}
            <select
              value={strike ?? ''}
              onChange={(e) => chooseRollStrike(Number(e.target.value))}
              disabled={listed.length === 0}
            >
              {listed
                .filter((row) => listedAt(listed, position.right, row.strike) !== null)
                .map((row) => (
                  <option key={row.strike} value={row.strike}>
                    {count(row.strike)}
                    {rows?.atTheMoney === row.strike ? ' (at the money)' : ''}
                  </option>
                ))}
            </select>
          </label>
          <label>
            Contracts{' '}
            <input
              type="number"
              min={1}
              step={1}
              value={contracts}
              onChange={(e) => setRollContracts(Math.trunc(Number(e.target.value)) || 0)}
            />
          </label>
        </div>
        <ul className="roll-legs" aria-label="Roll legs">
          <li>
            Buy to close {position.description}: {legSidesText(close)}
          </li>
          <li>
            Sell to open{' '}
            {newOption ? `${position.symbol} ${newOption.expiry} ${count(newOption.strike)} ${position.right}` : '…'}:{' '}
            {legSidesText(open)}
          </li>
        </ul>
        <p aria-label="Net market">
          Net market per contract: {market ? netMarketWords(market, currency) : 'waiting for both legs’ quotes'}
        </p>
        <div className="roll-fields">
          <label>
            Net{' '}
            <select value={netSide} onChange={(e) => typeNetLimit(e.target.value as 'credit' | 'debit', netText)}>
              <option value="credit">credit</option>
              <option value="debit">debit</option>
            </select>
          </label>
          <label>
            Net limit per contract{' '}
            <input inputMode="decimal" value={netText} onChange={(e) => typeNetLimit(netSide, e.target.value)} />
          </label>
        </div>
        <p className="order-words" aria-live="polite" aria-label="Net limit in words">
          {netLimit === null
            ? 'Give the roll a net limit.'
            : `For ${netInAll(netLimit, contracts, multiplier, currency)}.`}
        </p>
        {error && (
          <p role="alert" className="refusal">
            {error.message}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={closeRoll}>
            Cancel
          </button>
          <button type="submit" disabled={!ready}>
            {previewing ? 'Previewing…' : 'Preview roll'}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
