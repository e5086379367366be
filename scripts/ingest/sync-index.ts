import path from 'node:path';
import { MeiliSearchApiError, type MeiliSearch, type Task } from 'meilisearch';
import { INDEX_SETTINGS } from '../../server/search/index-settings.js';
import { toSearchDocument, type SearchDocument } from '../../server/search/search-document.js';
import { findMarkdownFiles, readMinutesFile } from './read-content.js';

export interface IngestOptions {
  client: MeiliSearch;
  indexUid: string;
  contentDir: string;
  /** Resend every document, even those whose files have not changed. */
  full?: boolean;
}

export interface SkippedFile {
  file: string;
  reason: string;
}

export interface IngestSummary {
  files: number;
  /** Documents sent to the engine (new or changed). */
  indexed: number;
  unchanged: number;
  /** Documents removed because their files are gone. */
  deleted: number;
  skipped: SkippedFile[];
}

export interface IngestReporter {
  progress(message: string): void;
  skipped(file: SkippedFile): void;
}

export const silentReporter: IngestReporter = { progress: () => undefined, skipped: () => undefined };

/** Documents per request: large enough to keep the engine busy, small enough to keep the payload modest. */
const BATCH_SIZE = 1000;
const TASK_WAIT = { timeout: 60 * 60 * 1000, interval: 100 };

type IndexedFingerprint = Pick<SearchDocument, 'id' | 'content_hash' | 'source_path'>;

async function ensureIndex(client: MeiliSearch, indexUid: string): Promise<void> {
  try {
    await client.getIndex(indexUid);
  } catch (error) {
    if (!(error instanceof MeiliSearchApiError && error.cause?.code === 'index_not_found')) throw error;
    await client.createIndex(indexUid, { primaryKey: 'id' }).waitTask(TASK_WAIT);
  }
}

async function indexedFingerprints(client: MeiliSearch, indexUid: string): Promise<IndexedFingerprint[]> {
  const index = client.index<IndexedFingerprint>(indexUid);
  const all: IndexedFingerprint[] = [];
  for (let offset = 0; ; offset += BATCH_SIZE) {
    const page = await index.getDocuments({ fields: ['id', 'content_hash', 'source_path'], limit: BATCH_SIZE, offset });
    all.push(...page.results);
    if (page.results.length < BATCH_SIZE) return all;
  }
}

function failed(task: Task): string | undefined {
  return task.status === 'failed' ? `${task.type} failed: ${task.error?.message ?? 'unknown error'}` : undefined;
}

/**
 * Brings the index in line with the content folder: new and changed files
 * are sent, deleted files removed, unchanged files left alone. A file that
 * cannot be read or validated is skipped and what was indexed from it stays.
 */
export async function syncIndex(options: IngestOptions, reporter: IngestReporter = silentReporter): Promise<IngestSummary> {
  const { client, indexUid, contentDir } = options;
  const { files, ignored } = await findMarkdownFiles(contentDir);
  const skipped: SkippedFile[] = [];
  const skip = (entry: SkippedFile) => {
    skipped.push(entry);
    reporter.skipped(entry);
  };
  ignored.forEach(skip);
  reporter.progress(`Found ${files.length} markdown files in ${contentDir}`);

  const documents: SearchDocument[] = [];
  const pathById = new Map<string, string>();
  const unreadablePaths = new Set<string>();
  for (const [position, file] of files.entries()) {
    const result = await readMinutesFile(path.join(contentDir, file));
    if (!result.ok) {
      unreadablePaths.add(file);
      skip({ file, reason: result.reason });
    } else if (pathById.has(result.item.id)) {
      unreadablePaths.add(file);
      skip({ file, reason: `field "id" "${result.item.id}" is already used by ${pathById.get(result.item.id)}` });
    } else {
      pathById.set(result.item.id, file);
      documents.push(toSearchDocument(result.item, file, result.contentHash));
    }
    if ((position + 1) % 500 === 0) reporter.progress(`Read ${position + 1} of ${files.length} files`);
  }

  await ensureIndex(client, indexUid);
  const index = client.index<SearchDocument>(indexUid);
  await index.updateSettings(INDEX_SETTINGS).waitTask(TASK_WAIT);

  const indexed = await indexedFingerprints(client, indexUid);
  const indexedHash = new Map(indexed.map((entry) => [entry.id, entry.content_hash]));
  const changed = options.full ? documents : documents.filter((document) => indexedHash.get(document.id) !== document.content_hash);
  // What came from a file that is still there but unreadable stays indexed: nothing is lost to a bad edit.
  const stale = indexed
    .filter((entry) => !pathById.has(entry.id) && !unreadablePaths.has(entry.source_path))
    .map((entry) => entry.id);

  const tasks = [];
  for (let start = 0; start < changed.length; start += BATCH_SIZE) {
    tasks.push(await index.addDocuments(changed.slice(start, start + BATCH_SIZE), { primaryKey: 'id' }));
  }
  if (stale.length > 0) tasks.push(await index.deleteDocuments(stale));
  if (tasks.length > 0) reporter.progress(`Sending ${changed.length} new or changed items and ${stale.length} deletions`);
  let done = 0;
  for (const enqueued of tasks) {
    const task = await client.tasks.waitForTask(enqueued.taskUid, TASK_WAIT);
    const failure = failed(task);
    if (failure) throw new Error(`The engine refused a batch: ${failure}`);
    done += 1;
    if (tasks.length > 1) reporter.progress(`Indexed batch ${done} of ${tasks.length}`);
  }

  return {
    files: files.length,
    indexed: changed.length,
    unchanged: documents.length - changed.length,
    deleted: stale.length,
    skipped,
  };
}
