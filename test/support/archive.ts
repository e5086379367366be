import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import { syncIndex, type IngestSummary } from '../../scripts/ingest/sync-index.js';
import { createApp } from '../../server/app.js';
import { createArchiveSearch } from '../../server/search/archive-search.js';
import { testClient, uniqueIndexUid } from './engine.js';

export const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures');

/** An app over a fresh index holding the given fixture folder. */
export async function archiveWith(fixtureDir: string): Promise<{ app: Express; indexUid: string; summary: IngestSummary }> {
  const client = testClient();
  const indexUid = uniqueIndexUid(path.basename(fixtureDir));
  const summary = await syncIndex({ client, indexUid, contentDir: path.join(FIXTURES, fixtureDir) });
  const app = createApp({ search: createArchiveSearch(client, indexUid), logError: () => undefined });
  return { app, indexUid, summary };
}

/** A temporary copy of a fixture folder that a test may change. */
export async function copyOfFixtures(fixtureDir: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'minutes-archive-content-'));
  await fs.cp(path.join(FIXTURES, fixtureDir), dir, { recursive: true });
  return dir;
}
