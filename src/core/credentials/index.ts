export {
  ALL_CREDENTIAL_KEYS,
  CREDENTIAL_MODES,
  CREDENTIAL_PURPOSES,
  type CredentialKey,
  type CredentialMode,
  type CredentialPurpose,
  type CredentialStore,
} from './credential-store';
export { MAX_SECRET_BYTES } from './credential-validation';
export { KeytarCredentialStore, type KeytarCredentialStoreOptions } from './keytar-credential-store';
export { MemoryCredentialStore } from './memory-credential-store';
