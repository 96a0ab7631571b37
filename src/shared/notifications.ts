import { z } from 'zod';

export const NotificationKindSchema = z.enum([
  'fill',
  'partial-fill',
  'rejected',
  'cancelled',
  'connection-lost',
  'connection-restored',
  'alert',
]);
export type NotificationKind = z.infer<typeof NotificationKindSchema>;

export const NotificationEventSchema = z.object({
  kind: NotificationKindSchema,
  title: z.string(),
  body: z.string(),
  at: z.number(),
  /** Play the fill sound: decided in core from the settings, so every window agrees. */
  sound: z.boolean(),
});
export type NotificationEvent = z.infer<typeof NotificationEventSchema>;

const on = z.boolean().default(true);

/** Each kind on or off, and whether fills make a sound. */
export const NotificationSettingsSchema = z.strictObject({
  kinds: z
    .strictObject({
      fill: on,
      'partial-fill': on,
      rejected: on,
      cancelled: on,
      'connection-lost': on,
      'connection-restored': on,
      alert: on,
    })
    .prefault({}),
  /** OS notifications besides the in-window toasts; off until the person enables them (the browser asks). */
  os: z.boolean().default(false),
  fillSound: z.boolean().default(true),
});
export type NotificationSettings = z.infer<typeof NotificationSettingsSchema>;
