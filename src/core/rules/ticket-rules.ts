import { block, defineRule, pass } from './rule';
import type { OrderTicket } from '../../shared/ticket';
import type { RuleContext } from './rule-context';

/**
 * The ticket must describe the account and the contract the context was gathered for; otherwise
 * every other check would describe the wrong account or instrument. The engine stops at this rule
 * when it blocks.
 */
export const ticketMatchesContext = defineRule({
  id: 'ticket',
  rule: 'Ticket matches account and contract',
  appliesTo: () => true,
  evaluate(ticket, ctx) {
    const problems = mismatches(ticket, ctx);
    if (problems.length > 0) {
      return block(`The order cannot be checked: ${problems.join('; ')}.`);
    }
    return pass(`${ctx.instrument.symbol} in ${ctx.account.label} (${ctx.account.id}).`);
  },
});

function mismatches(ticket: OrderTicket, ctx: RuleContext): string[] {
  const { contract } = ticket;
  const inst = ctx.instrument;
  const out: string[] = [];
  if (ticket.account !== ctx.account.id) {
    out.push(`the ticket is for account ${ticket.account} but the account details are for ${ctx.account.id}`);
  }
  if (contract.symbol !== inst.symbol || contract.secType !== inst.secType) {
    out.push(
      `the ticket is for ${contract.symbol} (${contract.secType}) but the contract details are for ${inst.symbol} (${inst.secType})`,
    );
  }
  if (contract.currency !== inst.currency) {
    out.push(`the ticket is in ${contract.currency} but ${inst.symbol} trades in ${inst.currency}`);
  }
  if (contract.conId !== undefined && contract.conId !== inst.conId) {
    out.push(`the ticket's contract id ${contract.conId} is not ${inst.symbol}'s (${inst.conId})`);
  }
  if (!(Number.isInteger(inst.conId) && inst.conId > 0)) {
    out.push(`the contract details have no valid contract id`);
  }
  if (!(Number.isFinite(inst.multiplier) && inst.multiplier > 0)) {
    out.push(`the contract details have no valid multiplier`);
  } else if (contract.multiplier !== undefined && contract.multiplier !== inst.multiplier) {
    out.push(`the ticket's multiplier ${contract.multiplier} is not the contract's ${inst.multiplier}`);
  }
  if (inst.secType === 'OPT') {
    if (inst.strike === undefined || inst.right === undefined || inst.lastTradeDate === undefined) {
      out.push(`the option's contract details lack its strike, right or expiry`);
    } else if (
      contract.strike !== inst.strike ||
      contract.right !== inst.right ||
      contract.lastTradeDate === undefined ||
      !inst.lastTradeDate.startsWith(contract.lastTradeDate)
    ) {
      out.push(
        `the ticket's option (${contract.lastTradeDate} ${contract.strike} ${contract.right}) is not the looked-up one (${inst.lastTradeDate} ${inst.strike} ${inst.right})`,
      );
    }
  }
  if (
    inst.secType === 'FUT' &&
    (inst.lastTradeDate === undefined ||
      contract.lastTradeDate === undefined ||
      !inst.lastTradeDate.startsWith(contract.lastTradeDate))
  ) {
    out.push(`the ticket's future (${contract.lastTradeDate}) is not the looked-up one (${inst.lastTradeDate})`);
  }
  return out;
}
