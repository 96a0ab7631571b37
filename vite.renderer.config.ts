import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import type { Plugin, UserConfig } from 'vite';

const root = resolve(import.meta.dirname, 'src/renderer');

/**
 * Fetches, with the page, the chunks its entry script imports dynamically, instead of once the entry has
 * run: the harness entry puts its WebSocket client in place before it imports the renderer. Modulepreload
 * for the scripts, a plain preload for their styles (a stylesheet link would hold the entry back until
 * loaded). Only the entry's own dynamic imports and their static imports: the panels the renderer loads
 * lazily stay lazy.
 */
function preloadEntryImports(): Plugin {
  return {
    name: 'gatehouse:preload-entry-imports',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle, chunk }) {
        if (!bundle || !chunk) return [];
        const chunkOf = (file: string) => {
          const found = bundle[file];
          return found?.type === 'chunk' ? found : null;
        };
        const links = (rel: string, files: Iterable<string>, as?: string) =>
          [...files].map((file) => ({
            tag: 'link',
            attrs: { rel, crossorigin: true, href: `./${file}`, ...(as ? { as } : {}) },
            injectTo: 'head' as const,
          }));
        // A chunk and every chunk it imports statically, all of which load with it.
        const withImports = (file: string, into = new Set<string>()): Set<string> => {
          if (into.has(file)) return into;
          into.add(file);
          for (const next of chunkOf(file)?.imports ?? []) withImports(next, into);
          return into;
        };
        const onPage = withImports(chunk.fileName);
        const scripts = new Set<string>();
        const styles = new Set<string>();
        for (const file of chunk.dynamicImports)
          for (const script of withImports(file)) {
            if (onPage.has(script)) continue;
            scripts.add(script);
            for (const style of chunkOf(script)?.viteMetadata?.importedCss ?? []) styles.add(style);
          }
        return [...links('modulepreload', scripts), ...links('preload', styles, 'style')];
      },
    },
  };
}

/**
 * The renderer build, shared by electron-vite (for the app) and plain Vite (for the harness), so both
 * shells serve the very same bundle. Two pages: index.html for Electron (the preload provides
 * `window.gatehouse`), harness.html for the browser (a WebSocket client provides it).
 */
export const rendererConfig = {
  root,
  base: './',
  plugins: [react(), preloadEntryImports()],
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
