import path from 'node:path';
import { DEFAULT_TOPICS_FILE, loadTopics } from '../convert/assign-topics.js';
import { convertSource } from '../convert/convert-document.js';
import { readManifest, type Manifest } from '../convert/manifest.js';
import { readSource } from '../convert/read-source.js';
import { readJsonLines } from './json-lines.js';
import {
  holdsPassage,
  judgedCouncils,
  normalise,
  queryLines,
  scoreQuery,
  TOP,
  comparisonTable,
  queryGroups,
  type HitText,
  type JudgedFile,
  type JudgedQuery,
  type QueryScore,
} from './score-search.js';

/** What `npm run eval:search` is asked to do. */
export interface SearchEvalOptions {
  /** A running archive, e.g. http://127.0.0.1:3000. */
  url: string;
  /** A running peer (`/api/search?q=&council=`, hits whose `url` gives the meeting's text) to score in the same run. */
  peerUrl?: string;
  queriesFile: string;
  /** Manifests giving each judged file's council and meeting date; a later one wins for a file in two. */
  manifestFiles: string[];
  /** Folders holding the judged files, looked through in order, to read the date the converter gives each. */
  sourceDirs: string[];
  /** Also log each query's outcome. */
  verbose: boolean;
  log: (line: string) => void;
}

/** One searcher's scores for each judged query, in the order of the queries file. */
export interface SearcherRun {
  name: string;
  base: string;
  scores: QueryScore[];
}

/** The judged queries and how each searcher answered them, the archive first. */
export interface SearchEvaluation {
  queriesFile: string;
  queries: JudgedQuery[];
  runs: SearcherRun[];
}

/** What a searcher gave for one judged query: how many it matched and its top hits as text. */
interface Answer {
  total?: number;
  hits: HitText[];
}

/** Something that answers the judged queries: the archive, or the peer it is measured against. */
interface Searcher {
  name: string;
  base: string;
  answer(judged: JudgedQuery): Promise<Answer>;
}

/** The fields of `GET /api/items/:id` that scoring reads. */
interface ApiItem {
  id: string;
  title: string;
  council: string;
  meeting_date: string | null;
  decisions: string[];
  actions: string[];
  declarations: string[];
  body: string;
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}: ${(await response.text()).slice(0, 300)}`);
  return (await response.json()) as T;
}

/** The manifest facts of every judged file, with the meeting date the converter prefers: the one in the text's own heading. */
async function judgedFiles(
  queries: readonly JudgedQuery[],
  manifest: Manifest,
  sourceDirs: readonly string[],
): Promise<Map<string, JudgedFile>> {
  const vocabulary = await loadTopics(DEFAULT_TOPICS_FILE);
  const files = new Map<string, JudgedFile>();
  for (const file of new Set(queries.flatMap((judged) => judged.relevant.map((passage) => passage.file)))) {
    const facts = manifest.get(file);
    if (!facts) throw new Error(`${file} (judged) is in no manifest`);
    let convertedDate: string | undefined;
    for (const folder of sourceDirs) {
      const source = await readSource(path.resolve(folder, file)).catch(() => undefined);
      if (source === undefined) continue;
      convertedDate = convertSource(source, file, facts, vocabulary).meeting.meetingDate;
      break;
    }
    files.set(file, { council: facts.council, meetingDate: facts.meetingDate, convertedDate });
  }
  return files;
}

/** Fetches each URL once, however often it is asked for. */
function cached<T>(fetchOne: (url: string) => Promise<T>): (url: string) => Promise<T> {
  const seen = new Map<string, Promise<T>>();
  return (url) => {
    let found = seen.get(url);
    if (!found) seen.set(url, (found = fetchOne(url)));
    return found;
  };
}

/** The archive's API: its hits are agenda items, read whole from `GET /api/items/:id`. */
function archiveSearcher(base: string): Searcher {
  const item = cached((url) =>
    getJson<ApiItem>(url).then((found) => ({
      council: found.council,
      meetingDate: found.meeting_date,
      text: normalise([found.title, ...found.decisions, ...found.actions, ...found.declarations, found.body].join('\n')),
    })),
  );
  return {
    name: 'archive',
    base,
    async answer(judged) {
      const params = new URLSearchParams({ q: judged.query, per_page: String(TOP) });
      for (const council of judgedCouncils(judged)) params.append('council', council);
      const found = await getJson<{ total: number; hits: { id: string }[] }>(`${base}/api/search?${params}`);
      const hits = await Promise.all(found.hits.slice(0, TOP).map((hit) => item(`${base}/api/items/${encodeURIComponent(hit.id)}`)));
      return { total: found.total, hits };
    },
  };
}

/**
 * The peer's API: its hits are whole meetings (files), whose text its `url` gives. A hit's council
 * and date are its file's in the manifests, as a judged file's are, so the one rule that scores the
 * archive's items scores its meetings too; a file the manifests lack keeps the council the peer gives.
 */
function peerSearcher(base: string, manifest: Manifest): Searcher {
  const text = cached(async (url) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}`);
    return normalise(await response.text());
  });
  return {
    name: 'FTS5 peer',
    base,
    async answer(judged) {
      const councils = judgedCouncils(judged);
      // The peer takes one council; a query narrowed to several asks each and keeps the best by rank.
      const asked = councils.length > 0 ? councils : [undefined];
      const lists = await Promise.all(
        asked.map((council) => {
          const params = new URLSearchParams({ q: judged.query, ...(council ? { council } : {}) });
          return getJson<{ hits: { id: string; council: string; url: string }[] }>(`${base}/api/search?${params}`);
        }),
      );
      const ranked = lists.flatMap((list, position) => list.hits.map((hit, rank) => ({ hit, rank, position })));
      ranked.sort((a, b) => a.rank - b.rank || a.position - b.position);
      const hits = await Promise.all(
        ranked.slice(0, TOP).map(async ({ hit }) => {
          const facts = manifest.get(hit.id);
          return {
            council: facts?.council ?? hit.council,
            meetingDate: facts?.meetingDate ?? null,
            text: await text(new URL(hit.url, base).toString()),
          };
        }),
      );
      return { hits };
    },
  };
}

/** Runs each judged query against the archive's API, and the peer's where one is given, and scores their top hits alike. */
export async function evaluateSearch(options: SearchEvalOptions): Promise<SearchEvaluation> {
  const queries = await readJsonLines<JudgedQuery>(options.queriesFile);
  const manifest: Manifest = new Map();
  for (const file of options.manifestFiles) for (const [name, facts] of await readManifest(file)) manifest.set(name, facts);
  const files = await judgedFiles(queries, manifest, options.sourceDirs);
  const trim = (url: string) => url.replace(/\/+$/, '');
  const searchers = [archiveSearcher(trim(options.url)), ...(options.peerUrl ? [peerSearcher(trim(options.peerUrl), manifest)] : [])];

  const runs: SearcherRun[] = [];
  for (const searcher of searchers) {
    const scores: QueryScore[] = [];
    if (options.verbose) options.log(`${searcher.name} at ${searcher.base}:`);
    for (const judged of queries) {
      const answer = await searcher.answer(judged);
      // judgedFiles holds every judged file, or has thrown.
      const outcome = scoreQuery(judged, answer.hits, (hit, passage) => holdsPassage(hit, passage, files.get(passage.file) as JudgedFile));
      scores.push(outcome.score);
      if (options.verbose) queryLines(judged, outcome, answer.total).forEach((line) => options.log(line));
    }
    runs.push({ name: searcher.name, base: searcher.base, scores });
  }
  return { queriesFile: options.queriesFile, queries, runs };
}

/** The closing lines: where each searcher ran, then success@3, MRR@10 and recall@10 over the whole, each fold and each persona. */
export function searchReport(evaluation: SearchEvaluation): string {
  return [
    `Search against ${evaluation.queries.length} judged queries (${evaluation.queriesFile}), ${evaluation.runs
      .map((run) => `${run.name} at ${run.base}`)
      .join(', ')}`,
    '',
    comparisonTable(queryGroups(evaluation.queries), evaluation.runs),
  ].join('\n');
}
