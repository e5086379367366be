import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import request from 'supertest';
import { syncIndex, type IngestSummary } from '../../server/ingest/sync-index.js';
import { createApp, type AppDeps } from '../../server/web/app.js';
import { accountStore, writeAccountsFile } from '../../server/web/auth/accounts.js';
import { hashPassword } from '../../server/web/auth/passwords.js';
import { createSearchAccess, reorderByMeaning, type SearchFor } from '../../server/query/search-access.js';
import { createSpelling } from '../../server/query/spelling.js';
import { testClient, testEngine, uniqueIndexUid } from './engine.js';

export const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures');
export const TEST_SESSION_SECRET = 'test-session-secret-0123456789-abcdef';
export const OFFICER = { username: 'clerk', password: 'correct horse battery staple' };

/** Search access for an index, made exactly as the server makes it: search-only key and tenant tokens. */
export async function searchAccessFor(indexUid: string): Promise<SearchFor> {
  const { url, masterKey } = testEngine();
  return createSearchAccess(testClient(), { url, apiKey: masterKey }, indexUid, await reorderByMeaning(console.error));
}

/**
 * An app over a fresh index holding the given fixture folder (or any folder, given its absolute
 * path), with one officer account in its own accounts file; with `spelling`, offering
 * "Did you mean …?", its words read.
 */
export async function archiveWith(
  fixtureDir: string,
  overrides: Partial<AppDeps> = {},
  { spelling = false } = {},
): Promise<{ app: Express; indexUid: string; summary: IngestSummary; accountsFile: string }> {
  const indexUid = uniqueIndexUid(path.basename(fixtureDir));
  const summary = await syncIndex({ client: testClient(), indexUid, contentDir: path.resolve(FIXTURES, fixtureDir) });
  const searchFor = await searchAccessFor(indexUid);
  const suggestions = spelling ? createSpelling(searchFor('public')) : undefined;
  await suggestions?.refresh();
  const accountsFile = await officerAccountsFile();
  const app = createApp({
    searchFor,
    ...(suggestions ? { spelling: suggestions } : {}),
    sessionSecret: TEST_SESSION_SECRET,
    accounts: accountStore(accountsFile),
    logError: () => undefined,
    ...overrides,
  });
  return { app, indexUid, summary, accountsFile };
}

const temporaryFolders: string[] = [];

/** A temporary accounts file holding the test officer; removed when the suite ends. */
export async function officerAccountsFile(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'minutes-archive-accounts-'));
  temporaryFolders.push(dir);
  const file = path.join(dir, 'accounts.json');
  await writeAccountsFile(file, [
    { username: OFFICER.username, password_hash: await hashPassword(OFFICER.password), session_generation: 0 },
  ]);
  return file;
}

/** A temporary copy of a fixture folder that a test may change; removed when the suite ends. */
export async function copyOfFixtures(fixtureDir: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'minutes-archive-content-'));
  temporaryFolders.push(dir);
  await fs.cp(path.join(FIXTURES, fixtureDir), dir, { recursive: true });
  return dir;
}

export async function removeTemporaryFolders(): Promise<void> {
  await Promise.all(temporaryFolders.splice(0).map((dir) => fs.rm(dir, { recursive: true, force: true })));
}

/** An agent signed in as the test officer: it sees Part 2 items in full. */
export async function officerAgent(app: Express): Promise<ReturnType<typeof request.agent>> {
  const agent = request.agent(app);
  await agent
    .post('/sign-in')
    .type('form')
    .send({ ...OFFICER, return_to: '/' })
    .expect(303);
  return agent;
}
