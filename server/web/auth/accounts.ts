import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { z } from 'zod';
import { hashPassword, verifyPassword } from './passwords.js';

/** Officer accounts, configured by the operator in a JSON file (see `npm run accounts`). */
export const USERNAME_PATTERN = /^[A-Za-z0-9._@-]{1,100}$/;

const accountsFileSchema = z.array(
  z.object({
    username: z.string().regex(USERNAME_PATTERN, 'must be 1-100 letters, digits or . _ @ -'),
    password_hash: z.string().startsWith('scrypt$', 'must be a hash made by `npm run accounts`'),
    /** Raised to end every session of the account (signing out does). */
    session_generation: z.number().int().nonnegative().default(0),
  }),
);

export type AccountRecord = z.infer<typeof accountsFileSchema>[number];

/** An account as sessions see it. */
export interface Account {
  username: string;
  /** What a session of the account carries to be valid: a new password or the end of its sessions changes it. */
  sessionStamp: string;
}

export interface AccountStore {
  /** The account when the password is right, undefined otherwise. */
  authenticate(username: string, password: string): Promise<Account | undefined>;
  account(username: string): Promise<Account | undefined>;
  /** Ends every session of the account, kept in the file so that a restart does not bring them back. */
  endSessions(username: string): Promise<void>;
  count(): Promise<number>;
}

// Compared against when the username is unknown, so both failures take the same time.
const UNKNOWN_USER_HASH = hashPassword('not a real account');

function accountOf(record: AccountRecord): Account {
  const sessionStamp = createHash('sha256').update(`${record.session_generation}$${record.password_hash}`).digest('base64url').slice(0, 22);
  return { username: record.username, sessionStamp };
}

/** What identifies one version of a file without reading it; writes replace the file, so its inode changes too. */
async function fileVersion(file: string): Promise<string> {
  try {
    const { ino, size, mtimeMs, ctimeMs } = await fs.stat(file);
    return `${ino}:${size}:${mtimeMs}:${ctimeMs}`;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'none';
    throw error;
  }
}

/**
 * The accounts in a file, read again whenever the file changes: a password set or an
 * account removed with `npm run accounts` takes effect in a running archive at once.
 */
export function accountStore(file: string): AccountStore {
  let cached: { version: string; byName: Map<string, AccountRecord> } | undefined;
  // Sign-outs rewrite the file one at a time, so that none undoes another.
  let writing = Promise.resolve();

  async function current(): Promise<Map<string, AccountRecord>> {
    // The version is taken before the read: a change during the read is seen on the next call.
    const version = await fileVersion(file);
    if (cached?.version !== version) {
      cached = { version, byName: new Map((await readAccountsFile(file)).map((record) => [record.username, record])) };
    }
    return cached.byName;
  }

  return {
    async authenticate(username, password) {
      const record = (await current()).get(username);
      const ok = await verifyPassword(password, record?.password_hash ?? (await UNKNOWN_USER_HASH));
      return ok && record ? accountOf(record) : undefined;
    },
    async account(username) {
      const record = (await current()).get(username);
      return record ? accountOf(record) : undefined;
    },
    endSessions(username) {
      const done = writing.then(async () => {
        const records = await readAccountsFile(file);
        const ended = records.map((record) =>
          record.username === username ? { ...record, session_generation: record.session_generation + 1 } : record,
        );
        await writeAccountsFile(file, ended);
      });
      writing = done.catch(() => undefined);
      return done;
    },
    count: async () => (await current()).size,
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

/** Writes the whole file under another name and moves it into place: a reader never sees half of it. */
export async function writeAccountsFile(file: string, records: AccountRecord[]): Promise<void> {
  const next = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await fs.writeFile(next, `${JSON.stringify(records, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    await fs.rename(next, file);
  } catch (error) {
    await fs.rm(next, { force: true });
    throw error;
  }
}

export const MIN_PASSWORD_LENGTH = 12;

/** Throws, saying what a username may be, when `username` is not one. */
export function checkUsername(username: string): void {
  if (!USERNAME_PATTERN.test(username)) throw new Error('A username is 1-100 letters, digits or . _ @ -');
}

/**
 * Adds an account, or gives an existing one a new password: a new hash gives it a new session
 * stamp, so sessions signed in with the old password end. Throws, saying why, on a name or
 * password the archive does not take.
 */
export async function setPassword(file: string, username: string, password: string): Promise<void> {
  checkUsername(username);
  if (password.length < MIN_PASSWORD_LENGTH) throw new Error(`The password must be at least ${MIN_PASSWORD_LENGTH} characters`);
  const others = (await readAccountsFile(file)).filter((account) => account.username !== username);
  await writeAccountsFile(file, [...others, { username, password_hash: await hashPassword(password), session_generation: 0 }]);
}

/** Removes an account, which ends its sessions; throws when there is none of that name. */
export async function removeAccount(file: string, username: string): Promise<void> {
  const accounts = await readAccountsFile(file);
  const others = accounts.filter((account) => account.username !== username);
  if (others.length === accounts.length) throw new Error(`There is no account "${username}" in ${file}`);
  await writeAccountsFile(file, others);
}
