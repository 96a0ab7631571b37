import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KillSwitch } from '../../../../src/core/orders/kill-switch';

const dir = () => mkdtempSync(join(tmpdir(), 'gatehouse-kill-'));
const AT = Date.parse('2026-11-25T10:00:00Z');
const clock = () => AT;

function failingRead(code: string): () => Promise<string> {
  return () => Promise.reject(Object.assign(new Error(`${code}: simulated, open 'kill-switch.json'`), { code }));
}

describe('KillSwitch.load', () => {
  it('is released when the file does not exist', async () => {
    expect(await new KillSwitch(dir()).load()).toMatchObject({ engaged: false });
  });

  it('stays engaged, saying why, when the file cannot be read (permission denied)', async () => {
    const state = await new KillSwitch(dir(), failingRead('EACCES'), clock).load();
    expect(state).toMatchObject({ engaged: true, engagedAt: AT });
    expect(state.detail).toContain('could not be read');
    expect(state.detail).toContain('EACCES');
  });

  it('stays engaged when the file is a directory (EISDIR), and blocks orders', async () => {
    const d = dir();
    mkdirSync(join(d, 'kill-switch.json'));
    const killSwitch = new KillSwitch(d, undefined, clock);
    const state = await killSwitch.load();
    expect(state.engaged).toBe(true);
    expect(state.detail).toContain('EISDIR');
    expect(killSwitch.check()).toMatchObject({ outcome: 'block' });
  });

  it('stays engaged, saying why, when the file is not a state it knows', async () => {
    const d = dir();
    writeFileSync(join(d, 'kill-switch.json'), '{"engagedAt":');
    const state = await new KillSwitch(d, undefined, clock).load();
    expect(state).toMatchObject({ engaged: true, engagedAt: AT });
    expect(state.detail).toContain('does not say whether it is engaged');
  });

  it('reads an engaged and a released file as written', async () => {
    const d = dir();
    const killSwitch = new KillSwitch(d);
    await killSwitch.engage(AT, 'pulled');
    expect(await new KillSwitch(d).load()).toMatchObject({ engaged: true, engagedAt: AT });
    await killSwitch.release();
    expect(await new KillSwitch(d).load()).toMatchObject({ engaged: false });
  });
});
