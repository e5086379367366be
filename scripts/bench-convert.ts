import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_TOPICS_FILE, loadTopics, type Topic } from '../server/convert/assign-topics.js';
import { convertDocument } from '../server/convert/convert-document.js';
import { findSources, readSource } from '../server/convert/read-source.js';
import { HOSTILE_FRAGMENTS, repeatTo } from '../server/bench/hostile-text.js';
import { runCommand } from '../server/common/run-command.js';

const USAGE = `Usage: npm run bench:convert -- [--size MB] [--corpus DIR]

Times the converter (cleaning, cutting into items and reading their facts, without
reading or writing files) per MB of text: on each hostile shape at SIZE MB and at four
times SIZE (a ratio near 4 is time growing with size), and on the real minutes in DIR.
  --size MB      size of the smaller hostile inputs (default 1)
  --corpus DIR   folder of minutes (default ../shared/corpus/minutes)`;

const MB = 1024 * 1024;

function seconds(text: string, topics: readonly Topic[]): number {
  const start = performance.now();
  convertDocument(text, 'bench.txt', { council: 'Bench Council' }, topics);
  return (performance.now() - start) / 1000;
}

const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
const fixed = (value: number, digits = 2) => value.toFixed(digits);

/** `npm run bench:convert`: prints the converter's time per MB on hostile and on real text. */
async function main(): Promise<number> {
  const { values } = parseArgs({ options: { size: { type: 'string', default: '1' }, corpus: { type: 'string', default: '../shared/corpus/minutes' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const size = Number(values.size);
  if (!(size > 0)) throw new Error(`--size must be a number of MB above 0, not "${values.size}"`);
  const topics = await loadTopics(DEFAULT_TOPICS_FILE);
  console.log(row(['input', 'MB', 's', 's/MB', `MB ×4: s`, 's/MB', 'time ×']));
  console.log(row(Array(7).fill('---')));
  for (const [name, fragment] of Object.entries(HOSTILE_FRAGMENTS)) {
    const small = repeatTo(fragment, size * MB);
    const large = repeatTo(fragment, 4 * size * MB);
    const [t1, t4] = [seconds(small, topics), seconds(large, topics)];
    console.log(row([name, fixed(small.length / MB), fixed(t1), fixed(t1 / (small.length / MB)), fixed(t4), fixed(t4 / (large.length / MB)), fixed(t4 / t1, 1)]));
  }
  const files = await findSources([path.resolve(values.corpus)]);
  let bytes = 0;
  let total = 0;
  let slowest = { file: '', perMb: 0 };
  for (const file of files) {
    const text = await readSource(file);
    const time = seconds(text, topics);
    bytes += text.length;
    total += time;
    if (text.length > 64 * 1024 && time / (text.length / MB) > slowest.perMb) slowest = { file: path.basename(file), perMb: time / (text.length / MB) };
  }
  console.log(`\nReal minutes: ${files.length} files, ${fixed(bytes / MB, 1)} MB of text in ${fixed(total, 1)} s: ${fixed(total / (bytes / MB))} s/MB` + (slowest.file ? ` (slowest file over 64 KB: ${slowest.file}, ${fixed(slowest.perMb)} s/MB)` : ''));
  return 0;
}

runCommand(main, 'Benchmark failed');
