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
  summarise,
  TOP,
  type HitText,
  type JudgedFile,
  type JudgedQuery,
  type QueryScore,
} from './score-search.js';

/** What `npm run eval:search` is asked to do. */
export interface SearchEvalOptions {
  /** A running archive, e.g. http://127.0.0.1:3000. */
  url: string;
  queriesFile: string;
  /** Manifests giving each judged file's council and meeting date; a later one wins for a file in two. */
  manifestFiles: string[];
  /** Folders holding the judged files, looked through in order, to read the date the converter gives each. */
  sourceDirs: string[];
  /** Also log each query's outcome. */
  verbose: boolean;
  log: (line: string) => void;
}

/** Each judged query's score, in the order of the queries file, and where they were run. */
export interface SearchEvaluation {
  base: string;
  queriesFile: string;
  scores: QueryScore[];
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

/** Runs each judged query against the archive's API and scores its top hits. */
export async function evaluateSearch(options: SearchEvalOptions): Promise<SearchEvaluation> {
  const base = options.url.replace(/\/+$/, '');
  const queries = await readJsonLines<JudgedQuery>(options.queriesFile);
  const manifest: Manifest = new Map();
  for (const file of options.manifestFiles) for (const [name, facts] of await readManifest(file)) manifest.set(name, facts);
  const files = await judgedFiles(queries, manifest, options.sourceDirs);

  const items = new Map<string, Promise<HitText>>();
  const fetchItem = (id: string) => {
    let cached = items.get(id);
    if (!cached) {
      cached = getJson<ApiItem>(`${base}/api/items/${encodeURIComponent(id)}`).then((item) => ({
        council: item.council,
        meetingDate: item.meeting_date,
        text: normalise([item.title, ...item.decisions, ...item.actions, ...item.declarations, item.body].join('\n')),
      }));
      items.set(id, cached);
    }
    return cached;
  };

  const scores: QueryScore[] = [];
  for (const judged of queries) {
    const params = new URLSearchParams({ q: judged.query, per_page: String(TOP) });
    for (const council of judgedCouncils(judged)) params.append('council', council);
    const answer = await getJson<{ total: number; hits: { id: string }[] }>(`${base}/api/search?${params}`);
    const hits = await Promise.all(answer.hits.slice(0, TOP).map((hit) => fetchItem(hit.id)));
    // judgedFiles holds every judged file, or has thrown.
    const outcome = scoreQuery(judged, hits, (hit, passage) => holdsPassage(hit, passage, files.get(passage.file) as JudgedFile));
    scores.push(outcome.score);
    if (options.verbose) queryLines(judged, outcome, answer.total).forEach((line) => options.log(line));
  }
  return { base, queriesFile: options.queriesFile, scores };
}

/** The closing lines: success@3, recall@10 and MRR@10. */
export function searchReport(evaluation: SearchEvaluation): string {
  const { successAt3, recallAt10, mrrAt10 } = summarise(evaluation.scores);
  return [
    `Search against ${evaluation.scores.length} judged queries (${evaluation.queriesFile}) at ${evaluation.base}`,
    'success@3  recall@10  MRR@10',
    `${successAt3.toFixed(3).padStart(9)}  ${recallAt10.toFixed(3).padStart(9)}  ${mrrAt10.toFixed(3).padStart(6)}`,
  ].join('\n');
}
