import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SettingsStore } from '../../../../src/core/settings/settings-store';

const freshDir = () => mkdtempSync(join(tmpdir(), 'gatehouse-settings-'));

describe('SettingsStore', () => {
  it('starts from defaults when there is no file: demo mode, loopback, IB Gateway ports', async () => {
    const { settings, notice } = await new SettingsStore(freshDir()).load();
    expect(notice).toBeNull();
    expect(settings).toMatchObject({
      mode: 'demo',
      readOnly: false,
      gateway: {
        paper: { host: '127.0.0.1', port: 4002 },
        live: { host: '127.0.0.1', port: 4001 },
        allowRemoteHost: false,
      },
    });
  });

  it('persists an update and reads it back in a new store', async () => {
    const dir = freshDir();
    const store = new SettingsStore(dir);
    await store.load();
    await store.update((s) => ({
      ...s,
      mode: 'paper',
      gateway: { ...s.gateway, paper: { ...s.gateway.paper, port: 7497 } },
    }));
    const again = await new SettingsStore(dir).load();
    expect(again.settings).toMatchObject({ mode: 'paper', gateway: { paper: { port: 7497 } } });
  });

  it('refuses an invalid update and keeps file and memory unchanged', async () => {
    const dir = freshDir();
    const store = new SettingsStore(dir);
    await store.load();
    await store.update((s) => ({ ...s, mode: 'paper' }));
    const before = readFileSync(store.path, 'utf8');
    await expect(store.update((s) => ({ ...s, mode: 'yolo' }))).rejects.toThrow();
    expect(store.current().mode).toBe('paper');
    expect(readFileSync(store.path, 'utf8')).toBe(before);
  });

  it.each([
    ['not JSON', '{"mode": "paper",', 'not valid JSON'],
    ['a wrong type', JSON.stringify({ mode: 'paper', readOnly: 'yes' }), 'readOnly'],
    ['an unknown key', JSON.stringify({ mode: 'paper', tradeEverything: true }), 'tradeEverything'],
  ])('keeps a corrupt file (%s) as .bak, uses defaults and says so', async (_label, content, reason) => {
    const dir = freshDir();
    const path = join(dir, 'settings.json');
    writeFileSync(path, content);
    const { settings, notice } = await new SettingsStore(dir).load();
    expect(settings.mode).toBe('demo');
    expect(notice).toContain(reason);
    expect(notice).toContain('settings.json.bak');
    expect(readFileSync(`${path}.bak`, 'utf8')).toBe(content);
    expect(JSON.parse(readFileSync(path, 'utf8')).mode).toBe('demo');
  });

  it('tells subscribers about every saved change', async () => {
    const store = new SettingsStore(freshDir());
    await store.load();
    const seen: string[] = [];
    store.subscribe((s) => seen.push(s.mode));
    await store.update((s) => ({ ...s, mode: 'live' }));
    expect(seen).toEqual(['live']);
  });

  it('leaves no temporary files behind', async () => {
    const dir = freshDir();
    const store = new SettingsStore(dir);
    await store.load();
    await store.update((s) => ({ ...s, readOnly: true }));
    expect(existsSync(join(dir, 'settings.json'))).toBe(true);
    expect(readdirSync(dir)).toEqual(['settings.json']);
  });
});
