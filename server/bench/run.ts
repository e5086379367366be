import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { MeiliSearch, MultiSearchParams, Settings } from 'meilisearch';
import { PROJECT_ROOT } from '../common/paths.js';
import type { SearchParams } from '../query/search-params.js';
import { audienceTokens } from '../query/search-access.js';
import { AUDIENCE_FILTERS } from '../index/visibility.js';
import { buildSearchRequest, planSearch } from '../query/search-plan.js';
import { startEmbeddedMeili, type EmbeddedMeili } from '../engine/embedded-meili.js';
import { indexSettings } from '../index/index-settings.js';
import { createMeiliClient } from '../engine/meili-client.js';
import { parseFiles } from '../ingest/parse-files.js';
import { completeSpoolLine, peopleResolver } from '../ingest/resolve-people.js';
import { silentReporter } from '../ingest/reporter.js';
import { loadPeopleRules } from '../index/people-rules.js';
import { findMarkdownFiles } from '../ingest/read-content.js';
import { awaitTask } from '../engine/tasks.js';
import { changeOnePercent, writeArchive } from './generate.js';
import { mergeLoads, runLoad, type LatencyStats, type LoadRequest, type LoadResult } from './load.js';
import { queryMix } from './queries.js';
import { loadVocabulary, type Vocabulary } from './vocabulary.js';

export interface BenchOptions {
  size: number;
  seed: number;
  /** Scratch folder for content, JSON and engine data; removed at the end unless `keep`. */
  workDir: string;
  /** Engine indexing threads (both engines). */
  threads: number;
  /** Requests per measurement at concurrency 1 (concurrency 8 sends twice as many). */
  requests: number;
  keep: boolean;
  /** Skip the raw-engine ingest (e.g. at 1M, to halve the time); ratios are then absent. */
  skipRaw: boolean;
  log: (message: string) => void;
}

const SEARCH_TARGETS = ['raw', 'raw_one_query', 'api', 'page'] as const;
type SearchTarget = (typeof SEARCH_TARGETS)[number];

export interface SearchTargetResult extends LatencyStats {
  by_kind: Record<string, LatencyStats>;
  errors: number;
}

export interface BenchResult {
  size: number;
  seed: number;
  date: string;
  machine: { cpus: number; node: string; engine: string; indexing_threads: number };
  /** `json_bytes` is null when the raw baseline was skipped (its JSON is not made). */
  corpus: { files: number; documents: number; markdown_bytes: number; json_bytes: number | null };
  ingest: {
    docs_per_s: number;
    items_per_s: number;
    seconds: number;
    raw_docs_per_s: number | null;
    raw_seconds: number | null;
    ratio: number | null;
    ingest_rss_mb: number;
    engine_rss_mb: number;
  };
  reingest: { nochange_s: number; nochange_share: number; one_percent_s: number; one_percent_share: number; changed_items: number };
  search: {
    requests: Record<'c1' | 'c8', number>;
    /**
     * `raw` is the engine requests the archive sends for the query (planSearch, and
     * the page's items after it for a blended search; the mix has no OR search,
     * which would send its ticked facets' counts alongside);
     * `raw_one_query` the same search as one engine query, without the
     * relevance blend's second one, to show what the blend costs.
     */
    c1: Record<SearchTarget, SearchTargetResult>;
    c8: Record<SearchTarget, SearchTargetResult>;
    /** Headline figures (concurrency 1) as the issue names them. */
    api: LatencyStats;
    page: LatencyStats;
    raw: LatencyStats;
    api_p95_ratio: number;
    page_p95_ratio: number;
    api_p95_ratio_c8: number;
    page_p95_ratio_c8: number;
  };
  server_rss_mb: number;
  server_peak_rss_mb: number;
  engine_search_rss_mb: number;
  index_bytes: number;
  engine_database_bytes: number;
}

const INDEX = 'minutes';

/**
 * The archive the child processes (ingest, web server) run: a copy of what
 * they read at run time (package.json, which marks the project root; dist/;
 * views/; the data files under server/) taken when the run starts, with
 * node_modules linked. Others editing the tree mid-run (views, synonyms,
 * index settings) would otherwise change what is measured, or break it.
 */
let snapshotDir: string | undefined;
const compiled = (...parts: string[]) => path.join(snapshotDir ?? PROJECT_ROOT, 'dist', ...parts);

async function snapshotCode(): Promise<string> {
  const dir = path.join(PROJECT_ROOT, 'results', `.snapshot-${process.pid}`);
  await fs.rm(dir, { recursive: true, force: true });
  for (const part of ['package.json', 'dist', 'views', 'server']) {
    await fs.cp(path.join(PROJECT_ROOT, part), path.join(dir, part), { recursive: true });
  }
  await fs.symlink(path.join(PROJECT_ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

const RAW_INDEX = 'raw';
const DOCS_PER_BATCH = 1000;

interface RawJson {
  files: string[];
  documents: number;
  bytes: number;
}
const round = (value: number, places = 2) => Math.round(value * 10 ** places) / 10 ** places;
const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;

/** Bytes a folder takes on disk (allocated blocks, as du counts them: the engine's files are sparse). */
async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await fs.readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await fs.stat(path.join(entry.parentPath, entry.name))).blocks * 512;
  }
  return total;
}

/** Resident and peak memory of a process, from /proc (Linux), in MB. */
export async function memoryOf(pid: number): Promise<{ rss: number; peak: number }> {
  const status = await fs.readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
  return { rss: round(kb('VmRSS') / 1024, 1), peak: round(kb('VmHWM') / 1024, 1) };
}

/** Samples a process's RSS until stopped; returns the highest seen (VmHWM is lost when it exits). */
function watchMemory(pid: number): { stop(): Promise<number> } {
  let peak = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const { rss, peak: hwm } = await memoryOf(pid);
      peak = Math.max(peak, rss, hwm);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return peak;
    },
  };
}

async function prepareContent(options: BenchOptions, vocabulary: Vocabulary): Promise<{ contentDir: string; bytes: number }> {
  const contentDir = path.join(options.workDir, 'content');
  const marker = path.join(options.workDir, 'content.json');
  const wanted = { size: options.size, seed: options.seed };
  if (existsSync(marker)) {
    const made = JSON.parse(await fs.readFile(marker, 'utf8')) as { size: number; seed: number; bytes: number };
    if (made.size === wanted.size && made.seed === wanted.seed) {
      options.log(`Reusing ${made.size} generated items in ${contentDir}`);
      return { contentDir, bytes: made.bytes };
    }
  }
  await fs.rm(contentDir, { recursive: true, force: true });
  await fs.rm(path.join(options.workDir, 'raw-json'), { recursive: true, force: true });
  options.log(`Generating ${options.size} items in ${contentDir}`);
  const started = process.hrtime.bigint();
  const bytes = await writeArchive(contentDir, options.size, options.seed, vocabulary, (n) => options.log(`  ${n} written`));
  options.log(`  ${(bytes / 1e6).toFixed(0)} MB of markdown in ${seconds(started).toFixed(1)} s`);
  await fs.writeFile(marker, JSON.stringify({ ...wanted, bytes }));
  return { contentDir, bytes };
}

/** The same documents ingest makes, as NDJSON batch files: the engine's input with no parsing left to do. */
async function prepareRawJson(options: BenchOptions, contentDir: string): Promise<RawJson> {
  const dir = path.join(options.workDir, 'raw-json');
  const marker = path.join(dir, 'batches.json');
  if (existsSync(marker)) return JSON.parse(await fs.readFile(marker, 'utf8')) as RawJson;
  options.log('Converting the markdown to JSON documents for the raw-engine baseline (not timed)');
  await fs.mkdir(dir, { recursive: true });
  const { files } = await findMarkdownFiles(contentDir);
  const made: RawJson = { files: [], documents: 0, bytes: 0 };
  let batch = '';
  let batchDocuments = 0;
  const flush = async () => {
    if (batchDocuments === 0) return;
    const name = path.join(dir, `batch-${String(made.files.length).padStart(5, '0')}.ndjson`);
    await fs.writeFile(name, batch);
    made.bytes += Buffer.byteLength(batch);
    made.files.push(name);
    [batch, batchDocuments] = ['', 0];
  };
  const parse = (file: string) => {
    const [parsed] = parseFiles(contentDir, [file]);
    if (!parsed?.ok) throw new Error(`Generated file ${file} does not validate: ${parsed?.reason}`);
    return parsed;
  };
  // Each file as ingest's rebuild makes it (read, validated, its documents as NDJSON with their people, resolved once
  // all are read): parsed twice, to hold only what resolution reads rather than every document.
  const resolve = peopleResolver(
    files.flatMap((file) => parse(file).people),
    loadPeopleRules(),
    silentReporter,
  );
  for (const file of files) {
    const parsed = parse(file);
    for (const line of parsed.lines.split('\n').slice(0, -1)) batch += `${completeSpoolLine(line, resolve)}\n`;
    batchDocuments += parsed.ids.length;
    made.documents += parsed.ids.length;
    if (batchDocuments >= DOCS_PER_BATCH) await flush();
  }
  await flush();
  await fs.writeFile(marker, JSON.stringify(made));
  return made;
}

async function freshEngine(options: BenchOptions, name: string): Promise<{ meili: EmbeddedMeili; client: MeiliSearch; dataDir: string }> {
  const dataDir = path.join(options.workDir, name);
  await fs.rm(dataDir, { recursive: true, force: true });
  const meili = await startEmbeddedMeili({ dataDir, maxIndexingThreads: options.threads, startTimeoutMs: 120_000 });
  return { meili, client: createMeiliClient({ url: meili.url, apiKey: meili.masterKey }, 600_000), dataDir };
}

const TASK_WAIT = { timeout: 24 * 60 * 60 * 1000, interval: 50 };

/** The ceiling: the engine indexing ready-made JSON, all batches queued at once, with the archive's settings. */
async function rawIngest(options: BenchOptions, batches: string[], documents: number): Promise<{ seconds: number; docsPerS: number }> {
  const { meili, client, dataDir } = await freshEngine(options, 'engine-raw');
  try {
    const started = process.hrtime.bigint();
    await client.createIndex(RAW_INDEX, { primaryKey: 'id' }).waitTask(TASK_WAIT);
    await client
      .index(RAW_INDEX)
      .updateSettings(indexSettings() as Settings)
      .waitTask(TASK_WAIT);
    let lastTask = 0;
    for (const file of batches) {
      const response = await fetch(`${meili.url}/indexes/${RAW_INDEX}/documents?primaryKey=id`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-ndjson', Authorization: `Bearer ${meili.masterKey}` },
        body: await fs.readFile(file),
      });
      if (!response.ok) throw new Error(`Raw ingest: HTTP ${response.status} ${await response.text()}`);
      lastTask = ((await response.json()) as { taskUid: number }).taskUid;
    }
    await awaitTask(client, lastTask);
    const elapsed = seconds(started);
    const failed = await client.tasks.getTasks({ indexUids: [RAW_INDEX], statuses: ['failed'] });
    if (failed.results.length > 0) throw new Error(`Raw ingest: ${failed.results[0]?.error?.message}`);
    const stats = await client.index(RAW_INDEX).getStats();
    if (stats.numberOfDocuments !== documents) throw new Error(`Raw ingest indexed ${stats.numberOfDocuments} of ${documents} documents`);
    return { seconds: elapsed, docsPerS: documents / elapsed };
  } finally {
    await meili.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

/** `npm run ingest` itself, in its own process, against the bench engine; returns time, peak RSS and its summary line. */
async function runIngestCli(
  options: BenchOptions,
  meili: EmbeddedMeili,
  contentDir: string,
): Promise<{ seconds: number; rssMb: number; output: string }> {
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [compiled('scripts', 'ingest.js'), '--content', contentDir], {
    env: {
      ...process.env,
      MEILI_URL: meili.url,
      MEILI_API_KEY: meili.masterKey,
      MEILI_INDEX: INDEX,
      DATA_DIR: path.join(options.workDir, 'ingest-data'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const memory = watchMemory(child.pid as number);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const elapsed = seconds(started);
  const rssMb = await memory.stop();
  if (code !== 0) throw new Error(`npm run ingest exited with ${code}:\n${output.slice(-2000)}`);
  return { seconds: elapsed, rssMb, output };
}

async function startServer(meili: EmbeddedMeili): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [compiled('scripts', 'bench-server.js')], {
    env: { ...process.env, NODE_ENV: 'production', BENCH_MEILI_URL: meili.url, BENCH_MEILI_KEY: meili.masterKey, BENCH_INDEX: INDEX },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening (\d+)/.exec(output);
      if (match) resolve(match[1] as string);
    });
    child.once('exit', (code) => reject(new Error(`The archive server exited (${code}) before listening`)));
  });
  return { child, url: `http://127.0.0.1:${port}` };
}

function targetResult(load: LoadResult): SearchTargetResult {
  return { ...load.stats, by_kind: load.byKind, errors: load.errors };
}

/**
 * Every target over the same queries at one concurrency, interleaved (in
 * order, then in reverse) so machine noise falls on all of them.
 */
async function measureSearch(
  targets: Record<SearchTarget, { url: string; requests: LoadRequest[] }>,
  concurrency: number,
  count: number,
): Promise<Record<SearchTarget, SearchTargetResult>> {
  const half = Math.ceil(count / 2);
  const runs = Object.fromEntries(SEARCH_TARGETS.map((name) => [name, [] as LoadResult[]])) as Record<SearchTarget, LoadResult[]>;
  for (const [round, names] of [SEARCH_TARGETS, [...SEARCH_TARGETS].reverse()].entries()) {
    for (const name of names) {
      const slice = targets[name].requests.slice(round * half, (round + 1) * half);
      runs[name].push(await runLoad(targets[name].url, slice, concurrency));
    }
  }
  return Object.fromEntries(SEARCH_TARGETS.map((name) => [name, targetResult(mergeLoads(runs[name]))])) as Record<
    SearchTarget,
    SearchTargetResult
  >;
}

/**
 * The engine requests the archive sends for a search (planSearch): a blended search ranks ids in
 * its first (three requests sent at once) and fetches the page's items in a second, built from
 * the first's answer, which the index answers alike every time, so it is built once here.
 */
async function engineRequests(
  client: MeiliSearch,
  params: SearchParams,
): Promise<{ first: unknown; alongside?: MultiSearchParams[]; then?: MultiSearchParams }> {
  const plan = planSearch(INDEX, params, AUDIENCE_FILTERS.public);
  if (plan.federated || !plan.merge) return { first: plan.request };
  const { followUp } = plan.merge((await client.multiSearch<MultiSearchParams, { item_id: string }>(plan.request)).results);
  const [first = plan.request, ...alongside] = plan.parallel ?? [plan.request];
  return { first, ...(alongside.length > 0 ? { alongside } : {}), ...(followUp ? { then: followUp.request } : {}) };
}

/** Runs the whole benchmark at one size. */
export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const { log } = options;
  await fs.mkdir(options.workDir, { recursive: true });
  snapshotDir = await snapshotCode();
  log('Learning words from the sample and corpus minutes');
  const vocabulary = await loadVocabulary();
  const { contentDir, bytes: markdownBytes } = await prepareContent(options, vocabulary);
  const raw = options.skipRaw ? undefined : await prepareRawJson(options, contentDir);

  let rawResult: { seconds: number; docsPerS: number } | undefined;
  if (raw) {
    log(`Raw engine: indexing ${raw.documents} JSON documents (${(raw.bytes / 1e6).toFixed(0)} MB) in ${raw.files.length} batches`);
    rawResult = await rawIngest(options, raw.files, raw.documents);
    log(`  ${rawResult.seconds.toFixed(1)} s, ${rawResult.docsPerS.toFixed(0)} docs/s`);
  }

  const { meili, client, dataDir } = await freshEngine(options, 'engine-archive');
  let server: ChildProcess | undefined;
  try {
    log('Archive: npm run ingest into an empty engine');
    const engineMemory = watchMemory(meili.pid);
    const full = await runIngestCli(options, meili, contentDir);
    const engineRss = await engineMemory.stop();
    const stats = (await client.getStats()) as { databaseSize: number; indexes: Record<string, { numberOfDocuments: number }> };
    const documents = stats.indexes[INDEX]?.numberOfDocuments ?? 0;
    const docsPerS = documents / full.seconds;
    log(`  ${full.seconds.toFixed(1)} s, ${docsPerS.toFixed(0)} docs/s; ingest RSS ${full.rssMb} MB, engine RSS ${engineRss} MB`);
    log(`  ${full.output.trim().split('\n').pop()}`);

    const indexBytes = await folderBytes(path.join(dataDir, 'meili'));

    log('Archive: re-ingest with nothing changed');
    const nochange = await runIngestCli(options, meili, contentDir);
    log(`  ${nochange.seconds.toFixed(2)} s (${((100 * nochange.seconds) / full.seconds).toFixed(1)}% of the full ingest)`);

    const changedItems = await changeOnePercent(contentDir, options.size, options.seed, vocabulary);
    log(`Archive: re-ingest with ${changedItems} items (1%) changed`);
    const onePercent = await runIngestCli(options, meili, contentDir);
    log(`  ${onePercent.seconds.toFixed(2)} s (${((100 * onePercent.seconds) / full.seconds).toFixed(1)}% of the full ingest)`);
    await changeOnePercent(contentDir, options.size, options.seed, vocabulary, true); // as generated, for a kept folder

    log('Search: starting the archive server');
    const started = await startServer(meili);
    server = started.child;
    const { public: token } = await audienceTokens(client, INDEX);
    const count = options.requests;
    const queries = queryMix(options.seed, count * 2, options.size, vocabulary);
    log('  planning the engine requests the archive sends');
    const planned: ((typeof queries)[number] & { engine: Awaited<ReturnType<typeof engineRequests>> })[] = [];
    for (const query of queries) planned.push({ ...query, engine: await engineRequests(client, query.params) });
    const engineRequest = (body: unknown) => ({
      method: 'POST' as const,
      path: '/multi-search',
      body: JSON.stringify(body),
      headers: { Authorization: `Bearer ${token}` },
    });
    const engineTarget = (requests: LoadRequest[]) => ({ url: meili.url, requests });
    const requestsFor = (slice: typeof planned) => ({
      raw: engineTarget(
        slice.map(({ engine, kind }) => ({
          ...engineRequest(engine.first),
          kind,
          ...(engine.alongside ? { alongside: engine.alongside.map(engineRequest) } : {}),
          ...(engine.then ? { then: engineRequest(engine.then) } : {}),
        })),
      ),
      raw_one_query: engineTarget(
        slice.map(({ params, kind }) => ({ ...engineRequest(buildSearchRequest(INDEX, params, AUDIENCE_FILTERS.public)), kind })),
      ),
      api: {
        url: started.url,
        requests: slice.map((query): LoadRequest => ({ method: 'GET', path: `/api/search?${query.queryString}`, kind: query.kind })),
      },
      page: {
        url: started.url,
        requests: slice.map((query): LoadRequest => ({ method: 'GET', path: `/?${query.queryString}`, kind: query.kind })),
      },
    });
    log('  warming up');
    const warm = requestsFor(planned.slice(0, 60));
    for (const target of Object.values(warm)) await runLoad(target.url, target.requests, 4);

    log(`  concurrency 1: ${count} requests each for ${SEARCH_TARGETS.join(', ')}`);
    const c1 = await measureSearch(requestsFor(planned.slice(0, count)), 1, count);
    log(`  concurrency 8: ${count * 2} requests each`);
    const c8 = await measureSearch(requestsFor(planned), 8, count * 2);
    const serverMemory = await memoryOf(server.pid as number);
    const engineSearchMemory = await memoryOf(meili.pid);

    const ratio = (a: number, b: number) => round(a / Math.max(b, 0.001));
    return {
      size: options.size,
      seed: options.seed,
      date: new Date().toISOString(),
      machine: {
        cpus: (await import('node:os')).cpus().length,
        node: process.version,
        engine: 'Meilisearch 1.21.0',
        indexing_threads: options.threads,
      },
      corpus: { files: options.size, documents, markdown_bytes: markdownBytes, json_bytes: raw?.bytes ?? null },
      ingest: {
        docs_per_s: round(docsPerS, 0),
        items_per_s: round(options.size / full.seconds, 0),
        seconds: round(full.seconds, 1),
        raw_docs_per_s: rawResult ? round(rawResult.docsPerS, 0) : null,
        raw_seconds: rawResult ? round(rawResult.seconds, 1) : null,
        ratio: rawResult ? round(docsPerS / rawResult.docsPerS) : null,
        ingest_rss_mb: full.rssMb,
        engine_rss_mb: engineRss,
      },
      reingest: {
        nochange_s: round(nochange.seconds),
        nochange_share: round(nochange.seconds / full.seconds, 4),
        one_percent_s: round(onePercent.seconds),
        one_percent_share: round(onePercent.seconds / full.seconds, 4),
        changed_items: changedItems,
      },
      search: {
        requests: { c1: count, c8: count * 2 },
        c1,
        c8,
        api: c1.api,
        page: c1.page,
        raw: c1.raw,
        api_p95_ratio: ratio(c1.api.p95_ms, c1.raw.p95_ms),
        page_p95_ratio: ratio(c1.page.p95_ms, c1.raw.p95_ms),
        api_p95_ratio_c8: ratio(c8.api.p95_ms, c8.raw.p95_ms),
        page_p95_ratio_c8: ratio(c8.page.p95_ms, c8.raw.p95_ms),
      },
      server_rss_mb: serverMemory.rss,
      server_peak_rss_mb: serverMemory.peak,
      engine_search_rss_mb: engineSearchMemory.rss,
      index_bytes: indexBytes,
      engine_database_bytes: stats.databaseSize,
    };
  } finally {
    server?.kill('SIGTERM');
    await meili.stop();
    if (snapshotDir) await fs.rm(snapshotDir, { recursive: true, force: true });
    snapshotDir = undefined;
    if (!options.keep) await fs.rm(options.workDir, { recursive: true, force: true });
  }
}
