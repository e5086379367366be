import fs from 'node:fs/promises';
import { z } from 'zod';
import { hashPassword, verifyPassword } from './passwords.js';

/** Officer accounts, configured by the operator in a JSON file (see `npm run accounts`). */
export const USERNAME_PATTERN = /^[A-Za-z0-9._@-]{1,100}$/;

const accountsFileSchema = z.array(
  z.object({
    username: z.string().regex(USERNAME_PATTERN, 'must be 1-100 letters, digits or . _ @ -'),
    password_hash: z.string().startsWith('scrypt$', 'must be a hash made by `npm run accounts`'),
  }),
);

export type AccountRecord = z.infer<typeof accountsFileSchema>[number];

export interface AccountStore {
  /** The username when the password is right, undefined otherwise. */
  authenticate(username: string, password: string): Promise<string | undefined>;
  has(username: string): boolean;
  readonly count: number;
}

// Compared against when the username is unknown, so both failures take the same time.
const UNKNOWN_USER_HASH = hashPassword('not a real account');

export function accountStore(records: AccountRecord[]): AccountStore {
  const byName = new Map(records.map((record) => [record.username, record.password_hash]));
  return {
    async authenticate(username, password) {
      const stored = byName.get(username);
      const ok = await verifyPassword(password, stored ?? (await UNKNOWN_USER_HASH));
      return ok && stored ? username : undefined;
    },
    has: (username) => byName.has(username),
    count: byName.size,
  };
}

export async function readAccountsFile(file: string): Promise<AccountRecord[]> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const parsed = accountsFileSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Accounts file ${file}: entry ${issue?.path.join('.')} ${issue?.message}`);
  }
  return parsed.data;
}

export async function writeAccountsFile(file: string, records: AccountRecord[]): Promise<void> {
  await fs.writeFile(file, `${JSON.stringify(records, null, 2)}\n`, { mode: 0o600 });
}
