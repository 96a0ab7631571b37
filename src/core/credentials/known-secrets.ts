/**
 * The passwords this process has handled (stored through Settings, or read to log in to IB Gateway).
 * Only these can have reached its memory, so only these can leak into its output: the logger redacts
 * every one of them. Stored passwords are never read at start-up just to fill this, which would ask an
 * unlocked keychain for nothing and a locked one to prompt.
 */
export class KnownSecrets {
  private readonly secrets = new Set<string>();

  add(secret: string): void {
    if (secret.length > 0) this.secrets.add(secret);
  }

  values(): Iterable<string> {
    return this.secrets.values();
  }
}
