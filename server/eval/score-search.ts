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
export function queryLines(judged: JudgedQuery, outcome: QueryOutcome, total: number): string[] {
  const { score, marks } = outcome;
  const councils = judgedCouncils(judged);
  return [
    `${score.firstRank !== undefined && score.firstRank <= SUCCESS_AT ? 'ok  ' : 'MISS'} ${marks.padEnd(TOP)} first ${String(score.firstRank ?? '-').padStart(2)}  found ${score.found}/${score.judged}  ${total} hits  "${judged.query}"${councils.length ? ` [${councils.join(', ')}]` : ''}`,
    ...outcome.missed.map((passage) => `       not in top ${TOP}: ${passage.file} "${passage.phrase}"`),
  ];
}
