import type { ContractDetails, IBApiNext, Contract as IbContract } from '@stoqey/ib';
import type { BracketLeg, OrderPreview, SubmitResult, TicketAccount } from '../../shared/orders';
import type { SessionState } from '../../shared/session';
import type { Check, OrderTicket } from '../../shared/ticket';
import { hasBlock, warningsToAcknowledge } from '../rules';
import type { LegLinks } from './bracket-legs';
import type { WhatIfResult } from './gateway-reader';
import type { GatewayOpenOrder } from './rule-context-builder';

/** What the order service reads and decides between a preview and its submit. */

/** What a preview read that its submit reuses: the contract (it describes the instrument) and the what-if. */
export interface PreviewFacts {
  details: ContractDetails;
  whatIf: WhatIfResult;
  /** A bracket leg's place in its group, which its rules depend on; null for a lone order. */
  group: LegGroup | null;
  /** A roll's leg (sent only inside its BAG); null otherwise. */
  roll?: RollLeg | null;
}

/** A leg of a roll: the open leg is ruled once the close leg has filled (roll-rules.ts). */
export interface RollLeg {
  closing: { conId: number; contracts: number } | null;
}

/** A bracket leg, and the entry whose fill its exits are judged after. */
export interface LegGroup {
  leg: BracketLeg;
  entry: OrderTicket;
}

/** What the rules read for one order, and the checks they gave. */
export interface Evaluation {
  api: IBApiNext;
  details: ContractDetails;
  contract: IbContract;
  checks: Check[];
  /** Uncounts a submit the re-check cleared (and so counted against the order caps) that is not sent after all. */
  uncount: () => void;
  /** A modify's links to its bracket and OCA group, re-sent with it. */
  links: LegLinks | null;
  account: TicketAccount;
  session: SessionState;
  whatIf: WhatIfResult;
  target: GatewayOpenOrder | null;
  quote: OrderPreview['quote'];
}

/** A preview re-ruled at submit and cleared to go, with what the rules read. */
export interface Checked {
  outcome: 'checked';
  preview: OrderPreview;
  evaluation: Evaluation;
  acknowledgements: readonly string[];
}
export type Rechecked = Checked | Extract<SubmitResult, { outcome: 'refused' }>;

/** An exit's what-if is not asked on its own (see group-rules.ts); the entry's stands for the bracket. */
export const EXIT_WHAT_IF: WhatIfResult = { figures: null, answer: { state: 'answered' } };

/** Why a re-checked order may not go: a check that blocks, or a warning not acknowledged; null when it may. */
export function refusalOf(checks: readonly Check[], acknowledgements: readonly string[]): string | null {
  if (hasBlock(checks)) {
    const blocking = checks.filter((c) => c.outcome === 'block').map((c) => c.rule);
    return `Not sent: on fresh data, ${blocking.join(', ')} ${blocking.length === 1 ? 'blocks' : 'block'} this order.`;
  }
  const missing = warningsToAcknowledge(checks).filter((id) => !acknowledgements.includes(id));
  if (missing.length === 0) return null;
  const names = checks.filter((c) => missing.includes(c.id)).map((c) => c.rule);
  return `Not sent: acknowledge each warning first (${names.join(', ')}).`;
}
