import { existsSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_TOPICS_FILE, loadTopics } from '../convert/assign-topics.js';
import { convertSource } from '../convert/convert-document.js';
import { readManifest } from '../convert/manifest.js';
import { readSource } from '../convert/read-source.js';
import type { Officer } from '../minutes/schema.js';
import { assignFolds, FOLDS, type Fold } from './folds.js';
import { applyOverrides, OVERRIDES_FILE, readOverrides } from './gold-overrides.js';
import { readJsonLines } from './json-lines.js';
import {
  itemDifferences,
  officerDifferences,
  precision,
  predictMeeting,
  recall,
  scoreMeetings,
  type FieldName,
  type GoldMeeting,
  type PredictedMeeting,
  type Tally,
} from './score-conversion.js';

/** What `npm run eval:convert` is asked to do. */
export interface ConverterEvalOptions {
  /** Holds gold-dev.jsonl, manifest.tsv and the minutes/ it judges. */
  corpusDir: string;
  /**
   * Holds gold-dev.jsonl and manifest.tsv for files in the councils' own formats (PDF, Word, web
   * pages, XML), the gold's paths relative to it; left out when absent.
   */
  formatsDir?: string;
  /** Also log each meeting's tallies, and the items and officers it missed and found extra. */
  verbose: boolean;
  /** Progress: the gold corrections applied and, when verbose, the lines per meeting. */
  log: (line: string) => void;
}

/** One hand-checked meeting as converted: where it came from, its fold and its tallies. */
export interface MeetingResult {
  file: string;
  council: string;
  /** The file's own format: its extension (the corpus is text). */
  format: string;
  fold: Fold;
  tallies: Record<FieldName, Tally>;
}

/** The tallies over every hand-checked meeting, and where the gold came from. */
export interface ConverterEvaluation {
  goldFiles: string[];
  meetings: MeetingResult[];
  tallies: Record<FieldName, Tally>;
}

const formatTallies = (tallies: Record<FieldName, Tally>) =>
  Object.entries(tallies)
    .map(([field, t]) => `${field} ${t.matched}/${t.predicted}/${t.expected}`)
    .join(' · ');

const describeItem = (item: { number?: string | null; title?: string | null }) => `${item.number ?? '–'} ${item.title ?? ''}`.trim();

const describeOfficer = (officer: Officer) => [officer.name, officer.role && `(${officer.role})`].filter(Boolean).join(' ');

/** A set of hand-checked meetings: its gold, the manifest naming each file's council, and the folder its files are in. */
interface GoldSet {
  goldFile: string;
  manifestFile: string;
  sourceDir: string;
}

/** Stands for a council no manifest names. */
const UNKNOWN_COUNCIL = 'Unknown';

function goldSets(options: ConverterEvalOptions): GoldSet[] {
  const corpus = {
    goldFile: path.join(options.corpusDir, 'gold-dev.jsonl'),
    manifestFile: path.join(options.corpusDir, 'manifest.tsv'),
    sourceDir: path.join(options.corpusDir, 'minutes'),
  };
  const formats = options.formatsDir;
  if (!formats || !existsSync(path.join(formats, 'gold-dev.jsonl'))) return [corpus];
  return [corpus, { goldFile: path.join(formats, 'gold-dev.jsonl'), manifestFile: path.join(formats, 'manifest.tsv'), sourceDir: formats }];
}

/**
 * Converts each hand-checked meeting from its file alone (the manifest gives only the council),
 * files in their own formats read as a user's would be, and tallies every field against the
 * corrected gold, meeting by meeting, each meeting in one of two folds.
 */
export async function evaluateConverter(options: ConverterEvalOptions): Promise<ConverterEvaluation> {
  const { log } = options;
  const sets = goldSets(options);
  const vocabulary = await loadTopics(DEFAULT_TOPICS_FILE);
  const overrides = await readOverrides(OVERRIDES_FILE);
  const entries: { gold: GoldMeeting; council: string; source: string }[] = [];
  const applied = new Set<(typeof overrides)[number]>();
  for (const set of sets) {
    const gold = await readJsonLines<GoldMeeting>(set.goldFile);
    for (const override of applyOverrides(gold, overrides)) applied.add(override);
    const manifest = await readManifest(set.manifestFile);
    for (const meeting of gold)
      entries.push({
        gold: meeting,
        council: manifest.get(path.basename(meeting.file))?.council ?? UNKNOWN_COUNCIL,
        source: path.join(set.sourceDir, meeting.file),
      });
  }
  log(`Applied ${applied.size} of ${overrides.length} gold corrections from ${path.relative(process.cwd(), OVERRIDES_FILE)}:`);
  for (const override of applied) log(`  ${override.file}: ${override.why}`);
  for (const override of overrides.filter((o) => !applied.has(o)))
    log(`  NOT APPLIED (no such gold entry) ${override.file}: ${JSON.stringify(override.item ?? override.set)}`);
  const folds = assignFolds(
    entries,
    (entry) => entry.council,
    (entry) => entry.gold.meeting_date ?? entry.gold.file,
  );
  const meetings: MeetingResult[] = [];
  const pairs: { gold: GoldMeeting; predicted: PredictedMeeting }[] = [];
  for (const entry of entries) {
    const { gold } = entry;
    const name = path.basename(gold.file);
    // The gold was read from the file alone, so only the council comes from outside.
    const predicted = predictMeeting(convertSource(await readSource(entry.source), name, { council: entry.council }, vocabulary));
    const tallies = scoreMeetings([{ gold, predicted }]);
    const fold = folds.get(entry)!;
    pairs.push({ gold, predicted });
    meetings.push({ file: gold.file, council: entry.council, format: path.extname(name).slice(1).toLowerCase(), fold, tallies });
    if (options.verbose) {
      log(`${gold.file} [${fold}] ${formatTallies(tallies)}`);
      const { missed, extra } = itemDifferences(gold, predicted);
      for (const item of missed) log(`  missed: ${describeItem(item)}`);
      for (const item of extra) log(`  extra:  ${describeItem(item)}`);
      const officers = officerDifferences(gold, predicted);
      for (const officer of officers.missed) log(`  missed officer: ${describeOfficer(officer)}`);
      for (const officer of officers.extra) log(`  extra officer:  ${describeOfficer(officer)}`);
    }
  }
  return { goldFiles: sets.map((set) => set.goldFile), meetings, tallies: scoreMeetings(pairs) };
}

/** Adds up the tallies of some meetings. */
export function sumTallies(meetings: readonly MeetingResult[]): Record<FieldName, Tally> {
  const sum = {} as Record<FieldName, Tally>;
  for (const meeting of meetings)
    for (const [field, tally] of Object.entries(meeting.tallies) as [FieldName, Tally][]) {
      const total = (sum[field] ??= { matched: 0, predicted: 0, expected: 0 });
      total.matched += tally.matched;
      total.predicted += tally.predicted;
      total.expected += tally.expected;
    }
  return sum;
}

const percent = (value: number) => `${(value * 100).toFixed(1)}`;
const FIELDS: readonly FieldName[] = ['dates', 'committees', 'item splits', 'officers', 'decisions', 'declarations'];

/** One row of a group table: the group, its meetings, and precision/recall per field. */
function groupRow(label: string, meetings: readonly MeetingResult[]): string {
  const tallies = sumTallies(meetings);
  const cells = FIELDS.map((field) => {
    const tally = tallies[field];
    return tally ? `${percent(precision(tally))}/${percent(recall(tally))}`.padStart(13) : ''.padStart(13);
  });
  return `${label.slice(0, 34).padEnd(34)} ${String(meetings.length).padStart(3)} ${cells.join('')}`;
}

function groupTable(title: string, groups: Map<string, MeetingResult[]>): string[] {
  return [
    '',
    `${title.padEnd(34)}   n${FIELDS.map((field) => field.padStart(13)).join('')}`,
    ...[...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([label, meetings]) => groupRow(label, meetings)),
  ];
}

function groupBy(meetings: readonly MeetingResult[], key: (m: MeetingResult) => string): Map<string, MeetingResult[]> {
  const groups = new Map<string, MeetingResult[]>();
  for (const meeting of meetings) groups.set(key(meeting), [...(groups.get(key(meeting)) ?? []), meeting]);
  return groups;
}

/** The closing tables: precision and recall per field over all meetings, then per fold, per council and per format. */
export function converterReport(evaluation: ConverterEvaluation): string {
  const pct = (value: number) => `${percent(value)}%`.padStart(7);
  const folds = new Map(FOLDS.map((fold) => [`fold ${fold}`, evaluation.meetings.filter((m) => m.fold === fold)]));
  return [
    `Converter against ${evaluation.meetings.length} hand-checked meetings (${evaluation.goldFiles.join(', ')})`,
    'field          precision  recall  matched/predicted/expected',
    ...Object.entries(evaluation.tallies).map(
      ([field, tally]) =>
        `${field.padEnd(14)} ${pct(precision(tally))}  ${pct(recall(tally))}  ${tally.matched}/${tally.predicted}/${tally.expected}`,
    ),
    ...groupTable('precision/recall % by fold', folds),
    ...groupTable(
      'by council',
      groupBy(evaluation.meetings, (m) => m.council),
    ),
    ...groupTable(
      'by format',
      groupBy(evaluation.meetings, (m) => m.format),
    ),
  ].join('\n');
}
