import { z } from 'zod';
import { request, type RequestMap } from './define';
import { DEFAULT_IDLE_DISARM_MINUTES, GatewayLaunchSchema, IdleDisarmMinutesSchema } from '../gateway-launch';

export const GatewaySettingsSchema = z.strictObject({
  launch: GatewayLaunchSchema,
  liveIdleDisarmMinutes: IdleDisarmMinutesSchema.default(DEFAULT_IDLE_DISARM_MINUTES),
});
export type GatewaySettings = z.infer<typeof GatewaySettingsSchema>;

/** The Settings dialog's Gateway section: the optional IB Gateway launch and the live idle-disarm time. */
export const gatewaySettingsRequests = {
  'gatewaySettings.get': request(
    z.void(),
    GatewaySettingsSchema,
    'The optional IB Gateway launch and the live idle-disarm time.',
  ),
  'gatewaySettings.set': request(
    GatewaySettingsSchema,
    GatewaySettingsSchema,
    'Change the IB Gateway launch and the live idle-disarm time; checked before anything is saved.',
  ),
} as const satisfies RequestMap;
