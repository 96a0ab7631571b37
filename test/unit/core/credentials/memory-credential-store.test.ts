import { expect, it } from 'vitest';
import { MemoryCredentialStore } from '../../../../src/core/credentials/memory-credential-store';
import { describeCredentialStoreContract } from './store-contract';

describeCredentialStoreContract('MemoryCredentialStore', { make: () => new MemoryCredentialStore() });

it('hands out copies from list(), so a caller cannot edit what the store holds', async () => {
  const store = new MemoryCredentialStore();
  await store.set({ mode: 'paper', purpose: 'password' }, 'secret');
  const [first] = await store.list();
  if (first) first.mode = 'live';
  expect(await store.list()).toEqual([{ mode: 'paper', purpose: 'password' }]);
});
