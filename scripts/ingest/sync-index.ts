import path from 'node:path';
import { MeiliSearchApiError, type EnqueuedTask, type MeiliSearch, type Settings } from 'meilisearch';
import { quoteFilterValue } from '../../server/search/filters.js';
import { INDEX_SETTINGS } from '../../server/search/index-settings.js';
import { toSearchDocuments, type SearchDocument } from '../../server/search/search-document.js';
import { findMarkdownFiles, readMinutesFile } from './read-content.js';

export interface IngestOptions {
  client: MeiliSearch;
  indexUid: string;
  contentDir: string;
  /** Rebuild the whole index (in a fresh index swapped in at the end), not only what changed. */
  full?: boolean;
}

export interface SkippedFile {
  file: string;
  reason: string;
}

export interface IngestSummary {
  /** Markdown files found. */
  files: number;
  /** Agenda items sent to the engine (new or changed; all of them in a rebuild). */
  indexed: number;
  unchanged: number;
  /** Agenda items removed because their files are gone. */
  deleted: number;
  skipped: SkippedFile[];
  /** Whether the index was rebuilt and swapped in, rather than updated in place. */
  rebuilt: boolean;
}

export interface IngestReporter {
  progress(message: string): void;
  skipped(file: SkippedFile): void;
}

export const silentReporter: IngestReporter = { progress: () => undefined, skipped: () => undefined };

/** Documents per request: large enough to keep the engine busy, small enough to keep the payload modest. */
const BATCH_SIZE = 1000;
const TASK_WAIT = { timeout: 24 * 60 * 60 * 1000, interval: 100 };

type Fingerprint = Pick<SearchDocument, 'id' | 'item_id' | 'content_hash' | 'source_path'>;

/** What the content folder holds, read and validated. */
interface ContentSnapshot {
  files: number;
  documents: SearchDocument[];
  /** Files that exist but could not be used: what was indexed from them is kept. */
  unusablePaths: Set<string>;
  skipped: SkippedFile[];
}

async function readContent(contentDir: string, reporter: IngestReporter): Promise<ContentSnapshot> {
  const { files, ignored } = await findMarkdownFiles(contentDir);
  const snapshot: ContentSnapshot = { files: files.length, documents: [], unusablePaths: new Set(), skipped: [] };
  const skip = (entry: SkippedFile) => {
    snapshot.skipped.push(entry);
    reporter.skipped(entry);
  };
  ignored.forEach(skip);
  reporter.progress(`Found ${files.length} markdown files in ${contentDir}`);

  const fileById = new Map<string, string>();
  for (const [position, file] of files.entries()) {
    const result = await readMinutesFile(path.join(contentDir, file));
    if (!result.ok) {
      snapshot.unusablePaths.add(file);
      skip({ file, reason: result.reason });
    } else if (fileById.has(result.item.id)) {
      snapshot.unusablePaths.add(file);
      skip({ file, reason: `field "id" "${result.item.id}" is already used by ${fileById.get(result.item.id)}` });
    } else {
      fileById.set(result.item.id, file);
      snapshot.documents.push(...toSearchDocuments(result.item, file, result.contentHash));
    }
    if ((position + 1) % 500 === 0) reporter.progress(`Read ${position + 1} of ${files.length} files`);
  }
  return snapshot;
}

async function indexExists(client: MeiliSearch, uid: string): Promise<boolean> {
  try {
    await client.getIndex(uid);
    return true;
  } catch (error) {
    if (error instanceof MeiliSearchApiError && error.cause?.code === 'index_not_found') return false;
    throw error;
  }
}

/** True when every setting we choose already has our value (the engine adds defaults of its own). */
export function settingsMatch(wanted: unknown, actual: unknown): boolean {
  if (Array.isArray(wanted)) {
    return Array.isArray(actual) && wanted.length === actual.length && wanted.every((value, i) => settingsMatch(value, actual[i]));
  }
  if (wanted !== null && typeof wanted === 'object') {
    if (actual === null || typeof actual !== 'object') return false;
    return Object.entries(wanted).every(([key, value]) => settingsMatch(value, (actual as Record<string, unknown>)[key]));
  }
  return wanted === actual;
}

async function fetchAll<T extends Record<string, unknown>>(client: MeiliSearch, uid: string, fields: Extract<keyof T, string>[] | undefined, filter?: string): Promise<T[]> {
  const index = client.index<T>(uid);
  const all: T[] = [];
  for (let offset = 0; ; offset += BATCH_SIZE) {
    const page = await index.getDocuments({ ...(fields ? { fields } : {}), ...(filter ? { filter } : {}), limit: BATCH_SIZE, offset });
    all.push(...page.results);
    if (page.results.length < BATCH_SIZE) return all;
  }
}

async function waitAll(client: MeiliSearch, tasks: EnqueuedTask[], reporter: IngestReporter): Promise<void> {
  for (const [position, enqueued] of tasks.entries()) {
    const task = await client.tasks.waitForTask(enqueued.taskUid, TASK_WAIT);
    if (task.status !== 'succeeded') {
      throw new Error(`The engine did not apply ${task.type} (task ${task.uid}, ${task.status}): ${task.error?.message ?? 'no reason given'}`);
    }
    if (tasks.length > 1) reporter.progress(`Indexed batch ${position + 1} of ${tasks.length}`);
  }
}

async function sendDocuments(client: MeiliSearch, uid: string, documents: SearchDocument[]): Promise<EnqueuedTask[]> {
  const tasks: EnqueuedTask[] = [];
  for (let start = 0; start < documents.length; start += BATCH_SIZE) {
    tasks.push(await client.index(uid).addDocuments(documents.slice(start, start + BATCH_SIZE), { primaryKey: 'id' }));
  }
  return tasks;
}

/** Documents indexed earlier from files that are still there but now unusable, so a rebuild keeps them. */
async function documentsFromUnusableFiles(client: MeiliSearch, uid: string, paths: Set<string>): Promise<SearchDocument[]> {
  const kept: SearchDocument[] = [];
  const list = [...paths];
  for (let start = 0; start < list.length; start += 50) {
    const filter = list.slice(start, start + 50).map((file) => `source_path = ${quoteFilterValue(file)}`).join(' OR ');
    kept.push(...(await fetchAll<SearchDocument & Record<string, unknown>>(client, uid, undefined, filter)));
  }
  return kept;
}

const countItems = (documents: { item_id: string }[]) => new Set(documents.map((document) => document.item_id)).size;

/**
 * Builds the whole index afresh under a temporary name and swaps it in, so
 * searches see the old index, complete, until the new one is ready.
 */
async function rebuild(client: MeiliSearch, indexUid: string, content: ContentSnapshot, liveExists: boolean, reporter: IngestReporter): Promise<number> {
  const next = `${indexUid}_next`;
  if (await indexExists(client, next)) await client.deleteIndex(next).waitTask(TASK_WAIT); // left by an interrupted run
  await client.createIndex(next, { primaryKey: 'id' }).waitTask(TASK_WAIT);
  await client.index(next).updateSettings(INDEX_SETTINGS as Settings).waitTask(TASK_WAIT);

  const kept = liveExists ? await documentsFromUnusableFiles(client, indexUid, content.unusablePaths) : [];
  const documents = [...content.documents, ...kept];
  reporter.progress(`Building a fresh index with ${countItems(documents)} items`);
  await waitAll(client, await sendDocuments(client, next, documents), reporter);

  if (!liveExists) await client.createIndex(indexUid, { primaryKey: 'id' }).waitTask(TASK_WAIT);
  await client.swapIndexes([{ indexes: [indexUid, next], rename: false }]).waitTask(TASK_WAIT);
  await client.deleteIndex(next).waitTask(TASK_WAIT);
  reporter.progress('Swapped the fresh index in');
  return countItems(content.documents);
}

/**
 * Brings the index in line with the content folder. By default only new and
 * changed files are sent and deleted files removed; a first run, a change of
 * index settings or `full` rebuilds the index and swaps it in. A file that
 * cannot be read or validated is skipped, and what was indexed from it stays.
 */
export async function syncIndex(options: IngestOptions, reporter: IngestReporter = silentReporter): Promise<IngestSummary> {
  const { client, indexUid } = options;
  const content = await readContent(options.contentDir, reporter);

  const liveExists = await indexExists(client, indexUid);
  const indexed = liveExists ? await fetchAll<Fingerprint>(client, indexUid, ['id', 'item_id', 'content_hash', 'source_path']) : [];
  const indexedHash = new Map(indexed.map((entry) => [entry.id, entry.content_hash]));
  const currentIds = new Set(content.documents.map((document) => document.id));
  const stale = indexed.filter((entry) => !currentIds.has(entry.id) && !content.unusablePaths.has(entry.source_path));
  const changed = content.documents.filter((document) => indexedHash.get(document.id) !== document.content_hash);
  const summary = { files: content.files, skipped: content.skipped, deleted: countItems(stale) };

  const settingsCurrent = liveExists && settingsMatch(INDEX_SETTINGS, await client.index(indexUid).getSettings());
  if (options.full || !settingsCurrent) {
    const sent = await rebuild(client, indexUid, content, liveExists, reporter);
    return { ...summary, indexed: sent, unchanged: 0, rebuilt: true };
  }

  const tasks = await sendDocuments(client, indexUid, changed);
  if (stale.length > 0) tasks.push(await client.index(indexUid).deleteDocuments(stale.map((entry) => entry.id)));
  if (tasks.length > 0) reporter.progress(`Sending ${countItems(changed)} new or changed items and ${summary.deleted} deletions`);
  await waitAll(client, tasks, reporter);
  const sent = countItems(changed);
  return { ...summary, indexed: sent, unchanged: countItems(content.documents) - sent, rebuilt: false };
}
