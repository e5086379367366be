import type { MeiliSearch, Settings } from 'meilisearch';
import { DocumentSender } from '../engine/document-sender.js';
import { fetchAllDocuments, indexExists } from '../engine/indexes.js';
import { TASK_WAIT } from '../engine/tasks.js';
import { indexSettings } from '../index/index-settings.js';
import type { SearchDocument } from '../index/search-document.js';
import { quoteFilterValue } from '../engine/filter-syntax.js';
import { ContentClaims, type ContentSnapshot } from './claims.js';
import { staleFingerprints, type Fingerprint } from './fingerprints.js';
import type { ParsedFile } from './parse-files.js';
import { inThreadParser, parseThreadCount, workerParser, type FileParser } from './parse-pool.js';
import type { FoundFiles } from './read-content.js';
import type { IngestReporter } from './reporter.js';
import { completeSpoolLine, PeopleResolution, peopleInputOf, spoolLine } from './resolve-people.js';
import { Spool } from './spool.js';
import type { PeopleRules } from '../index/people-rules.js';

/**
 * JSON a rebuild may have waiting in the engine: 100k items are ~1.1 GB of
 * JSON, all queued at once; a million, ~11 GB, go in a few waves.
 */
const REBUILD_MAX_QUEUED_BYTES = 4 * 1024 * 1024 * 1024;
/** Files per chunk a parsing thread is given, and chunks in flight per thread (results are used in file order). */
const PARSE_CHUNK = 64;
const CHUNKS_PER_THREAD = 4;
/** Fewer files than this are parsed in this thread: starting worker threads would cost more than it saves. */
const PARALLEL_MIN_FILES = 2000;

/**
 * A rebuild's content: every file read and parsed (in worker threads for a
 * large folder), in name order as far as ids are concerned (the first file to
 * claim an id keeps it), its documents spooled to `spool` and added, in the
 * same order, to `resolution`.
 */
async function parseToSpool(
  contentDir: string,
  found: FoundFiles,
  spool: Spool,
  resolution: PeopleResolution,
  reporter: IngestReporter,
): Promise<ContentSnapshot> {
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
        else if (claims.claim(file, { ...result, sent: true })) {
          await spool.write(result.lines);
          for (const input of result.people) resolution.add(input);
        }
      }
      const done = Math.min((chunk + 1) * PARSE_CHUNK, found.files.length);
      if (Math.floor(done / 5000) > Math.floor((done - PARSE_CHUNK) / 5000))
        reporter.progress(`Parsed ${done} of ${found.files.length} files`);
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
    const filter = list
      .slice(start, start + 50)
      .map((file) => `source_path = ${quoteFilterValue(file)}`)
      .join(' OR ');
    kept.push(...(await fetchAllDocuments<SearchDocument & Record<string, unknown>>(client, uid, undefined, filter)));
  }
  return kept;
}

/** A fresh index under a temporary name, with our settings, for a rebuild to fill. */
async function prepareNextIndex(client: MeiliSearch, next: string): Promise<void> {
  if (await indexExists(client, next)) await client.deleteIndex(next).waitTask(TASK_WAIT); // left by an interrupted run
  await client.createIndex(next, { primaryKey: 'id' }).waitTask(TASK_WAIT);
  await client
    .index(next)
    .updateSettings(indexSettings() as Settings)
    .waitTask(TASK_WAIT);
}

/**
 * Builds the index afresh under a temporary name and swaps it in, so searches
 * see the old index, complete, until the new one is ready. Every file is
 * parsed first (in worker threads), its documents spooled to a temporary
 * file, and then all are queued at once, each with its people: they are
 * resolved (resolve-people.ts) once every document is in hand, so each is
 * sent once, complete. Documents of files that exist but
 * are now unusable are carried over from the live index (`live`: its
 * fingerprints, or undefined when there is none yet). `resolved` counts the documents sent
 * with their people.
 */
export async function rebuildIndex(
  client: MeiliSearch,
  indexUid: string,
  contentDir: string,
  found: FoundFiles,
  live: Fingerprint[] | undefined,
  reporter: IngestReporter,
  rules: PeopleRules,
): Promise<{ content: ContentSnapshot; stale: Fingerprint[]; resolved: number }> {
  const target = `${indexUid}_next`;
  await prepareNextIndex(client, target);
  reporter.progress(`Building a fresh index from ${found.files.length} files`);
  const spool = await Spool.create();
  let content: ContentSnapshot;
  // Each council's people are collected as the files are parsed, in their order.
  const resolution = new PeopleResolution();
  let resolved = 0;
  try {
    try {
      content = await parseToSpool(contentDir, found, spool, resolution, reporter);
      if (live) {
        for (const document of await documentsFromUnusableFiles(client, indexUid, content.unusablePaths)) {
          const input = peopleInputOf(document);
          await spool.write(`${spoolLine(document, input)}\n`);
          resolution.add(input);
        }
      }
    } finally {
      await spool.close();
    }
    reporter.progress(`Resolving the people of ${resolution.documents} documents`);
    const resolve = resolution.resolver(rules, reporter);
    reporter.progress(`Queuing ${(spool.bytes / 1e6).toFixed(0)} MB of documents for indexing`);
    const sender = new DocumentSender(client, target, reporter, REBUILD_MAX_QUEUED_BYTES);
    await spool.enqueue(sender, (line) => {
      resolved += 1;
      return completeSpoolLine(line, resolve);
    });
    await spool.remove(); // queued: the engine holds its own copy
    await sender.finish();
  } finally {
    await spool.remove();
  }
  const stale = staleFingerprints(live ?? [], content);
  if (!live) await client.createIndex(indexUid, { primaryKey: 'id' }).waitTask(TASK_WAIT);
  await client.swapIndexes([{ indexes: [indexUid, target], rename: false }]).waitTask(TASK_WAIT);
  await client.deleteIndex(target).waitTask(TASK_WAIT);
  reporter.progress('Swapped the fresh index in');
  return { content, stale, resolved };
}
