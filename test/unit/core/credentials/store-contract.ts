import { afterEach, describe, expect, it } from 'vitest';
import type { CredentialKey, CredentialStore } from '../../../../src/core/credentials/credential-store';
import { AppError } from '../../../../src/shared/result';

const paperPassword: CredentialKey = { mode: 'paper', purpose: 'password' };
const paperUsername: CredentialKey = { mode: 'paper', purpose: 'username' };
const livePassword: CredentialKey = { mode: 'live', purpose: 'password' };

export interface ContractOptions {
  /** A store over an empty keychain; every test gets a new one. */
  make: () => CredentialStore;
  /** Removes whatever a test left behind. */
  cleanup?: () => Promise<void>;
  /** Lets a suite skip (or fail) every test when it has no keychain. */
  gate?: (ctx: { skip: (note?: string) => never }) => void;
}

/** What every CredentialStore does, so the memory store used in tests behaves like the real one. */
export function describeCredentialStoreContract(name: string, options: ContractOptions): void {
  describe(`${name}: the CredentialStore contract`, () => {
    const gated =
      (fn: (store: CredentialStore) => Promise<void>) => async (ctx: { skip: (note?: string) => never }) => {
        options.gate?.(ctx);
        await fn(options.make());
      };

    afterEach(async () => {
      await options.cleanup?.();
    });

    it(
      'starts empty',
      gated(async (store) => {
        expect(await store.list()).toEqual([]);
        expect(await store.has(paperPassword)).toBe(false);
        expect(await store.get(paperPassword)).toBeNull();
      }),
    );

    it(
      'stores a secret and gives it back',
      gated(async (store) => {
        await store.set(paperPassword, 'hunter2 ünïcödé ✓');
        expect(await store.get(paperPassword)).toBe('hunter2 ünïcödé ✓');
        expect(await store.has(paperPassword)).toBe(true);
      }),
    );

    it(
      'replaces a secret rather than keeping two',
      gated(async (store) => {
        await store.set(paperPassword, 'first-secret');
        await store.set(paperPassword, 'second-secret');
        expect(await store.get(paperPassword)).toBe('second-secret');
        expect(await store.list()).toEqual([paperPassword]);
      }),
    );

    it(
      'keeps each mode and purpose apart',
      gated(async (store) => {
        await store.set(paperUsername, 'paper-user');
        await store.set(livePassword, 'live-secret');
        expect(await store.get(paperUsername)).toBe('paper-user');
        expect(await store.get(livePassword)).toBe('live-secret');
        expect(await store.has(paperPassword)).toBe(false);
        expect(await store.has({ mode: 'live', purpose: 'username' })).toBe(false);
      }),
    );

    it(
      'lists the keys that have a secret, in a fixed order, and never a secret',
      gated(async (store) => {
        await store.set(livePassword, 'live-secret');
        await store.set(paperUsername, 'paper-user');
        const listed = await store.list();
        expect(listed).toEqual([paperUsername, livePassword]);
        expect(JSON.stringify(listed)).not.toMatch(/live-secret|paper-user/);
      }),
    );

    it(
      'deletes, and says whether there was something to delete',
      gated(async (store) => {
        await store.set(paperPassword, 'to-be-deleted');
        await store.set(paperUsername, 'stays');
        expect(await store.delete(paperPassword)).toBe(true);
        expect(await store.delete(paperPassword)).toBe(false);
        expect(await store.get(paperPassword)).toBeNull();
        expect(await store.has(paperPassword)).toBe(false);
        expect(await store.list()).toEqual([paperUsername]);
      }),
    );

    it(
      'refuses an invalid secret and keeps the one it had',
      gated(async (store) => {
        await store.set(paperPassword, 'the-good-one');
        const refusal = await store.set(paperPassword, 'bad\0secret').catch((error: unknown) => error);
        expect(refusal).toBeInstanceOf(AppError);
        expect((refusal as AppError).code).toBe('refused');
        expect((refusal as AppError).message).not.toContain('bad');
        expect(await store.get(paperPassword)).toBe('the-good-one');
      }),
    );

    it(
      'refuses an invalid key on every method',
      gated(async (store) => {
        const bad = { mode: 'demo', purpose: 'password' } as unknown as CredentialKey;
        for (const call of [
          () => store.set(bad, 'x'),
          () => store.get(bad),
          () => store.has(bad),
          () => store.delete(bad),
        ]) {
          await expect(call()).rejects.toMatchObject({ code: 'refused' });
        }
      }),
    );
  });
}
