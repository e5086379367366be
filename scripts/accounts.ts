import { parseArgs } from 'node:util';
import { checkUsername, readAccountsFile, removeAccount, setPassword } from '../server/web/auth/accounts.js';
import { loadConfig } from '../server/common/config.js';
import { readPassword } from '../server/common/read-password.js';
import { runCommand } from '../server/common/run-command.js';

const USAGE = `Usage: npm run accounts -- <list | add NAME | remove NAME>

Officer accounts, kept in ACCOUNTS_FILE (default data/accounts.json, mode 0600).
Signed-in officers see exempt (Part 2) items in full. "add" asks for the
password (or reads it from standard input) and stores only its scrypt hash;
adding an existing name sets a new password. A running archive sees a change
at once: a new password or a removed account ends that account's sessions.`;

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
  if (command === 'list') {
    const accounts = await readAccountsFile(file);
    console.log(accounts.length === 0 ? `No accounts in ${file}` : accounts.map((account) => account.username).join('\n'));
    return 0;
  }
  if (command === 'remove' && username) {
    await removeAccount(file, username);
    console.log(`Removed "${username}"; its sessions have ended.`);
    return 0;
  }
  if (command === 'add' && username) {
    checkUsername(username);
    const password = await readPassword(process.stdin, process.stdout);
    if (password === undefined) return INTERRUPTED;
    await setPassword(file, username, password);
    console.log(`Saved "${username}" in ${file}.`);
    return 0;
  }
  console.log(USAGE);
  return command === undefined || command === 'help' ? 0 : 1;
}

runCommand(main, 'Accounts failed');
