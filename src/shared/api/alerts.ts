import { z } from 'zod';
import { request, type EventMap, type RequestMap } from './define';
import { AlertConditionSchema, PriceAlertSchema } from '../alerts';
import { ListingSchema } from '../market';
import { NotificationEventSchema, NotificationSettingsSchema } from '../notifications';
import { HotkeySettingsSchema } from '../hotkey-settings';

const AlertListSchema = z.array(PriceAlertSchema);

/** Price alerts, the notifications made from orders, the session and alerts, and the window's shortcuts. */
export const alertsRequests = {
  'alerts.list': request(z.void(), AlertListSchema, 'Every price alert, fired ones included until removed.'),
  'alerts.add': request(
    z.strictObject({ listing: ListingSchema, condition: AlertConditionSchema }),
    AlertListSchema,
    'Set a price alert (above, below, or a % move from the price now); it holds a quote line until it fires.',
  ),
  'alerts.remove': request(
    z.strictObject({ id: z.string().min(1).max(64) }),
    AlertListSchema,
    'Remove a price alert, fired or not.',
  ),
  'notifications.settings': request(
    z.void(),
    NotificationSettingsSchema,
    'Which notifications are on, and the fill sound.',
  ),
  'notifications.setSettings': request(
    NotificationSettingsSchema,
    NotificationSettingsSchema,
    'Turn notification kinds, OS notifications and the fill sound on or off.',
  ),
  'hotkeys.get': request(z.void(), HotkeySettingsSchema, 'The configurable keyboard shortcuts.'),
  'hotkeys.set': request(
    HotkeySettingsSchema,
    HotkeySettingsSchema,
    'Change the keyboard shortcuts; refused when two share a key or one would type into fields.',
  ),
} as const satisfies RequestMap;

export const alertsEvents = {
  /** An alert fired (once); it stays in the list, marked fired. */
  'alerts.fired': PriceAlertSchema,
  'notifications.event': NotificationEventSchema,
} as const satisfies EventMap;
