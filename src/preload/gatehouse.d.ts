import type { GatehouseApi } from '../shared/client';

declare global {
  interface Window {
    /** The whole of the app the renderer may touch: installed by the preload or the harness page. */
    gatehouse: GatehouseApi;
  }
}

export {};
