/**
 * What the gateway's session-level messages mean for the connection, in words a person understands.
 * Order and market-data errors are not here: they belong to the requests that caused them.
 */
export type GatewayNotice =
  | { kind: 'upstream-lost'; message: string }
  | { kind: 'upstream-restored'; dataLost: boolean; message: string }
  | { kind: 'farm'; farm: string; ok: boolean; message: string }
  | { kind: 'client-id-in-use'; message: string }
  | { kind: 'competing-session'; message: string }
  | { kind: 'socket-reset'; message: string };

const FARM_BROKEN = new Set([2103, 2105, 2157]);
const FARM_OK = new Set([2104, 2106, 2107, 2108, 2158]);

/** The farm a 2103–2158 message names after its colon, e.g. "…connection is OK:usfarm" → "usfarm". */
export function farmName(text: string): string {
  const name = text.slice(text.lastIndexOf(':') + 1).trim();
  return name.length > 0 && name !== text.trim() ? name : 'unknown farm';
}

const FARM_KINDS: Record<number, string> = {
  2103: 'market data',
  2104: 'market data',
  2105: 'historical data',
  2106: 'historical data',
  2107: 'historical data',
  2108: 'market data',
  2157: 'security definition',
  2158: 'security definition',
};

export function classifyGatewayMessage(code: number, text: string): GatewayNotice | null {
  if (code === 1100 || code === 2110) {
    return {
      kind: 'upstream-lost',
      message: 'IB Gateway lost its connection to IBKR. It reconnects by itself; prices and orders may be stale.',
    };
  }
  if (code === 1101) {
    return {
      kind: 'upstream-restored',
      dataLost: true,
      message: 'IB Gateway is back in touch with IBKR; its data was lost, so Gatehouse is subscribing again.',
    };
  }
  if (code === 1102) {
    return {
      kind: 'upstream-restored',
      dataLost: false,
      message: 'IB Gateway is back in touch with IBKR; no data was lost.',
    };
  }
  if (FARM_BROKEN.has(code) || FARM_OK.has(code)) {
    const farm = farmName(text);
    const ok = FARM_OK.has(code);
    const what = FARM_KINDS[code] ?? 'data';
    return {
      kind: 'farm',
      farm,
      ok,
      message: ok
        ? `The ${what} farm ${farm} is available.`
        : `The ${what} farm ${farm} is down: its data is unavailable or stale.`,
    };
  }
  if (code === 326) {
    return { kind: 'client-id-in-use', message: 'Another program is connected with the same client id.' };
  }
  if (code === 10197) {
    return {
      kind: 'competing-session',
      message:
        'Your IBKR login is active elsewhere (another TWS, Gateway or the mobile app), so market data is paused here.',
    };
  }
  if (code === 1300) {
    return { kind: 'socket-reset', message: 'IB Gateway reset its socket port; Gatehouse is reconnecting.' };
  }
  return null;
}
