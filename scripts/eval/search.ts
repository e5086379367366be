import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_TOPICS_FILE, loadTopics } from '../../server/convert/assign-topics.js';
import { convertDocument } from '../../server/convert/convert-document.js';
import { parseManifest, type Manifest } from '../../server/convert/manifest.js';
import { readSource } from '../../server/convert/read-source.js';
import { runCommand } from '../../server/common/run-command.js';

const USAGE = `Usage: npm run eval:search -- [--url URL] [--queries FILE] [--manifest TSV]... [--verbose]

Runs the judged queries in FILE (default ../shared/corpus/queries-dev.jsonl) against a running
archive at URL (default http://127.0.0.1:3000) and prints success@3, recall@10 and MRR@10.
A hit counts when its item's text holds a judged phrase and its council (and meeting date, where
the manifest gives one) matches the judged file's row in a manifest (default the corpus manifest
and server/convert/samples-manifest.tsv). Where the minutes' own heading gives another meeting
date than the manifest (which the converter then uses), that date counts too; the judged files are
read from the --sources folders (default ../shared/corpus/minutes and ../shared/samples).`;

const TOP = 10;
const SUCCESS_AT = 3;

interface JudgedQuery {
  query: string;
  persona?: string;
  filters: { council?: string | string[] };
  relevant: { file: string; phrase: string }[];
}

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

export interface QueryScore {
  /** Rank (1-based) of the first hit holding a judged passage, or undefined. */
  firstRank?: number;
  /** How many of the judged passages have their item among the top hits. */
  found: number;
  judged: number;
}

/** Case, whitespace, quotes, dashes and markdown escapes do not decide a match. */
export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\\([\\`*_{}[\]()#+\-.!>|~<"'])/g, '$1')
    .replace(/[\u2018\u2019\u201a\u201b\u2032`´]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033«»]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .toLowerCase()
    .trim();
}

/** success@3, recall@10 and MRR@10 over the queries scored. */
export function summarise(scores: QueryScore[]): { successAt3: number; recallAt10: number; mrrAt10: number } {
  const n = scores.length || 1;
  return {
    successAt3: scores.filter((score) => score.firstRank !== undefined && score.firstRank <= SUCCESS_AT).length / n,
    recallAt10: scores.reduce((sum, score) => sum + score.found, 0) / (scores.reduce((sum, score) => sum + score.judged, 0) || 1),
    mrrAt10: scores.reduce((sum, score) => sum + (score.firstRank ? 1 / score.firstRank : 0), 0) / n,
  };
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}: ${(await response.text()).slice(0, 300)}`);
  return (await response.json()) as T;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      url: { type: 'string', default: 'http://127.0.0.1:3000' },
      queries: { type: 'string', default: '../shared/corpus/queries-dev.jsonl' },
      manifest: { type: 'string', multiple: true },
      sources: { type: 'string', multiple: true },
      verbose: { type: 'boolean', short: 'v' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const base = values.url.replace(/\/+$/, '');
  const queries = (await fs.readFile(path.resolve(values.queries), 'utf8'))
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as JudgedQuery);
  const manifests = values.manifest ?? ['../shared/corpus/manifest.tsv', 'server/convert/samples-manifest.tsv'];
  const manifest: Manifest = new Map();
  for (const file of manifests) {
    for (const [name, facts] of parseManifest(await fs.readFile(path.resolve(file), 'utf8'))) manifest.set(name, facts);
  }

  // The meeting date the archive gives each judged file: the converter prefers the text's own date.
  const sources = values.sources ?? ['../shared/corpus/minutes', '../shared/samples'];
  const vocabulary = await loadTopics(DEFAULT_TOPICS_FILE);
  const convertedDates = new Map<string, string | undefined>();
  for (const file of new Set(queries.flatMap((judged) => judged.relevant.map((passage) => passage.file)))) {
    const facts = manifest.get(file);
    if (!facts) throw new Error(`${file} (judged) is in no manifest`);
    for (const folder of sources) {
      const text = await readSource(path.resolve(folder, file)).catch(() => undefined);
      if (text === undefined) continue;
      convertedDates.set(file, convertDocument(text, file, facts, vocabulary).meeting.meetingDate);
      break;
    }
  }

  const items = new Map<string, Promise<{ item: ApiItem; text: string }>>();
  const fetchItem = (id: string) => {
    let cached = items.get(id);
    if (!cached) {
      cached = getJson<ApiItem>(`${base}/api/items/${encodeURIComponent(id)}`).then((item) => ({
        item,
        text: normalise([item.title, ...item.decisions, ...item.actions, ...item.declarations, item.body].join('\n')),
      }));
      items.set(id, cached);
    }
    return cached;
  };

  const scores: QueryScore[] = [];
  for (const judged of queries) {
    const params = new URLSearchParams({ q: judged.query, per_page: String(TOP) });
    const councils = judged.filters.council === undefined ? [] : [judged.filters.council].flat();
    for (const council of councils) params.append('council', council);
    const answer = await getJson<{ total: number; hits: { id: string }[] }>(`${base}/api/search?${params}`);
    const hits = await Promise.all(answer.hits.slice(0, TOP).map((hit) => fetchItem(hit.id)));

    const holds = (hit: { item: ApiItem; text: string }, passage: { file: string; phrase: string }) => {
      const facts = manifest.get(passage.file);
      if (!facts) throw new Error(`${passage.file} (judged for "${judged.query}") is in no manifest`);
      if (facts.council !== undefined && hit.item.council !== facts.council) return false;
      const dates = [facts.meetingDate, convertedDates.get(passage.file)];
      if (facts.meetingDate !== undefined && !dates.includes(hit.item.meeting_date ?? undefined)) return false;
      return hit.text.includes(normalise(passage.phrase));
    };
    const ranks = judged.relevant.map((passage) => hits.findIndex((hit) => holds(hit, passage)));
    const relevantRanks = hits.map((hit, rank) => (judged.relevant.some((passage) => holds(hit, passage)) ? rank + 1 : 0)).filter((rank) => rank > 0);
    const score: QueryScore = { found: ranks.filter((rank) => rank >= 0).length, judged: judged.relevant.length, ...(relevantRanks[0] ? { firstRank: relevantRanks[0] } : {}) };
    scores.push(score);

    if (values.verbose) {
      const marks = hits.map((hit) => (judged.relevant.some((passage) => holds(hit, passage)) ? '+' : '.')).join('');
      console.log(
        `${score.firstRank !== undefined && score.firstRank <= SUCCESS_AT ? 'ok  ' : 'MISS'} ${marks.padEnd(TOP)} first ${String(score.firstRank ?? '-').padStart(2)}  found ${score.found}/${score.judged}  ${answer.total} hits  "${judged.query}"${councils.length ? ` [${councils.join(', ')}]` : ''}`,
      );
      judged.relevant.forEach((passage, position) => {
        if ((ranks[position] ?? -1) < 0) console.log(`       not in top ${TOP}: ${passage.file} "${passage.phrase}"`);
      });
    }
  }

  const { successAt3, recallAt10, mrrAt10 } = summarise(scores);
  console.log(`Search against ${queries.length} judged queries (${path.resolve(values.queries)}) at ${base}`);
  console.log('success@3  recall@10  MRR@10');
  console.log(`${successAt3.toFixed(3).padStart(9)}  ${recallAt10.toFixed(3).padStart(9)}  ${mrrAt10.toFixed(3).padStart(6)}`);
  return 0;
}

runCommand(main, 'Evaluation failed');
