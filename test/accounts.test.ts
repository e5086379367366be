import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { accountStore, readAccountsFile, writeAccountsFile } from '../server/auth/accounts.js';
import { hashPassword, verifyPassword } from '../server/auth/passwords.js';

describe('officer accounts', () => {
  it('hashes passwords with a salt and verifies them', async () => {
    const [first, second] = [await hashPassword('a long password'), await hashPassword('a long password')];
    assert.notEqual(first, second);
    assert.ok(await verifyPassword('a long password', first));
    assert.ok(!(await verifyPassword('a long passwore', first)));
    assert.ok(!(await verifyPassword('a long password', 'plain-text')));
  });

  it('authenticates known accounts only', async () => {
    const store = accountStore([{ username: 'clerk', password_hash: await hashPassword('right password') }]);
    assert.equal(await store.authenticate('clerk', 'right password'), 'clerk');
    assert.equal(await store.authenticate('clerk', 'wrong password'), undefined);
    assert.equal(await store.authenticate('nobody', 'right password'), undefined);
  });

  it('keeps the file private and names a bad entry', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'minutes-archive-accounts-'));
    const file = path.join(dir, 'accounts.json');
    assert.deepEqual(await readAccountsFile(file), [], 'no file, no accounts');
    await writeAccountsFile(file, [{ username: 'clerk', password_hash: await hashPassword('right password') }]);
    assert.equal((await fs.stat(file)).mode & 0o777, 0o600);
    await fs.writeFile(file, JSON.stringify([{ username: 'clerk', password_hash: 'hunter2' }]));
    await assert.rejects(readAccountsFile(file), /entry 0\.password_hash must be a hash/);
    await fs.rm(dir, { recursive: true, force: true });
  });
});
