import type { OrderPreview } from '../../shared/orders';
import type { Check } from '../../shared/ticket';
import type { WhatIfResult } from './gateway-reader';

/** A preview's what-if stands in at submit while the preview is younger than this. */
export const WHAT_IF_REUSE_MS = 30_000;

/**
 * The preview's what-if stands for the order at submit while the preview is younger than
 * WHAT_IF_REUSE_MS (the ticket cannot have changed: a preview id is bound to its ticket); an older one
 * is asked again. Either way a check says which, so the dialog and the audit log show it.
 */
export function whatIfAtSubmit(
  preview: Pick<OrderPreview, 'createdAt'>,
  whatIf: WhatIfResult,
  now: number,
): { whatIf: WhatIfResult | null; check: Check } {
  const ageS = Math.max(0, Math.round((now - preview.createdAt) / 1000));
  const limitS = WHAT_IF_REUSE_MS / 1000;
  const young = now - preview.createdAt < WHAT_IF_REUSE_MS;
  return {
    whatIf: young ? whatIf : null,
    check: {
      id: 'what-if-age',
      rule: 'What-if figures',
      outcome: 'info',
      message: young
        ? `The margin and commission figures are the preview's what-if from ${ageS} s ago, reused because the ticket is unchanged and the preview is under ${limitS} s old.`
        : `The gateway's what-if was asked again at submit: the preview is ${ageS} s old, and its figures are reused only under ${limitS} s.`,
    },
  };
}

/** What the confirmation says beside the what-if figures when there are none. */
export function whatIfProblem(answer: WhatIfResult['answer']): string | null {
  if (answer.state === 'refused') return `What-if refused: ${answer.reason}`;
  return answer.state === 'no-answer' ? answer.reason : null;
}
