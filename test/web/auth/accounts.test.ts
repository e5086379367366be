import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { accountStore, readAccountsFile, writeAccountsFile } from '../../../server/web/auth/accounts.js';
import { hashPassword, verifyPassword } from '../../../server/web/auth/passwords.js';

describe('officer accounts', () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'minutes-archive-accounts-'));
    file = path.join(dir, 'accounts.json');
  });
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  const clerk = async (password: string) => ({ username: 'clerk', password_hash: await hashPassword(password), session_generation: 0 });

  it('hashes passwords with a salt and verifies them', async () => {
    const [first, second] = [await hashPassword('a long password'), await hashPassword('a long password')];
    assert.notEqual(first, second);
    assert.ok(await verifyPassword('a long password', first));
    assert.ok(!(await verifyPassword('a long passwore', first)));
    assert.ok(!(await verifyPassword('a long password', 'plain-text')));
  });

  it('authenticates known accounts only', async () => {
    await writeAccountsFile(file, [await clerk('right password')]);
    const store = accountStore(file);
    assert.equal((await store.authenticate('clerk', 'right password'))?.username, 'clerk');
    assert.equal(await store.authenticate('clerk', 'wrong password'), undefined);
    assert.equal(await store.authenticate('nobody', 'right password'), undefined);
  });

  it('reads the file again when it changes', async () => {
    const store = accountStore(file);
    assert.equal(await store.count(), 0, 'no file, no accounts');
    await writeAccountsFile(file, [await clerk('first password')]);
    assert.equal((await store.authenticate('clerk', 'first password'))?.username, 'clerk');
    await writeAccountsFile(file, [await clerk('second password')]);
    assert.equal(await store.authenticate('clerk', 'first password'), undefined);
    assert.equal((await store.authenticate('clerk', 'second password'))?.username, 'clerk');
    await writeAccountsFile(file, []);
    assert.equal(await store.account('clerk'), undefined);
  });

  it('gives an account a new session stamp when its sessions end or its password changes, and keeps it in the file', async () => {
    await writeAccountsFile(file, [await clerk('first password')]);
    const store = accountStore(file);
    const first = (await store.account('clerk'))?.sessionStamp;
    assert.equal((await store.account('clerk'))?.sessionStamp, first, 'stable while nothing changes');
    await store.endSessions('clerk');
    const second = (await store.account('clerk'))?.sessionStamp;
    assert.notEqual(second, first);
    assert.equal((await accountStore(file).account('clerk'))?.sessionStamp, second, 'after a restart too');
    await writeAccountsFile(file, [{ ...(await clerk('second password')), session_generation: 1 }]);
    assert.notEqual((await store.account('clerk'))?.sessionStamp, second, 'a new password, whatever the generation');
  });

  it('ends sessions without losing one when several sign-outs come at once', async () => {
    await writeAccountsFile(file, [await clerk('right password')]);
    const store = accountStore(file);
    await Promise.all([store.endSessions('clerk'), store.endSessions('clerk'), store.endSessions('clerk')]);
    assert.equal((await readAccountsFile(file))[0]?.session_generation, 3);
  });

  it('keeps the file private, reads files written before sessions ended, and names a bad entry', async () => {
    assert.deepEqual(await readAccountsFile(file), [], 'no file, no accounts');
    await writeAccountsFile(file, [await clerk('right password')]);
    assert.equal((await fs.stat(file)).mode & 0o777, 0o600);
    assert.deepEqual(await fs.readdir(dir), ['accounts.json'], 'nothing left beside it');
    const { password_hash } = await clerk('right password');
    await fs.writeFile(file, JSON.stringify([{ username: 'clerk', password_hash }]));
    assert.equal((await readAccountsFile(file))[0]?.session_generation, 0);
    await fs.writeFile(file, JSON.stringify([{ username: 'clerk', password_hash: 'hunter2' }]));
    await assert.rejects(readAccountsFile(file), /entry 0\.password_hash must be a hash/);
  });
});
