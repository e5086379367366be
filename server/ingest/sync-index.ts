import { createWriteStream, rmSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import type { MeiliSearch, Settings } from 'meilisearch';
import { DocumentSender } from '../engine/document-sender.js';
import { fetchAllDocuments, indexExists, settingsMatch } from '../engine/indexes.js';
import { TASK_WAIT } from '../engine/tasks.js';
import { quoteFilterValue } from '../query/filters.js';
import { INDEX_SETTINGS } from '../index/index-settings.js';
import { toSearchDocuments, type SearchDocument } from '../index/search-document.js';
import { inThreadParser, parseThreadCount, workerParser, type FileParser } from './parse-pool.js';
import type { ParsedFile } from './parse-files.js';
import { ContentClaims, type ContentSnapshot } from './claims.js';
import { contentHashOf, findMarkdownFiles, parseMinutesFile, readFileUnlessStamped, type FoundFiles } from './read-content.js';
import { silentReporter, type FileWarning, type IngestReporter, type SkippedFile } from './reporter.js';

export { silentReporter, type FileWarning, type IngestReporter, type SkippedFile };

export interface IngestOptions {
  client: MeiliSearch;
  indexUid: string;
  contentDir: string;
  /** Rebuild the whole index (in a fresh index swapped in at the end), not only what changed. */
  full?: boolean;
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
  /** About the files read this time (new or changed ones; all of them in a rebuild). */
  warnings: FileWarning[];
  /** Items of those files made Part 2 by a sign of exemption in front matter that gave no part. */
  madeExempt: number;
  /** Whether the index was rebuilt and swapped in, rather than updated in place. */
  rebuilt: boolean;
}

/**
 * A rebuild parses everything first, spooling the documents to a temporary
 * file, then queues them all before waiting, so the engine indexes them in as
 * few batches as it would ready-made JSON. Requests are cut at REQUEST_BYTES
 * (under the engine's default 100 MB payload limit); at most
 * REBUILD_MAX_QUEUED_BYTES wait in the engine (100k items are ~1.1 GB of JSON,
 * all queued at once; a million, ~11 GB, go in a few waves).
 */
const REQUEST_BYTES = 32 * 1024 * 1024;
const REBUILD_MAX_QUEUED_BYTES = 4 * 1024 * 1024 * 1024;
/** Files per chunk a parsing thread is given, and chunks in flight per thread (results are used in file order). */
const PARSE_CHUNK = 64;
const CHUNKS_PER_THREAD = 4;
/** Fewer files than this are parsed in this thread: starting worker threads would cost more than it saves. */
const PARALLEL_MIN_FILES = 2000;
/** Fingerprints fetched per request: they are small, so fewer, larger pages. */
const FINGERPRINT_PAGE = 10_000;
type Fingerprint = Pick<SearchDocument, 'id' | 'item_id' | 'content_hash' | 'source_path' | 'source_stamp'>;
const FINGERPRINT_FIELDS: (keyof Fingerprint)[] = ['id', 'item_id', 'content_hash', 'source_path', 'source_stamp'];

/** A document as the index holds it: its file's hash (none on a Part 2 stub) and its path. */
const indexedStateOf = (document: Fingerprint) => `${document.content_hash ?? ''} ${document.source_path}`;

/** What the index holds from one source file, to skip the file when its stamp or bytes have not changed. */
interface IndexedFile {
  /** From the file's full record (a Part 2 stub carries neither); absent when only a stub is indexed, so the file is read. */
  hash?: string;
  stamp?: string;
  itemId: string;
  ids: string[];
}

/**
 * Reads, validates and sends the content folder, file by file in name order
 * (the first file to claim an id keeps it). A file whose stamp or bytes are
 * those the index already holds from that path is not parsed again: its
 * documents are known to be current.
 */
async function readAndSend(
  contentDir: string,
  found: FoundFiles,
  indexedFiles: Map<string, IndexedFile>,
  /** "content_hash source_path" of each indexed document. */
  indexedState: Map<string, string>,
  sender: DocumentSender,
  reporter: IngestReporter,
): Promise<ContentSnapshot> {
  const claims = new ContentClaims(found, reporter);
  let position = 0;
  for (const file of found.files) {
    const known = indexedFiles.get(file);
    const read = readFileUnlessStamped(path.join(contentDir, file), known?.stamp);
    position += 1;
    if (position % 5000 === 0) reporter.progress(`Read ${position} of ${found.files.length} files`);
    if (read.ok === false) {
      claims.reject(file, read.reason);
      continue;
    }
    // Only a file the index holds can be reported unchanged.
    const hash = read.ok === 'unchanged' ? undefined : contentHashOf(read.bytes);
    if (read.ok === 'unchanged' || known?.hash === hash) {
      if (known) claims.claim(file, { itemId: known.itemId, ids: known.ids, sent: false });
      continue;
    }
    const result = parseMinutesFile(read.bytes, hash);
    if (!result.ok) {
      claims.reject(file, result.reason);
      continue;
    }
    const documents = toSearchDocuments(result.item, { path: file, contentHash: result.contentHash, stamp: read.stamp });
    // Also sent when the same bytes moved to another path, so source_path stays true. All of a
    // file's documents go when one changed: a Part 2 stub has no hash to tell that it did.
    const changed = documents.some((document) => indexedState.get(document.id) !== indexedStateOf(document));
    const ids = documents.map((document) => document.id);
    if (claims.claim(file, { itemId: result.item.id, ids, sent: changed, warnings: result.warnings, madeExempt: result.madeExempt }) && changed) {
      await sender.add(documents);
    }
  }
  return claims.snapshot;
}

/** Writes lines to a file, waiting when the stream's buffer is full, so memory stays bounded. */
class Spool {
  private readonly stream;
  bytes = 0;

  constructor(readonly file: string) {
    this.stream = createWriteStream(file);
  }

  async write(text: string): Promise<void> {
    if (text.length === 0) return;
    this.bytes += Buffer.byteLength(text);
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

/**
 * Reads back a spool in requests of up to REQUEST_BYTES, each cut after a
 * whole line, and enqueues every one of them (at most REBUILD_MAX_QUEUED_BYTES
 * waiting in the engine) before the caller waits for the engine.
 */
async function enqueueSpool(file: string, sender: DocumentSender): Promise<void> {
  const handle = await fs.open(file, 'r');
  try {
    let buffer = Buffer.alloc(REQUEST_BYTES);
    let filled = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, null);
      filled += bytesRead;
      if (filled === 0) return;
      const end = bytesRead === 0 ? filled : buffer.lastIndexOf(0x0a, filled - 1) + 1;
      if (end === 0) {
        // One line longer than a request: grow the buffer rather than split it.
        const larger = Buffer.alloc(buffer.length * 2);
        buffer.copy(larger, 0, 0, filled);
        buffer = larger;
        continue;
      }
      await sender.enqueue(buffer.toString('utf8', 0, end), end);
      buffer.copy(buffer, 0, end, filled);
      filled -= end;
      if (bytesRead === 0 && filled === 0) return;
    }
  } finally {
    await handle.close();
  }
}

/**
 * A rebuild's content: every file read and parsed (in worker threads for a
 * large folder), in name order as far as ids are concerned (the first file to
 * claim an id keeps it), and its documents spooled to `spool`.
 */
async function parseToSpool(contentDir: string, found: FoundFiles, spool: Spool, reporter: IngestReporter): Promise<ContentSnapshot> {
  const claims = new ContentClaims(found, reporter);
  const threads = found.files.length >= PARALLEL_MIN_FILES ? parseThreadCount() : 0;
  const parser: FileParser = threads > 1 ? workerParser(contentDir, threads) : inThreadParser(contentDir);
  if (threads > 1) reporter.progress(`Parsing in ${threads} threads`);
  const chunks: Promise<ParsedFile[]>[] = [];
  const start = (chunk: number) => {
    const files = found.files.slice(chunk * PARSE_CHUNK, (chunk + 1) * PARSE_CHUNK);
    if (files.length > 0) chunks[chunk] = parser.parse(files);
  };
  // Chunks not yet used when a failure ends the rebuild must not become unhandled rejections.
  const started = (chunk: number) => {
    start(chunk);
    chunks[chunk]?.catch(() => undefined);
  };
  try {
    const window = parser.threads * CHUNKS_PER_THREAD;
    const count = Math.ceil(found.files.length / PARSE_CHUNK);
    for (let chunk = 0; chunk < Math.min(window, count); chunk += 1) started(chunk);
    for (let chunk = 0; chunk < count; chunk += 1) {
      const results = await (chunks[chunk] as Promise<ParsedFile[]>);
      delete chunks[chunk];
      started(chunk + window);
      for (const [offset, result] of results.entries()) {
        const file = found.files[chunk * PARSE_CHUNK + offset] as string;
        if (!result.ok) claims.reject(file, result.reason);
        else if (claims.claim(file, { ...result, sent: true })) await spool.write(result.ndjson);
      }
      const done = Math.min((chunk + 1) * PARSE_CHUNK, found.files.length);
      if (Math.floor(done / 5000) > Math.floor((done - PARSE_CHUNK) / 5000)) reporter.progress(`Parsed ${done} of ${found.files.length} files`);
    }
  } finally {
    await parser.close();
  }
  return claims.snapshot;
}

/** Documents indexed earlier from files that are still there but now unusable, so a rebuild keeps them. */
async function documentsFromUnusableFiles(client: MeiliSearch, uid: string, paths: Set<string>): Promise<SearchDocument[]> {
  const kept: SearchDocument[] = [];
  const list = [...paths];
  for (let start = 0; start < list.length; start += 50) {
    const filter = list.slice(start, start + 50).map((file) => `source_path = ${quoteFilterValue(file)}`).join(' OR ');
    kept.push(...(await fetchAllDocuments<SearchDocument & Record<string, unknown>>(client, uid, undefined, filter)));
  }
  return kept;
}

const countItems = (documents: { item_id: string }[]) => new Set(documents.map((document) => document.item_id)).size;

/** A fresh index under a temporary name, with our settings, for a rebuild to fill. */
async function prepareNextIndex(client: MeiliSearch, next: string): Promise<void> {
  if (await indexExists(client, next)) await client.deleteIndex(next).waitTask(TASK_WAIT); // left by an interrupted run
  await client.createIndex(next, { primaryKey: 'id' }).waitTask(TASK_WAIT);
  await client.index(next).updateSettings(INDEX_SETTINGS as Settings).waitTask(TASK_WAIT);
}

/**
 * Brings the index in line with the content folder. By default only new and
 * changed files are sent and deleted files removed; a first run, a change of
 * index settings or `full` rebuilds the index under a temporary name and swaps
 * it in, so searches see the old index, complete, until the new one is ready.
 * A file that cannot be read or validated is skipped, and what was indexed
 * from it stays. An update reads and parses files while the engine indexes
 * what was sent before; a rebuild parses everything first (in worker threads),
 * spooling the documents to a temporary file, then queues them all at once.
 */
export async function syncIndex(options: IngestOptions, reporter: IngestReporter = silentReporter): Promise<IngestSummary> {
  const { client, indexUid } = options;
  const found = await findMarkdownFiles(options.contentDir);
  reporter.progress(`Found ${found.files.length} markdown files in ${options.contentDir}`);

  const liveExists = await indexExists(client, indexUid);
  const [indexed, settings] = liveExists
    ? await Promise.all([
        fetchAllDocuments<Fingerprint>(client, indexUid, FINGERPRINT_FIELDS, undefined, FINGERPRINT_PAGE),
        client.index(indexUid).getSettings(),
      ])
    : [[], undefined];
  const rebuilding = options.full === true || !liveExists || !settingsMatch(INDEX_SETTINGS, settings);

  // In a rebuild every file is parsed and sent; otherwise what the index holds says what can be skipped.
  const indexedState = new Map<string, string>();
  const indexedFiles = new Map<string, IndexedFile>();
  const inconsistent = new Set<string>();
  if (!rebuilding) {
    for (const entry of indexed) {
      indexedState.set(entry.id, indexedStateOf(entry));
      const file = indexedFiles.get(entry.source_path) ?? { itemId: entry.item_id, ids: [] };
      indexedFiles.set(entry.source_path, file);
      const hashed = entry.content_hash !== undefined;
      if (file.itemId !== entry.item_id || (hashed && file.hash !== undefined && (file.hash !== entry.content_hash || file.stamp !== entry.source_stamp))) {
        inconsistent.add(entry.source_path);
        continue;
      }
      if (hashed && file.hash === undefined) Object.assign(file, { hash: entry.content_hash, stamp: entry.source_stamp });
      file.ids.push(entry.id);
    }
    // A path whose documents disagree is parsed again rather than trusted.
    inconsistent.forEach((file) => indexedFiles.delete(file));
  }

  const target = rebuilding ? `${indexUid}_next` : indexUid;
  if (rebuilding) {
    await prepareNextIndex(client, target);
    reporter.progress(`Building a fresh index from ${found.files.length} files`);
    // Everything is parsed and spooled first, then queued at once, so the engine indexes it in as few batches as it can.
    const spoolDir = await fs.mkdtemp(path.join(os.tmpdir(), 'minutes-ingest-'));
    // Also when the process exits with the rebuild unfinished (process.exit, a test runner ending).
    const removeSpool = () => rmSync(spoolDir, { recursive: true, force: true });
    process.once('exit', removeSpool);
    let content: ContentSnapshot;
    try {
      const spool = new Spool(path.join(spoolDir, 'documents.ndjson'));
      try {
        content = await parseToSpool(options.contentDir, found, spool, reporter);
        if (liveExists) {
          for (const document of await documentsFromUnusableFiles(client, indexUid, content.unusablePaths)) await spool.write(`${JSON.stringify(document)}\n`);
        }
      } finally {
        await spool.close();
      }
      reporter.progress(`Queuing ${(spool.bytes / 1e6).toFixed(0)} MB of documents for indexing`);
      const sender = new DocumentSender(client, target, reporter, REBUILD_MAX_QUEUED_BYTES);
      await enqueueSpool(spool.file, sender);
      await fs.rm(spoolDir, { recursive: true, force: true }); // queued: the engine holds its own copy
      await sender.finish();
    } finally {
      process.off('exit', removeSpool);
      await fs.rm(spoolDir, { recursive: true, force: true });
    }
    const stale = indexed.filter((entry) => !content.ids.has(entry.id) && !content.unusablePaths.has(entry.source_path));
    const summary = { files: content.files, skipped: content.skipped, warnings: content.warnings, madeExempt: content.madeExempt, deleted: countItems(stale) };
    if (!liveExists) await client.createIndex(indexUid, { primaryKey: 'id' }).waitTask(TASK_WAIT);
    await client.swapIndexes([{ indexes: [indexUid, target], rename: false }]).waitTask(TASK_WAIT);
    await client.deleteIndex(target).waitTask(TASK_WAIT);
    reporter.progress('Swapped the fresh index in');
    return { ...summary, indexed: content.items, unchanged: 0, rebuilt: true };
  }

  const sender = new DocumentSender(client, target, reporter);
  const content = await readAndSend(options.contentDir, found, indexedFiles, indexedState, sender, reporter);
  const stale = indexed.filter((entry) => !content.ids.has(entry.id) && !content.unusablePaths.has(entry.source_path));
  const summary = { files: content.files, skipped: content.skipped, warnings: content.warnings, madeExempt: content.madeExempt, deleted: countItems(stale) };

  if (content.sent > 0 || stale.length > 0) reporter.progress(`Sending ${content.sent} new or changed items and ${summary.deleted} deletions`);
  await sender.deleteDocuments(stale.map((entry) => entry.id));
  await sender.finish();
  return { ...summary, indexed: content.sent, unchanged: content.items - content.sent, rebuilt: false };
}
