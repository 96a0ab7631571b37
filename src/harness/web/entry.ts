import { installGatehouse } from './install';

// The renderer must find `window.gatehouse` at its first line, exactly as the Electron preload leaves
// it; a static import would be evaluated before this module's body, so load the renderer afterwards.
installGatehouse();
await import('../../renderer/src/main');
(await import('./market-probe')).installMarketProbe();
