import { z } from 'zod';
import { ListingSchema } from './market';
import { TradingModeSchema } from './session';
import { AccountKindSchema } from './ticket';
import { OrderLimitSettingsSchema } from './order-limits';
import { MAX_ALERTS, PriceAlertSchema } from './alerts';
import { HotkeySettingsSchema } from './hotkey-settings';
import { NotificationSettingsSchema } from './notifications';
import { DEFAULT_IDLE_DISARM_MINUTES, GatewayLaunchSchema, IdleDisarmMinutesSchema } from './gateway-launch';

const PortSchema = z.number().int().min(1).max(65535);

const GatewayEndpointSchema = z.strictObject({
  host: z.string().min(1).max(253).default('127.0.0.1'),
  port: PortSchema,
  /** IB's API client id; Gatehouse tries the next ones when this one is in use (326). */
  clientId: z.number().int().min(0).max(32767).default(17),
});

/** The gateway ports IBKR ships with: IB Gateway 4002 / 4001, TWS 7497 / 7496 (paper / live). */
export const DEFAULT_PORTS = { paper: { gateway: 4002, tws: 7497 }, live: { gateway: 4001, tws: 7496 } } as const;

/** One account's type and label as the person set them; either may be absent. */
export const AccountOverrideSchema = z.strictObject({
  kind: AccountKindSchema.optional(),
  label: z.string().max(40).optional(),
});
export type AccountOverride = z.infer<typeof AccountOverrideSchema>;

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
  /** The watchlist's listings, in the order the person arranged them. */
  watchlist: z.array(ListingSchema).max(500).default([]),
  /** The watchlist was once started from the instruments held: never again, even when the person empties it. */
  watchlistSeeded: z.boolean().default(false),
  /** Market data lines this IBKR login may hold at once: 100 unless commissions or boosters add more. */
  marketDataLines: z.number().int().min(1).max(10_000).default(100),
  /** Optional: start IB Gateway through IBC with the keychain login (off by default). */
  gatewayLaunch: GatewayLaunchSchema.prefault({}),
  liveIdleDisarmMinutes: IdleDisarmMinutesSchema.default(DEFAULT_IDLE_DISARM_MINUTES),
  /** Per account: the person's own type and label, over what IBKR's AccountType tag says. */
  accountOverrides: z.record(z.string(), AccountOverrideSchema).default({}),
  /** Order limits the rules enforce: size, value, price deviation, order rate, the MLP list. */
  orders: OrderLimitSettingsSchema.prefault({}),
  /** Price alerts, fired ones included until the person removes them. */
  alerts: z.array(PriceAlertSchema).max(MAX_ALERTS).default([]),
  notifications: NotificationSettingsSchema.prefault({}),
  hotkeys: HotkeySettingsSchema.prefault({}),
});

export type Settings = z.infer<typeof SettingsSchema>;
export const defaultSettings = (): Settings => SettingsSchema.parse({});
