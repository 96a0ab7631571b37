import { z } from 'zod';

/** The modes Gatehouse can start IB Gateway for; demo runs the built-in simulator instead. */
export const LaunchModeSchema = z.enum(['paper', 'live']);
export type LaunchMode = z.infer<typeof LaunchModeSchema>;

const PathSchema = z.string().trim().max(4096);

/**
 * Starting IB Gateway through IBC with the keychain login: off unless the person turns it on and
 * points it at both installations.
 */
export const GatewayLaunchSchema = z.strictObject({
  enabled: z.boolean().default(false),
  /** IB Gateway's versioned installation folder, e.g. ~/Jts/ibgateway/1030. */
  gatewayPath: PathSchema.default(''),
  /** IBC's folder, the one holding scripts/ibcstart.sh (StartGateway.bat on Windows). */
  ibcPath: PathSchema.default(''),
  /** Which modes start a gateway; the others expect one to be running already. */
  modes: z
    .array(LaunchModeSchema)
    .max(2)
    .refine((modes) => new Set(modes).size === modes.length, 'Each mode may be listed once.')
    .default(['paper']),
  /** How long to wait for the API port; a login with two-factor approval needs time. */
  waitSeconds: z.number().int().min(10).max(900).default(180),
});
export type GatewayLaunchSettings = z.infer<typeof GatewayLaunchSchema>;

/** Live trading disarms after this many minutes without the person using the window. */
export const IdleDisarmMinutesSchema = z.number().int().min(1).max(480);
export const DEFAULT_IDLE_DISARM_MINUTES = 15;
