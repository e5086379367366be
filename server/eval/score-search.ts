/** How many hits of each judged query are scored. */
export const TOP = 10;
/** A query succeeds when a hit ranked this high or higher holds a judged passage. */
const SUCCESS_AT = 3;

/** A phrase of a judged file that an answer to the query should show. */
export interface JudgedPassage {
  file: string;
  phrase: string;
}

/** One line of queries-dev.jsonl. */
export interface JudgedQuery {
  query: string;
  persona?: string;
  filters: { council?: string | string[] };
  relevant: JudgedPassage[];
}

/** How one judged query's top hits scored. */
export interface QueryScore {
  /** Rank (1-based) of the first hit holding a judged passage, or undefined. */
  firstRank?: number;
  /** How many of the judged passages have their item among the top hits. */
  found: number;
  judged: number;
}

/** What a query's hits held: its score, a mark per hit (`+` holds a judged passage, `.` not) and the passages no hit holds. */
export interface QueryOutcome {
  score: QueryScore;
  marks: string;
  missed: JudgedPassage[];
}

/** An item among the hits, as a judged passage is looked for in it. */
export interface HitText {
  council: string;
  meetingDate: string | null;
  /** The item's text, normalised. */
  text: string;
}

/** Where a judged file's meeting is: the council and date of its manifest row, and the date the converter reads from its text. */
export interface JudgedFile {
  council?: string;
  meetingDate?: string;
  convertedDate?: string;
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

/** The councils a judged query is narrowed to. */
export function judgedCouncils(judged: JudgedQuery): string[] {
  return judged.filters.council === undefined ? [] : [judged.filters.council].flat();
}

/**
 * A hit holds a passage when its text contains the phrase and its council, and meeting date where
 * the manifest gives one, are the judged file's (either date: the manifest's or the converter's).
 */
export function holdsPassage(hit: HitText, passage: JudgedPassage, file: JudgedFile): boolean {
  if (file.council !== undefined && hit.council !== file.council) return false;
  if (file.meetingDate !== undefined && ![file.meetingDate, file.convertedDate].includes(hit.meetingDate ?? undefined)) return false;
  return hit.text.includes(normalise(passage.phrase));
}

/** Scores a query's hits (at most TOP, in rank order); `holds` tells whether a hit holds a passage. */
export function scoreQuery<Hit>(
  judged: JudgedQuery,
  hits: readonly Hit[],
  holds: (hit: Hit, passage: JudgedPassage) => boolean,
): QueryOutcome {
  const held = hits.map((hit) => judged.relevant.map((passage) => holds(hit, passage)));
  const ranks = judged.relevant.map((_, position) => held.findIndex((row) => row[position]));
  const relevantRanks = held.map((row, rank) => (row.includes(true) ? rank + 1 : 0)).filter((rank) => rank > 0);
  return {
    score: {
      found: ranks.filter((rank) => rank >= 0).length,
      judged: judged.relevant.length,
      ...(relevantRanks[0] ? { firstRank: relevantRanks[0] } : {}),
    },
    marks: held.map((row) => (row.includes(true) ? '+' : '.')).join(''),
    missed: judged.relevant.filter((_, position) => (ranks[position] ?? -1) < 0),
  };
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

/** The lines `--verbose` prints for a query: its outcome, then each judged passage left out of its top hits. */
export function queryLines(judged: JudgedQuery, outcome: QueryOutcome, total?: number): string[] {
  const { score, marks } = outcome;
  const councils = judgedCouncils(judged);
  return [
    `${score.firstRank !== undefined && score.firstRank <= SUCCESS_AT ? 'ok  ' : 'MISS'} ${marks.padEnd(TOP)} first ${String(score.firstRank ?? '-').padStart(2)}  found ${score.found}/${score.judged}  ${total === undefined ? '' : `${total} hits  `}"${judged.query}"${councils.length ? ` [${councils.join(', ')}]` : ''}`,
    ...outcome.missed.map((passage) => `       not in top ${TOP}: ${passage.file} "${passage.phrase}"`),
  ];
}

/** The two halves of the judged queries: a change is kept only if it loses on neither. */
export const FOLDS = ['A', 'B'] as const;
export type Fold = (typeof FOLDS)[number];

/** FNV-1a of a query's text: where it falls does not depend on the file's order. */
function textHash(text: string): number {
  let hash = 0x811c9dc5;
  for (const char of text) hash = Math.imul(hash ^ (char.codePointAt(0) as number), 0x01000193) >>> 0;
  return hash;
}

/**
 * Each query's fold: within each persona, the queries ordered by a hash of their text fall to A
 * and B in turn, so both folds hold every persona in equal shares (within one) and the split is
 * the same whatever the file's order or the ranking.
 */
export function foldsOf(queries: readonly JudgedQuery[]): Fold[] {
  const folds: Fold[] = new Array<Fold>(queries.length).fill('A');
  const byPersona = new Map<string, number[]>();
  queries.forEach((judged, position) => {
    const persona = judged.persona ?? '';
    byPersona.set(persona, [...(byPersona.get(persona) ?? []), position]);
  });
  for (const positions of byPersona.values()) {
    positions
      .map((position) => ({ position, hash: textHash(normalise((queries[position] as JudgedQuery).query)) }))
      .sort((a, b) => a.hash - b.hash || a.position - b.position)
      .forEach(({ position }, order) => (folds[position] = FOLDS[order % 2] as Fold));
  }
  return folds;
}

/** A named share of the judged queries: the whole, a fold, a persona. */
export interface QueryGroup {
  name: string;
  /** Positions in the queries file. */
  positions: number[];
}

/** The whole, each fold, then each persona (in the order they first appear). */
export function queryGroups(queries: readonly JudgedQuery[]): QueryGroup[] {
  const folds = foldsOf(queries);
  const all = queries.map((_, position) => position);
  const personas = [...new Set(queries.map((judged) => judged.persona ?? '(none)'))];
  return [
    { name: 'whole', positions: all },
    ...FOLDS.map((fold) => ({ name: `fold ${fold}`, positions: all.filter((position) => folds[position] === fold) })),
    ...personas.map((persona) => ({
      name: persona,
      positions: all.filter((position) => ((queries[position] as JudgedQuery).persona ?? '(none)') === persona),
    })),
  ];
}

/** One searcher's scores over the judged queries, in file order. */
export interface ScoredRun {
  name: string;
  scores: readonly QueryScore[];
}

/**
 * A markdown table of each run's success@3, MRR@10 and recall@10 over each group, the runs side
 * by side, so that a fold or persona where one searcher loses shows on its own line.
 */
export function comparisonTable(groups: readonly QueryGroup[], runs: readonly ScoredRun[]): string {
  const cell = (run: ScoredRun, group: QueryGroup) => {
    const { successAt3, mrrAt10, recallAt10 } = summarise(group.positions.map((position) => run.scores[position] as QueryScore));
    return [successAt3, mrrAt10, recallAt10].map((value) => value.toFixed(3)).join(' / ');
  };
  return [
    `| queries | ${runs.map((run) => `${run.name} s@3 / MRR@10 / recall@10`).join(' | ')} |`,
    `|---|${runs.map(() => '---|').join('')}`,
    ...groups.map((group) => `| ${group.name} (${group.positions.length}) | ${runs.map((run) => cell(run, group)).join(' | ')} |`),
  ].join('\n');
}
