import { net, protocol } from 'electron';
import { join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { contentSecurityPolicy } from '../shared/csp';
import { APP_ORIGIN, APP_SCHEME } from './app-origin';

/** Must run before `app.whenReady()`: privileges can only be granted then. */
export function registerAppProtocol(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/**
 * Serves out/renderer under gatehouse://app/ with the CSP as a header, so the page never runs from
 * file:// (where every local file would share its origin).
 */
export function serveRenderer(): void {
  const root = normalize(join(import.meta.dirname, '../renderer') + sep);
  const csp = contentSecurityPolicy({ connect: "'none'" });
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = normalize(join(root, decodeURIComponent(url.pathname)));
    if (url.origin !== APP_ORIGIN || !file.startsWith(root)) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', csp);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}
