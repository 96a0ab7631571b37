import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GatehouseApp } from '../core/app';
import { staticFiles } from './static-files';
import { bindWebSocket } from './ws-binding';

export interface HarnessOptions {
  app: GatehouseApp;
  /** The built renderer (electron-vite's out/renderer). */
  rendererDir: string;
  port?: number;
  /** When `port` is taken, serve on a free port instead of failing (the shell's default port). */
  anyPortIfTaken?: boolean;
  log: (message: string) => void;
}

export interface Harness {
  /** The page to open, token included (in the fragment, so it never reaches a server log). */
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

const ENTRY_HTML = 'harness.html';

/** Serves the real renderer and the real services to a browser on loopback, for tests and for anyone without Electron. */
export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const token = randomBytes(24).toString('hex');
  const serve = staticFiles(options.rendererDir, ENTRY_HTML);
  const server = createServer((req, res) => {
    serve(req, res).catch((error: unknown) => {
      options.log(`harness: static file error ${String(error)}`);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  const wanted = options.port ?? 0;
  try {
    await listen(wanted);
  } catch (error) {
    if (!options.anyPortIfTaken || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    options.log(
      `harness: port ${wanted} is in use, so the page is served on another port; the grid layouts it keeps for ${wanted} are not used this run`,
    );
    await listen(0);
  }
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const unbind = bindWebSocket(server, options.app, { token, origin, log: options.log });

  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    async close() {
      unbind();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
