import { createClient, type GatehouseApi } from '../../shared/client';
import { webSocketTransport } from './ws-transport';

/**
 * Installs the WebSocket client as `window.gatehouse`, where the Electron preload puts the IPC one, and
 * returns it; the token comes from the page's URL fragment.
 */
export function installGatehouse(): GatehouseApi {
  const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? '';
  window.gatehouse = createClient(webSocketTransport(location.origin, token));
  return window.gatehouse;
}
