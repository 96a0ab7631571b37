import { orderDelta } from '../../../../shared/greeks-exposure';
import type { OrderTicketInput } from '../../../../shared/ticket';
import { useChainStore } from '../../stores/chain-store';
import { useHeldGreeksStore } from '../../stores/held-greeks-store';
import { useMarketStore } from '../../stores/market-store';
import { formatSigned } from '../../format';

type Ticket = Pick<OrderTicketInput, 'account' | 'action' | 'quantity'> & {
  contract: Pick<
    OrderTicketInput['contract'],
    'symbol' | 'secType' | 'lastTradeDate' | 'strike' | 'right' | 'multiplier'
  >;
};

/** The option the ticket names, among those the window has greeks for: the chain's rows and the held options. */
function optionConId(contract: Ticket['contract']): number | undefined {
  const same = (option: { symbol: string; expiry: string; strike: number; right: string }) =>
    option.symbol === contract.symbol.toUpperCase() &&
    option.expiry === contract.lastTradeDate &&
    option.strike === contract.strike &&
    option.right === contract.right;
  const rows = useChainStore.getState().rows?.rows ?? [];
  const inChain = rows.flatMap((row) => [row.call, row.put]).find((option) => option !== null && same(option));
  if (inChain) return inChain.conId;
  return [...useHeldGreeksStore.getState().options.values()].find(same)?.conId;
}

const sharesOf = (delta: number) => `${formatSigned(Math.round(delta), 0) || '0'} sh`;

/**
 * For an option order: its delta in shares of the underlying, and the account's delta in that underlying
 * before → after. Says so when the option's greeks are not known here (neither in the chain nor held).
 */
export function DeltaLine({ ticket }: { ticket: Ticket }) {
  const { contract } = ticket;
  const conId = contract.secType === 'OPT' ? optionConId(contract) : undefined;
  const delta = useMarketStore((s) => (conId === undefined ? null : (s.quotes.get(conId)?.option?.delta ?? null)));
  const book = useHeldGreeksStore((s) => s.book);
  if (contract.secType !== 'OPT' || !contract.symbol) return null;
  const underlying = contract.symbol.toUpperCase();
  const change = Number.isFinite(ticket.quantity)
    ? orderDelta({ ...ticket, secType: 'OPT', multiplier: contract.multiplier }, delta)
    : null;
  if (change === null) {
    return (
      <p className="delta-line" aria-label="Order delta">
        Order delta: unknown until the option streams greeks (open the {underlying} chain).
      </p>
    );
  }
  const before = book?.accounts.get(ticket.account)?.find((exposure) => exposure.underlying === underlying)?.delta ?? 0;
  return (
    <p className="delta-line" aria-label="Order delta">
      Order delta: {sharesOf(change)} {underlying} · {ticket.account} {underlying} delta {sharesOf(before)} →{' '}
      {sharesOf(before + change)}
    </p>
  );
}
