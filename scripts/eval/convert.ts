import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_TOPICS_FILE, loadTopics } from '../../server/convert/assign-topics.js';
import { convertDocument } from '../../server/convert/convert-document.js';
import { declarant } from '../../server/convert/extract-declarations.js';
import { parseManifest } from '../../server/convert/manifest.js';
import { readSource } from '../../server/convert/read-source.js';
import { applyOverrides, OVERRIDES_FILE, readOverrides } from '../../server/eval/gold-overrides.js';
import { precision, recall, scoreMeetings, type GoldMeeting, type PredictedMeeting } from '../../server/eval/score-conversion.js';
import { runCommand } from '../../server/common/run-command.js';

const USAGE = `Usage: npm run eval:convert -- [--corpus DIR] [--verbose]

Converts the meetings in DIR/gold-dev.jsonl (default ../shared/corpus) from their text
alone (the manifest gives only the council) and prints precision and recall per field.`;

/** `npm run eval:convert`: how well the converter reads the hand-checked meetings. */
async function main(): Promise<number> {
  const { values } = parseArgs({ options: { corpus: { type: 'string', default: '../shared/corpus' }, verbose: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const corpus = path.resolve(values.corpus);
  const gold = (await fs.readFile(path.join(corpus, 'gold-dev.jsonl'), 'utf8'))
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as GoldMeeting);
  const overrides = await readOverrides(OVERRIDES_FILE);
  const applied = applyOverrides(gold, overrides);
  console.log(`Applied ${applied.length} of ${overrides.length} gold corrections from ${path.relative(process.cwd(), OVERRIDES_FILE)}:`);
  for (const override of applied) console.log(`  ${override.file}: ${override.why}`);
  for (const override of overrides.filter((o) => !applied.includes(o))) console.log(`  NOT APPLIED (no such gold entry) ${override.file}: ${JSON.stringify(override.item ?? override.set)}`);
  const manifest = parseManifest(await fs.readFile(path.join(corpus, 'manifest.tsv'), 'utf8'));
  const vocabulary = await loadTopics(DEFAULT_TOPICS_FILE);
  const pairs: { gold: GoldMeeting; predicted: PredictedMeeting }[] = [];
  for (const meeting of gold) {
    const text = await readSource(path.join(corpus, 'minutes', meeting.file));
    // The gold was read from the text alone, so only the council comes from outside.
    const converted = convertDocument(text, meeting.file, { council: manifest.get(meeting.file)?.council ?? 'Unknown' }, vocabulary);
    const items = converted.items.filter((item) => !item.opening);
    const predicted: PredictedMeeting = {
      meetingDate: converted.meeting.meetingDate,
      committee: converted.meeting.committee,
      items: items.map((item) => ({ number: item.frontMatter.item, title: item.frontMatter.title })),
      officers: converted.meeting.officers,
      decisions: converted.items.reduce((sum, item) => sum + item.frontMatter.decisions.length, 0),
      // The gold counts a meeting's declarations; the converter also repeats a member's declaration on the item it concerns
      // ("Later in the meeting Mr Sole declared …" under Declarations, "Mr Sole declared …" under Item 16), so count members.
      declarations: new Set(converted.items.flatMap((item) => item.frontMatter.declarations.map(declarant))).size,
    };
    pairs.push({ gold: meeting, predicted });
    if (values.verbose) {
      const one = scoreMeetings([{ gold: meeting, predicted }]);
      console.log(meeting.file, Object.entries(one).map(([field, t]) => `${field} ${t.matched}/${t.predicted}/${t.expected}`).join(' · '));
    }
  }
  const tallies = scoreMeetings(pairs);
  const percent = (value: number) => `${(value * 100).toFixed(1)}%`.padStart(7);
  console.log(`Converter against ${gold.length} hand-checked meetings (${path.join(corpus, 'gold-dev.jsonl')})`);
  console.log('field          precision  recall  matched/predicted/expected');
  for (const [field, tally] of Object.entries(tallies)) {
    console.log(`${field.padEnd(14)} ${percent(precision(tally))}  ${percent(recall(tally))}  ${tally.matched}/${tally.predicted}/${tally.expected}`);
  }
  return 0;
}

runCommand(main, 'Evaluation failed');
