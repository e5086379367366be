import path from 'node:path';
import { parseArgs } from 'node:util';
import { convertSpeedReport, measureConvertSpeed } from '../server/bench/convert-speed.js';
import { runCommand } from '../server/common/run-command.js';

const USAGE = `Usage: npm run bench:convert -- [--size MB] [--corpus DIR]

Times the converter (cleaning, cutting into items and reading their facts, without
reading or writing files) per MB of text: on each hostile shape at SIZE MB and at four
times SIZE (a ratio near 4 is time growing with size), and on the real minutes in DIR.
  --size MB      size of the smaller hostile inputs (default 1)
  --corpus DIR   folder of minutes (default ../shared/corpus/minutes)`;

/** `npm run bench:convert`: prints the converter's time per MB on hostile and on real text. */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', default: '1' },
      corpus: { type: 'string', default: '../shared/corpus/minutes' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const size = Number(values.size);
  if (!(size > 0)) throw new Error(`--size must be a number of MB above 0, not "${values.size}"`);
  const speed = await measureConvertSpeed({ sizeMb: size, corpusDir: path.resolve(values.corpus), log: (line) => console.log(line) });
  console.log(`\n${convertSpeedReport(speed)}`);
  return 0;
}

runCommand(main, 'Benchmark failed');
