import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { readAccountsFile, USERNAME_PATTERN, writeAccountsFile } from '../server/web/auth/accounts.js';
import { hashPassword } from '../server/web/auth/passwords.js';
import { loadConfig } from '../server/common/config.js';
import { runCommand } from '../server/common/run-command.js';

const USAGE = `Usage: npm run accounts -- <list | add NAME | remove NAME>

Officer accounts, kept in ACCOUNTS_FILE (default data/accounts.json, mode 0600).
Signed-in officers see exempt (Part 2) items in full. "add" asks for the
password (or reads it from standard input) and stores only its scrypt hash;
adding an existing name sets a new password. A running archive sees a change
at once: a new password or a removed account ends that account's sessions.`;

const MIN_PASSWORD_LENGTH = 12;

/** Reads a password: from a prompt that does not echo it, or from standard input in scripts. */
async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const lines = createInterface({ input: process.stdin });
    for await (const line of lines) return line;
    return '';
  }
  process.stdout.write('Password (not shown): ');
  process.stdin.setRawMode(true);
  let password = '';
  for await (const chunk of process.stdin) {
    for (const char of (chunk as Buffer).toString('utf8')) {
      if (char === '\r' || char === '\n') {
        process.stdin.setRawMode(false);
        process.stdout.write('\n');
        return password;
      }
      if (char === '\u0003') process.exit(130);
      password = char === '\u007f' ? password.slice(0, -1) : password + char;
    }
  }
  return password;
}

async function main(): Promise<number> {
  const { positionals } = parseArgs({ allowPositionals: true });
  const [command, username] = positionals;
  const file = loadConfig().accountsFile;
  const accounts = await readAccountsFile(file);

  if (command === 'list') {
    console.log(accounts.length === 0 ? `No accounts in ${file}` : accounts.map((account) => account.username).join('\n'));
    return 0;
  }
  if ((command === 'add' || command === 'remove') && username) {
    const others = accounts.filter((account) => account.username !== username);
    if (command === 'remove') {
      if (others.length === accounts.length) throw new Error(`There is no account "${username}" in ${file}`);
      await writeAccountsFile(file, others);
      console.log(`Removed "${username}"; its sessions have ended.`);
      return 0;
    }
    if (!USERNAME_PATTERN.test(username)) throw new Error('A username is 1-100 letters, digits or . _ @ -');
    const password = await readPassword();
    if (password.length < MIN_PASSWORD_LENGTH) throw new Error(`The password must be at least ${MIN_PASSWORD_LENGTH} characters`);
    // A new hash gives the account a new session stamp: sessions signed in with the old password end.
    const records = [...others, { username, password_hash: await hashPassword(password), session_generation: 0 }];
    await writeAccountsFile(file, records);
    console.log(`Saved "${username}" in ${file}.`);
    return 0;
  }
  console.log(USAGE);
  return command === undefined || command === 'help' ? 0 : 1;
}

runCommand(main, 'Accounts failed');
