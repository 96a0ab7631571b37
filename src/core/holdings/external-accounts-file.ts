import { readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ExternalAccountSchema, type ExternalAccount } from '../../shared/holdings';
import { writeFileAtomic } from '../fs/atomic-write';

export const EXTERNAL_ACCOUNTS_FILE = 'external-accounts.json';

const FileSchema = z.object({ version: z.literal(1), accounts: z.array(ExternalAccountSchema) });

/**
 * The imported external accounts, one JSON file in the app's data folder, replaced atomically on every
 * change so a crash leaves the old list or the new one. A file that does not read as that list is kept
 * aside (…json.bad) rather than overwritten, and the app starts without external accounts, saying so.
 */
export class ExternalAccountsFile {
  constructor(private readonly dir: string) {}

  get path(): string {
    return join(this.dir, EXTERNAL_ACCOUNTS_FILE);
  }

  async load(): Promise<{ accounts: ExternalAccount[]; notice: string | null }> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { accounts: [], notice: null };
      throw error;
    }
    let parsed;
    try {
      parsed = FileSchema.safeParse(JSON.parse(text));
    } catch {
      parsed = null;
    }
    if (parsed?.success) return { accounts: parsed.data.accounts, notice: null };
    const aside = `${this.path}.bad`;
    await rename(this.path, aside);
    return {
      accounts: [],
      notice: `The imported external accounts could not be read, so none are shown; the file is kept as ${aside}.`,
    };
  }

  save(accounts: readonly ExternalAccount[]): Promise<void> {
    return writeFileAtomic(this.path, `${JSON.stringify({ version: 1, accounts }, null, 2)}\n`);
  }
}
