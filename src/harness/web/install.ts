import { createClient } from '../../shared/client';
import { webSocketTransport } from './ws-transport';

/** Installs the WebSocket client as `window.gatehouse`; the token comes from the page's URL fragment. */
export function installGatehouse(): void {
  const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? '';
  window.gatehouse = createClient(webSocketTransport(location.origin, token));
}
