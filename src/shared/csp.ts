/**
 * The renderer's Content-Security-Policy, the same for the Electron protocol handler and the harness.
 * Only `connect-src` differs: Electron needs no network at all, the harness page needs its own
 * WebSocket origin ('self' covers ws: on the same host and port).
 */
export function contentSecurityPolicy(options: { connect: string }): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self' data:", // ag-grid's icon font ships inside its stylesheet as a data: URI
    `connect-src ${options.connect}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
