import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ADAPTIVE_PRIORITIES, isOneOf, type AdaptivePriority, type OrderType } from '../../../../shared/enums';
import type { OrderTicketInput, SecType } from '../../../../shared/ticket';
import type { AllocationRequestInput } from '../../../../shared/allocation';
import { requestAllocationPreview, useAllocationStore } from '../../stores/allocation-store';
import { requestBracketPreview, useBracketStore } from '../../stores/bracket-store';
import {
  closeTicket,
  loadAccounts,
  requestPreview,
  useOrderStore,
  type TicketPrefill,
} from '../../stores/ticket-store';
import { LoadError } from '../load-error';
import { AccountPicker, choosable, pickable } from './account-picker';
import { AllocationFields, AMOUNT_LABELS, sizingFrom, type AllocationForm } from './allocation-fields';
import { BRACKET_ENTRIES, BracketFields, type BracketForm } from './bracket-fields';
import { NO_RISK } from './risk-fields';
import { RiskSizer } from './risk-sizer';
import { DeltaLine } from '../options/greeks-delta-line';

interface Form {
  account: string;
  symbol: string;
  secType: SecType;
  currency: string;
  exchange: string;
  expiry: string;
  strike: string;
  right: 'C' | 'P';
  action: 'BUY' | 'SELL';
  quantity: string;
  orderType: OrderType;
  limitPrice: string;
  stopPrice: string;
  /** Trailing orders: by an amount or a percent, how far, the optional first trigger, a limit's offset. */
  trailBy: 'amount' | 'percent';
  trail: string;
  trailStop: string;
  limitOffset: string;
  /** IBKR's Adaptive algo priority on market and limit orders; '' for none. */
  adaptive: AdaptivePriority | '';
  tif: 'DAY' | 'GTC';
  outsideRth: boolean;
  /** Set when the ticket changes a working order: its account, instrument, side and type stay fixed. */
  modifyOrderId: number | undefined;
  /** Set when the order goes to several accounts, one child order each. */
  allocation: AllocationForm | null;
  /** Set when the order is a bracket's entry: its exits' prices (either may be left empty, not both). */
  bracket: BracketForm | null;
}

const SEC_TYPES: { value: SecType; label: string }[] = [
  { value: 'STK', label: 'Stock / ETF' },
  { value: 'OPT', label: 'Option' },
  { value: 'FUT', label: 'Future' },
];

function formFrom(prefill: TicketPrefill, firstAccount: string): Form {
  const c = prefill.contract ?? {};
  return {
    account: prefill.account ?? firstAccount,
    symbol: c.symbol ?? '',
    secType: c.secType ?? 'STK',
    currency: c.currency ?? 'USD',
    exchange: c.exchange ?? 'SMART',
    expiry: c.lastTradeDate ?? '',
    strike: c.strike?.toString() ?? '',
    right: c.right ?? 'C',
    action: prefill.action ?? 'BUY',
    quantity: prefill.quantity?.toString() ?? '',
    orderType: prefill.orderType ?? 'LMT',
    limitPrice: prefill.limitPrice?.toString() ?? '',
    stopPrice: prefill.stopPrice?.toString() ?? '',
    trailBy: prefill.trailingPercent !== undefined ? 'percent' : 'amount',
    trail: (prefill.trailingPercent ?? prefill.trailingAmount)?.toString() ?? '',
    trailStop: prefill.trailStopPrice?.toString() ?? '',
    limitOffset: prefill.limitOffset?.toString() ?? '',
    adaptive: prefill.adaptive ?? '',
    tif: prefill.tif ?? 'DAY',
    outsideRth: prefill.outsideRth ?? false,
    modifyOrderId: prefill.modifyOrderId,
    allocation: null,
    bracket: null,
  };
}

/** Empty text stays undefined, so the server's schema says "enter a …" rather than "not a number". */
const number = (text: string) => (text.trim() === '' ? undefined : Number(text));

/** The order's terms, whichever account and quantity they go with. */
function termsFrom(f: Form): AllocationRequestInput['order'] {
  const needsLimit = f.orderType === 'LMT' || f.orderType === 'STP LMT';
  const needsStop = f.orderType === 'STP' || f.orderType === 'STP LMT';
  const contract: OrderTicketInput['contract'] = {
    symbol: f.symbol.trim().toUpperCase(),
    secType: f.secType,
    currency: f.currency.trim().toUpperCase(),
    exchange: f.exchange.trim().toUpperCase(),
  };
  if (f.secType !== 'STK' && f.expiry.trim() !== '') contract.lastTradeDate = f.expiry.trim();
  if (f.secType === 'OPT') {
    contract.right = f.right;
    const strike = number(f.strike);
    if (strike !== undefined) contract.strike = strike;
  }
  const terms: AllocationRequestInput['order'] = {
    contract,
    action: f.action,
    orderType: f.orderType,
    tif: f.tif,
    outsideRth: f.outsideRth,
  };
  const limit = number(f.limitPrice);
  const stop = number(f.stopPrice);
  if (needsLimit && limit !== undefined) terms.limitPrice = limit;
  if (needsStop && stop !== undefined) terms.stopPrice = stop;
  if (f.orderType === 'TRAIL' || f.orderType === 'TRAIL LIMIT') {
    const trail = number(f.trail) ?? Number.NaN;
    if (f.trailBy === 'percent') terms.trailingPercent = trail;
    else terms.trailingAmount = trail;
    const first = number(f.trailStop);
    if (first !== undefined) terms.trailStopPrice = first;
  }
  if (f.orderType === 'TRAIL LIMIT') terms.limitOffset = number(f.limitOffset) ?? Number.NaN;
  if ((f.orderType === 'MKT' || f.orderType === 'LMT') && f.adaptive !== '') terms.adaptive = f.adaptive;
  return terms;
}

function ticketFrom(f: Form): OrderTicketInput {
  const ticket: OrderTicketInput = { account: f.account, ...termsFrom(f), quantity: number(f.quantity) ?? Number.NaN };
  if (f.modifyOrderId !== undefined) ticket.modifyOrderId = f.modifyOrderId;
  return ticket;
}

/** The order ticket: keyboard first (Enter previews, Escape closes), every field labelled. */
export function OrderTicket() {
  const { ticketOpen, ticketKey } = useOrderStore();
  if (!ticketOpen) return null;
  return <TicketForm key={ticketKey} />;
}

function TicketForm() {
  const { prefill, accounts, accountsError, previewing: previewingOne, previewError } = useOrderStore();
  const previewingAllocation = useAllocationStore((s) => s.previewing);
  const previewingBracket = useBracketStore((s) => s.previewing);
  const previewing = previewingOne || previewingAllocation || previewingBracket;
  const [form, setForm] = useState<Form>(() => formFrom(prefill, accounts.find(choosable)?.id ?? ''));
  const firstField = useRef<HTMLSelectElement>(null);
  const quantityField = useRef<HTMLInputElement>(null);
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));
  /** A price-like field of the form, typed as text and parsed when the ticket is built. */
  const decimalField = (
    key: 'limitPrice' | 'stopPrice' | 'trail' | 'trailStop' | 'limitOffset',
    label: string,
    size: number,
  ) => (
    <label>
      {label}
      <input value={form[key]} onChange={(e) => set(key, e.target.value)} inputMode="decimal" size={size} />
    </label>
  );

  // A modify starts where the change is made: the account and instrument are fixed. (The form is keyed
  // by ticketKey, so modifyOrderId cannot change while it is mounted.)
  const startsAtQuantity = form.modifyOrderId !== undefined;
  useEffect(() => (startsAtQuantity ? quantityField : firstField).current?.focus(), [startsAtQuantity]);
  // Accounts may arrive after the ticket opens: until one is chosen, the first choosable one is meant.
  const account = form.account || (accounts.find(choosable)?.id ?? '');
  const needsLimit = form.orderType === 'LMT' || form.orderType === 'STP LMT';
  const needsStop = form.orderType === 'STP' || form.orderType === 'STP LMT';
  const trailing = form.orderType === 'TRAIL' || form.orderType === 'TRAIL LIMIT';
  const fixed = form.modifyOrderId !== undefined;
  const title = fixed ? `Modify order ${form.modifyOrderId}` : 'Order ticket';
  const allocation = form.allocation;
  const bracketable = !fixed && !allocation && BRACKET_ENTRIES.includes(form.orderType);
  const bracket = bracketable ? form.bracket : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (allocation) {
      const sizing = sizingFrom(allocation, form.quantity);
      void requestAllocationPreview({ order: termsFrom(form), accounts: allocation.accounts, sizing });
    } else if (bracket) {
      const takeProfit = number(bracket.takeProfit);
      const stopLoss = number(bracket.stopLoss);
      void requestBracketPreview({
        entry: ticketFrom({ ...form, account }),
        ...(takeProfit === undefined ? {} : { takeProfit: { limitPrice: takeProfit } }),
        ...(stopLoss === undefined ? {} : { stopLoss: { stopPrice: stopLoss } }),
      });
    } else {
      void requestPreview(ticketFrom({ ...form, account }));
    }
  };
  const several = (on: boolean) =>
    set(
      'allocation',
      on
        ? { accounts: accounts.filter(choosable).map((a) => a.id), mode: 'same', perAccount: {}, risk: NO_RISK }
        : null,
    );

  return (
    <form
      className="panel order-ticket"
      aria-label={title}
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') closeTicket();
      }}
    >
      <h2>{title}</h2>
      {fixed && (
        <p className="ticket-note">
          Only the quantity, prices and time in force of a working order can change; every rule is checked again.
        </p>
      )}
      <div className="ticket-grid">
        {!fixed && (
          <label className="inline allocate-toggle">
            <input type="checkbox" checked={allocation !== null} onChange={(e) => several(e.target.checked)} />
            Several accounts (one order each)
          </label>
        )}
        {allocation ? (
          <AllocationFields accounts={accounts} form={allocation} onChange={(next) => set('allocation', next)} />
        ) : (
          <AccountPicker
            accounts={accounts}
            account={account}
            fixed={fixed}
            loadFailed={accountsError !== null}
            selectRef={firstField}
            onChange={(id) => {
              set('account', id);
              void prefill
                .resize?.(id)
                .then((q) => q !== null && setForm((f) => (f.account === id ? { ...f, quantity: String(q) } : f)));
            }}
          />
        )}
        <label>
          Instrument type
          <select value={form.secType} disabled={fixed} onChange={(e) => set('secType', e.target.value as SecType)}>
            {SEC_TYPES.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Symbol
          <input
            value={form.symbol}
            readOnly={fixed}
            onChange={(e) => set('symbol', e.target.value)}
            autoComplete="off"
            spellCheck={false}
          />
        </label>
        <label>
          Currency
          <input value={form.currency} readOnly={fixed} onChange={(e) => set('currency', e.target.value)} size={4} />
        </label>
        <label>
          Exchange
          <input value={form.exchange} readOnly={fixed} onChange={(e) => set('exchange', e.target.value)} size={7} />
        </label>
        {form.secType !== 'STK' && (
          <label>
            {form.secType === 'OPT' ? 'Expiry (YYYYMMDD)' : 'Contract month (YYYYMM)'}
            <input value={form.expiry} readOnly={fixed} onChange={(e) => set('expiry', e.target.value)} size={9} />
          </label>
        )}
        {form.secType === 'OPT' && (
          <>
            <label>
              Strike
              <input
                value={form.strike}
                readOnly={fixed}
                onChange={(e) => set('strike', e.target.value)}
                inputMode="decimal"
                size={7}
              />
            </label>
            <label>
              Right
              <select value={form.right} disabled={fixed} onChange={(e) => set('right', e.target.value as 'C' | 'P')}>
                <option value="C">Call</option>
                <option value="P">Put</option>
              </select>
            </label>
          </>
        )}
        <fieldset className="side">
          <legend>Side</legend>
          {(['BUY', 'SELL'] as const).map((side) => (
            <label key={side} className="inline">
              <input
                type="radio"
                name="side"
                checked={form.action === side}
                disabled={fixed}
                onChange={() => set('action', side)}
              />
              {side === 'BUY' ? 'Buy' : 'Sell'}
            </label>
          ))}
        </fieldset>
        {allocation?.mode !== 'per-account' && (
          <label>
            {allocation ? AMOUNT_LABELS[allocation.mode] : 'Quantity'}
            <input
              ref={quantityField}
              value={form.quantity}
              onChange={(e) => set('quantity', e.target.value)}
              inputMode="decimal"
              size={7}
            />
          </label>
        )}
        <label>
          Order type
          <select
            value={form.orderType}
            disabled={fixed}
            onChange={(e) => set('orderType', e.target.value as OrderType)}
          >
            <option value="MKT">Market (MKT)</option>
            <option value="LMT">Limit (LMT)</option>
            <option value="STP">Stop (STP)</option>
            <option value="STP LMT">Stop limit (STP LMT)</option>
            <option value="TRAIL">Trailing stop (TRAIL)</option>
            <option value="TRAIL LIMIT">Trailing stop limit (TRAIL LIMIT)</option>
          </select>
        </label>
        {trailing && (
          <>
            <label>
              Trail by
              <select
                value={form.trailBy}
                disabled={fixed}
                onChange={(e) => set('trailBy', e.target.value === 'percent' ? 'percent' : 'amount')}
              >
                <option value="amount">Amount</option>
                <option value="percent">Percent</option>
              </select>
            </label>
            {decimalField('trail', form.trailBy === 'percent' ? 'Trailing percent' : 'Trailing amount', 7)}
            {decimalField('trailStop', 'First trigger (optional)', 9)}
          </>
        )}
        {form.orderType === 'TRAIL LIMIT' && decimalField('limitOffset', 'Limit offset', 7)}
        {(form.orderType === 'MKT' || form.orderType === 'LMT') && (
          <label>
            IBKR Adaptive algo
            <select
              value={form.adaptive}
              disabled={fixed}
              onChange={(e) => set('adaptive', isOneOf(ADAPTIVE_PRIORITIES, e.target.value) ? e.target.value : '')}
            >
              <option value="">None</option>
              {ADAPTIVE_PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </label>
        )}
        {needsLimit && decimalField('limitPrice', 'Limit price', 9)}
        {needsStop && decimalField('stopPrice', 'Stop price', 9)}
        {bracketable && <BracketFields form={bracket} onChange={(next) => set('bracket', next)} />}
        {!allocation && !fixed && (
          <RiskSizer account={account} terms={() => termsFrom(form)} onSized={(q) => set('quantity', String(q))} />
        )}
        <label>
          Time in force
          <select value={form.tif} onChange={(e) => set('tif', e.target.value as 'DAY' | 'GTC')}>
            <option value="DAY">Day</option>
            <option value="GTC">Good until cancelled</option>
          </select>
        </label>
        <label className="inline">
          <input type="checkbox" checked={form.outsideRth} onChange={(e) => set('outsideRth', e.target.checked)} />
          Outside regular hours
        </label>
      </div>
      {!allocation && <DeltaLine ticket={ticketFrom(form)} />}
      {accountsError && <LoadError label="Accounts" message={accountsError} onRetry={() => void loadAccounts()} />}
      {previewError && (
        <div role="alert" className="ticket-error">
          <p>{previewError.message}</p>
          {previewError.issues && (
            <ul>
              {previewError.issues.map((issue) => (
                <li key={issue}>{issue}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={closeTicket}>
          Close ticket
        </button>
        <button type="submit" disabled={previewing || (!allocation && !pickable(accounts, account))}>
          {previewing ? 'Checking…' : bracket ? 'Preview bracket' : 'Preview order'}
        </button>
      </div>
    </form>
  );
}
