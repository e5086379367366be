import path from 'node:path';
import { DEFAULT_TOPICS_FILE, loadTopics } from '../convert/assign-topics.js';
import { convertDocument } from '../convert/convert-document.js';
import { readManifest } from '../convert/manifest.js';
import { readSource } from '../convert/read-source.js';
import { applyOverrides, OVERRIDES_FILE, readOverrides } from './gold-overrides.js';
import { readJsonLines } from './json-lines.js';
import {
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
  /** Also log each meeting's tallies. */
  verbose: boolean;
  /** Progress: the gold corrections applied and, when verbose, a line per meeting. */
  log: (line: string) => void;
}

/** The tallies over every hand-checked meeting, and where the gold came from. */
export interface ConverterEvaluation {
  goldFile: string;
  meetings: number;
  tallies: Record<FieldName, Tally>;
}

const formatTallies = (tallies: Record<FieldName, Tally>) =>
  Object.entries(tallies)
    .map(([field, t]) => `${field} ${t.matched}/${t.predicted}/${t.expected}`)
    .join(' · ');

/** Converts each hand-checked meeting from its text alone (the manifest gives only the council) and tallies every field against the corrected gold. */
export async function evaluateConverter(options: ConverterEvalOptions): Promise<ConverterEvaluation> {
  const { corpusDir, log } = options;
  const goldFile = path.join(corpusDir, 'gold-dev.jsonl');
  const gold = await readJsonLines<GoldMeeting>(goldFile);
  const overrides = await readOverrides(OVERRIDES_FILE);
  const applied = applyOverrides(gold, overrides);
  log(`Applied ${applied.length} of ${overrides.length} gold corrections from ${path.relative(process.cwd(), OVERRIDES_FILE)}:`);
  for (const override of applied) log(`  ${override.file}: ${override.why}`);
  for (const override of overrides.filter((o) => !applied.includes(o)))
    log(`  NOT APPLIED (no such gold entry) ${override.file}: ${JSON.stringify(override.item ?? override.set)}`);
  const manifest = await readManifest(path.join(corpusDir, 'manifest.tsv'));
  const vocabulary = await loadTopics(DEFAULT_TOPICS_FILE);
  const pairs: { gold: GoldMeeting; predicted: PredictedMeeting }[] = [];
  for (const meeting of gold) {
    const text = await readSource(path.join(corpusDir, 'minutes', meeting.file));
    // The gold was read from the text alone, so only the council comes from outside.
    const predicted = predictMeeting(
      convertDocument(text, meeting.file, { council: manifest.get(meeting.file)?.council ?? 'Unknown' }, vocabulary),
    );
    pairs.push({ gold: meeting, predicted });
    if (options.verbose) log(`${meeting.file} ${formatTallies(scoreMeetings([{ gold: meeting, predicted }]))}`);
  }
  return { goldFile, meetings: gold.length, tallies: scoreMeetings(pairs) };
}

/** The closing table: precision and recall per field. */
export function converterReport(evaluation: ConverterEvaluation): string {
  const percent = (value: number) => `${(value * 100).toFixed(1)}%`.padStart(7);
  return [
    `Converter against ${evaluation.meetings} hand-checked meetings (${evaluation.goldFile})`,
    'field          precision  recall  matched/predicted/expected',
    ...Object.entries(evaluation.tallies).map(
      ([field, tally]) =>
        `${field.padEnd(14)} ${percent(precision(tally))}  ${percent(recall(tally))}  ${tally.matched}/${tally.predicted}/${tally.expected}`,
    ),
  ].join('\n');
}
