import { z } from 'zod';
import { TradingModeSchema } from './session';

const PortSchema = z.number().int().min(1).max(65535);

const GatewayEndpointSchema = z.strictObject({
  host: z.string().min(1).max(253).default('127.0.0.1'),
  port: PortSchema,
  /** IB's API client id; Gatehouse tries the next ones when this one is in use (326). */
  clientId: z.number().int().min(0).max(32767).default(17),
});

/** The gateway ports IBKR ships with: IB Gateway 4002 / 4001, TWS 7497 / 7496 (paper / live). */
export const DEFAULT_PORTS = { paper: { gateway: 4002, tws: 7497 }, live: { gateway: 4001, tws: 7496 } } as const;

export const SettingsSchema = z.strictObject({
  version: z.literal(1).default(1),
  /** Demo (the built-in simulator) until the person chooses otherwise. */
  mode: TradingModeSchema.default('demo'),
  /** Order entry off in every mode: the notes' "read-only login for portfolio queries". */
  readOnly: z.boolean().default(false),
  gateway: z
    .strictObject({
      paper: GatewayEndpointSchema.default({ host: '127.0.0.1', port: DEFAULT_PORTS.paper.gateway, clientId: 17 }),
      live: GatewayEndpointSchema.default({ host: '127.0.0.1', port: DEFAULT_PORTS.live.gateway, clientId: 17 }),
      /** A gateway on another machine exposes the session to the network: off unless the person says so. */
      allowRemoteHost: z.boolean().default(false),
    })
    .prefault({}),
});

export type Settings = z.infer<typeof SettingsSchema>;
export const defaultSettings = (): Settings => SettingsSchema.parse({});
