import { installGatehouse } from './install';

// The WebSocket connects while the renderer's chunks load: harness.html fetches them with the page (see
// vite.renderer.config.ts), and they run once this small module has put the client in place.
const gatehouse = installGatehouse();
const { startRenderer } = await import('../../renderer/src/start');
startRenderer(gatehouse);
(await import('./market-probe')).installMarketProbe();
