import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staticFiles } from '../../../src/harness/static-files';

let server: Server;
let origin: string;

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'gatehouse-static-'));
  writeFileSync(join(root, 'harness.html'), '<!doctype html><title>Gatehouse</title>');
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'assets', 'main-Ab12Cd34.js'), 'export {};');
  const serve = staticFiles(root, 'harness.html');
  server = createServer((req, res) => void serve(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

/** A GET with the path exactly as written: fetch would normalize the dots away before sending. */
const rawStatus = (path: string) =>
  new Promise<number | undefined>((resolve, reject) => {
    const req = request(`${origin}${path}`, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.path = path;
    req.on('error', reject);
    req.end();
  });

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the harness static files', () => {
  it('serves the page uncached, with the CSP', async () => {
    const response = await fetch(`${origin}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('lets the browser keep content-hashed assets, and their compiled code, from start to start', async () => {
    const response = await fetch(`${origin}/assets/main-Ab12Cd34.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('serves nothing outside its folder, and only reads', async () => {
    writeFileSync(join(tmpdir(), 'gatehouse-outside.txt'), 'not to be served');
    expect(await rawStatus('/..%2fgatehouse-outside.txt')).toBe(404);
    expect(await rawStatus('/../gatehouse-outside.txt')).toBe(404);
    expect((await fetch(`${origin}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${origin}/`, { method: 'POST' })).status).toBe(405);
  });
});
