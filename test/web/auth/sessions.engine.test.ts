import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import * as cheerio from 'cheerio';
import type { Express } from 'express';
import request from 'supertest';
import { createApp, type AppDeps } from '../../../server/web/app.js';
import { accountStore } from '../../../server/web/auth/accounts.js';
import { loadConfig } from '../../../server/common/config.js';
import { PROJECT_ROOT } from '../../../server/common/paths.js';
import type { SearchFor } from '../../../server/query/search-access.js';
import { archiveWith, officerAccountsFile, OFFICER, searchAccessFor, TEST_SESSION_SECRET } from '../../support/archive.js';

const run = promisify(execFile);
const HOUR = 60 * 60 * 1000;

const signIn = (agent: request.Test, password = OFFICER.password) => agent.type('form').send({ username: OFFICER.username, password });

/** The session cookies a sign-in set, as a browser would send them back (or a thief replay them). */
async function sessionCookie(app: Express, password = OFFICER.password): Promise<string> {
  const response = await signIn(request(app).post('/sign-in'), password).expect(303);
  return (response.headers['set-cookie'] as unknown as string[]).map((cookie) => cookie.split(';')[0]).join('; ');
}

/** Whom the archive takes a request with this cookie to come from. */
async function officerFor(app: Express, cookie: string): Promise<string | undefined> {
  const page = await request(app).get('/sign-in').set('Cookie', cookie).expect(200);
  return /Signed in as (\S+)/.exec(cheerio.load(page.text)('.archive-header__account').text())?.[1];
}

/** `npm run accounts` on a given accounts file, a password on standard input. */
async function accounts(accountsFile: string, args: string[], password = ''): Promise<void> {
  const env = { ...process.env, ACCOUNTS_FILE: accountsFile };
  const command = run(process.execPath, ['--import', 'tsx', 'scripts/accounts.ts', ...args], { cwd: PROJECT_ROOT, env });
  command.child.stdin?.end(`${password}\n`);
  await command;
}

describe('officer sessions', () => {
  let searchFor: SearchFor;
  let accountsFile: string;
  let now: number;
  const archive = (overrides: Partial<AppDeps> = {}) =>
    createApp({ searchFor, sessionSecret: TEST_SESSION_SECRET, accounts: accountStore(accountsFile), clock: () => now, ...overrides });

  before(async () => {
    searchFor = await searchAccessFor((await archiveWith('content')).indexUid);
  });
  beforeEach(async () => {
    accountsFile = await officerAccountsFile();
    now = Date.parse('2025-03-03T09:00:00Z');
  });

  it('gives each sign-in a cookie of its own', async () => {
    const app = archive();
    const [first, second] = [await sessionCookie(app), await sessionCookie(app)];
    assert.notEqual(first, second);
    assert.equal(await officerFor(app, first), OFFICER.username);
    assert.equal(await officerFor(app, second), OFFICER.username);
  });

  it('ends every session of the account on signing out, and a restart does not bring them back', async () => {
    const app = archive();
    const [laptop, phone] = [await sessionCookie(app), await sessionCookie(app)];
    await request(app).post('/sign-out').set('Cookie', laptop).expect(303);
    assert.equal(await officerFor(app, laptop), undefined, 'a copy of the cookie that signed out');
    assert.equal(await officerFor(app, phone), undefined, 'another session of the account');
    const restarted = archive();
    assert.equal(await officerFor(restarted, laptop), undefined);
    assert.equal(await officerFor(restarted, await sessionCookie(restarted)), OFFICER.username, 'signing in again works');
  });

  it('ends the sessions of an account whose password `npm run accounts` changes, and takes the new one at once', async function () {
    this.timeout(60_000);
    const app = archive();
    const before = await sessionCookie(app);
    await accounts(accountsFile, ['add', OFFICER.username], 'a brand new passphrase');
    assert.equal(await officerFor(app, before), undefined);
    await signIn(request(app).post('/sign-in')).expect(401);
    assert.equal(await officerFor(app, await sessionCookie(app, 'a brand new passphrase')), OFFICER.username);
  });

  it('ends the sessions of an account `npm run accounts` removes', async function () {
    this.timeout(60_000);
    const app = archive();
    const before = await sessionCookie(app);
    await accounts(accountsFile, ['remove', OFFICER.username]);
    assert.equal(await officerFor(app, before), undefined);
    await signIn(request(app).post('/sign-in')).expect(401);
  });

  it('ends a session 8 hours after sign-in, and drops its cookie', async () => {
    const app = archive();
    const cookie = await sessionCookie(app);
    now += 8 * HOUR - 1;
    assert.equal(await officerFor(app, cookie), OFFICER.username);
    now += 1;
    const response = await request(app).get('/sign-in').set('Cookie', cookie).expect(200);
    assert.doesNotMatch(response.text, /Signed in as/);
    assert.match(String(response.headers['set-cookie']), /archive_session=;/);
  });

  it('lasts as many hours as SESSION_HOURS says', async () => {
    const app = archive({ sessionHours: loadConfig({ SESSION_HOURS: '1' }).sessionHours });
    const cookie = await sessionCookie(app);
    now += HOUR - 1;
    assert.equal(await officerFor(app, cookie), OFFICER.username);
    now += 1;
    assert.equal(await officerFor(app, cookie), undefined);
  });
});

describe('POST /sign-in', () => {
  it('counts only failed attempts toward its limit, so officers behind one address are not locked out', async () => {
    const { app } = await archiveWith('content');
    for (let n = 0; n < 21; n += 1) await signIn(request(app).post('/sign-in')).expect(303);
    for (let n = 0; n < 20; n += 1) await signIn(request(app).post('/sign-in'), 'wrong').expect(401);
    const refused = await signIn(request(app).post('/sign-in'), 'wrong').expect(429);
    assert.match(refused.text, /Too many sign-in attempts/);
  });

  it('limits an address behind a trusted proxy, whatever X-Forwarded-For it makes up', async () => {
    const { app } = await archiveWith('content', { trustProxy: loadConfig({ TRUST_PROXY: '1' }).trustProxy });
    // The proxy appends the address it saw; what the client sent before it is the client's invention.
    const attempt = (n: number) => signIn(request(app).post('/sign-in').set('X-Forwarded-For', `198.51.100.${n}, 203.0.113.7`), 'wrong');
    for (let n = 0; n < 20; n += 1) await attempt(n).expect(401);
    await attempt(20).expect(429);
    await signIn(request(app).post('/sign-in').set('X-Forwarded-For', '198.51.100.1, 203.0.113.8'), 'wrong').expect(401);
  });
});
