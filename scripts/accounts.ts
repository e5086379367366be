import { parseArgs } from 'node:util';
import { readAccountsFile, USERNAME_PATTERN, writeAccountsFile } from '../server/web/auth/accounts.js';
import { hashPassword } from '../server/web/auth/passwords.js';
import { loadConfig } from '../server/common/config.js';
import { readPassword } from '../server/common/read-password.js';
import { runCommand } from '../server/common/run-command.js';

const USAGE = `Usage: npm run accounts -- <list | add NAME | remove NAME>

Officer accounts, kept in ACCOUNTS_FILE (default data/accounts.json, mode 0600).
Signed-in officers see exempt (Part 2) items in full. "add" asks for the
password (or reads it from standard input) and stores only its scrypt hash;
adding an existing name sets a new password. A running archive sees a change
at once: a new password or a removed account ends that account's sessions.`;

const MIN_PASSWORD_LENGTH = 12;

/** The exit code of a program that Ctrl+C stopped. */
const INTERRUPTED = 130;

/** `npm run accounts`: lists, adds or removes officer accounts. */
async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
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
    const password = await readPassword(process.stdin, process.stdout);
    if (password === undefined) return INTERRUPTED;
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
