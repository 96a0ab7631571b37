import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import type { UserConfig } from 'vite';

const root = resolve(import.meta.dirname, 'src/renderer');

/**
 * The renderer build, shared by electron-vite (for the app) and plain Vite (for the harness), so both
 * shells serve the very same bundle. Two pages: index.html for Electron (the preload provides
 * `window.gatehouse`), harness.html for the browser (a WebSocket client provides it).
 */
export const rendererConfig = {
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, 'out/renderer'),
    emptyOutDir: true,
    // electron-vite leaves the renderer unminified unless told: 3 MB of script to parse before first paint.
    minify: true,
    // No inline <script> or data: modules: the CSP allows only 'self'.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: { index: resolve(root, 'index.html'), harness: resolve(root, 'harness.html') },
    },
  },
} satisfies UserConfig;

export default rendererConfig;
