import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import type { Plugin, UserConfig } from 'vite';

const root = resolve(import.meta.dirname, 'src/renderer');

/**
 * The harness entry imports the renderer dynamically, after installing `window.gatehouse`; without a hint
 * the page would start fetching the renderer only once the entry had run. These links let it fetch both
 * at once, as Electron's index.html does with its static imports.
 */
function preloadHarnessRenderer(): Plugin {
  return {
    name: 'gatehouse:preload-harness-renderer',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const { bundle, chunk } = ctx;
        if (!bundle || !chunk || !ctx.filename.endsWith('harness.html')) return [];
        // What the entry imports statically already has its links.
        const scripts = new Set<string>(chunk.imports);
        const styles = new Set<string>();
        const visit = (name: string) => {
          const dependency = bundle[name];
          if (dependency?.type !== 'chunk' || scripts.has(name)) return;
          scripts.add(name);
          for (const css of dependency.viteMetadata?.importedCss ?? []) styles.add(css);
          for (const imported of dependency.imports) visit(imported);
        };
        for (const dynamic of chunk.dynamicImports) visit(dynamic);
        return [
          ...[...styles].map((href) => ({
            tag: 'link',
            attrs: { rel: 'stylesheet', crossorigin: true, href: `./${href}` },
            injectTo: 'head' as const,
          })),
          ...[...scripts]
            .filter((name) => !chunk.imports.includes(name))
            .map((href) => ({
              tag: 'link',
              attrs: { rel: 'modulepreload', crossorigin: true, href: `./${href}` },
              injectTo: 'head' as const,
            })),
        ];
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
  plugins: [react(), preloadHarnessRenderer()],
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
