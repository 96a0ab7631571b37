import { z } from 'zod';

/** Where Gatehouse gets its data: the built-in simulator, a paper gateway, or a live one. */
export const TradingModeSchema = z.enum(['demo', 'paper', 'live']);
export type TradingMode = z.infer<typeof TradingModeSchema>;

export const ConnectionStateSchema = z.enum(['disconnected', 'connecting', 'connected', 'degraded', 'reconnecting']);
export type ConnectionState = z.infer<typeof ConnectionStateSchema>;

export const FarmStatusSchema = z.object({
  name: z.string(),
  ok: z.boolean(),
  /** The IB code that last changed it (2103–2158). */
  code: z.number().int(),
});

export const SessionErrorSchema = z.object({
  /** IB's error code when the gateway gave one; null for our own (socket, heartbeat). */
  ibCode: z.number().int().nullable(),
  /** A sentence a person understands. */
  message: z.string(),
  at: z.number(),
});

export const SessionStateSchema = z.object({
  state: ConnectionStateSchema,
  mode: TradingModeSchema,
  /** Read-only: order entry is off whatever the mode. */
  readOnly: z.boolean(),
  host: z.string(),
  port: z.number().int().nullable(),
  serverVersion: z.number().int().nullable(),
  /** The API client id in use (may be above the configured one after a 326). */
  clientId: z.number().int().nullable(),
  accounts: z.array(z.string()),
  heartbeatLatencyMs: z.number().nullable(),
  lastHeartbeatAt: z.number().nullable(),
  farms: z.array(FarmStatusSchema),
  lastError: SessionErrorSchema.nullable(),
  /** Live trading armed for this session (typed confirmation); always false outside live mode. */
  liveArmed: z.boolean(),
  /** Why no order may be sent right now (read-only, live not armed, accounts not matching the mode…); null when trading is allowed. */
  tradingBlockedReason: z.string().nullable(),
  /** Short explanation of the state for the status bar and tray tooltip. */
  detail: z.string(),
});
export type SessionState = z.infer<typeof SessionStateSchema>;
