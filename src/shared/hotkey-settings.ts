import { z } from 'zod';
import { DEFAULT_HOTKEYS, hotkeyProblems } from './hotkeys';

/** The shortcuts as stored: each parsable, none shared, none typing into a field. */
export const HotkeySettingsSchema = z
  .strictObject({
    buyAtAsk: z.string().max(40).default(DEFAULT_HOTKEYS.buyAtAsk),
    sellAtBid: z.string().max(40).default(DEFAULT_HOTKEYS.sellAtBid),
    cancelLast: z.string().max(40).default(DEFAULT_HOTKEYS.cancelLast),
    killSwitch: z.string().max(40).default(DEFAULT_HOTKEYS.killSwitch),
  })
  .superRefine((keys, context) => {
    for (const message of hotkeyProblems(keys)) context.addIssue({ code: 'custom', message });
  });
