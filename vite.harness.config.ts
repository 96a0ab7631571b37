import { resolve } from 'node:path';
import type { UserConfig } from 'vite';

/**
 * The browser harness (src/harness/cli.ts and the core, simulator and shared code it imports) as one
 * ES module for Node, so starting it neither compiles TypeScript nor opens hundreds of package files.
 * Kept external: keytar (native), @stoqey/ib (it reads files relative to its own folder) and rxjs
 * (@stoqey/ib's observables and ours must come from the same copy).
 */
export default {
  build: {
    ssr: resolve(import.meta.dirname, 'src/harness/cli.ts'),
    outDir: resolve(import.meta.dirname, 'out/harness'),
    // Overwritten in place, not emptied first: a harness another test run is starting must find its file.
    emptyOutDir: false,
    target: 'node20',
    sourcemap: true,
    rollupOptions: { output: { format: 'es', entryFileNames: 'cli.js' } },
  },
  ssr: { noExternal: true, external: ['keytar', '@stoqey/ib', 'rxjs'] },
  logLevel: 'warn',
} satisfies UserConfig;
