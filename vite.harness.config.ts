import { resolve } from 'node:path';
import type { UserConfig } from 'vite';

const rxjs = (entry: string) => resolve(import.meta.dirname, 'node_modules/rxjs/dist/esm', entry, 'index.js');

/**
 * The browser harness (src/harness/cli.ts and everything it imports, @stoqey/ib and rxjs included) as one
 * ES module for Node. Starting it then neither compiles TypeScript nor opens the 300 package files that
 * @stoqey/ib and rxjs are made of: the harness starts beside the browser, and every millisecond it spends
 * loading modules is a millisecond the browser's own start waits for the CPU.
 * - keytar stays external: it is a native module.
 * - rxjs is taken from its ES module build, for us and for @stoqey/ib alike: one copy of Observable, and
 *   only the operators used.
 * - @stoqey/ib's configuration reads optional `config/*.json` files two folders above its own, which the
 *   package does not ship; `__dirname` is this bundle's folder, where there are none either.
 */
export default {
  build: {
    ssr: resolve(import.meta.dirname, 'src/harness/cli.ts'),
    outDir: resolve(import.meta.dirname, 'out/harness'),
    // Overwritten in place, not emptied first: a harness another test run is starting must find its file.
    emptyOutDir: false,
    target: 'node20',
    sourcemap: true,
    rollupOptions: { output: { format: 'es', entryFileNames: 'cli.js', sourcemapExcludeSources: true } },
  },
  define: { __dirname: 'import.meta.dirname' },
  resolve: {
    alias: [
      { find: /^rxjs$/, replacement: rxjs('') },
      { find: /^rxjs\/operators$/, replacement: rxjs('operators') },
    ],
  },
  ssr: { noExternal: true, external: ['keytar'] },
  logLevel: 'warn',
} satisfies UserConfig;
