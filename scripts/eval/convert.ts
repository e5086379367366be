import path from 'node:path';
import { parseArgs } from 'node:util';
import { converterReport, evaluateConverter } from '../../server/eval/evaluate-converter.js';
import { runCommand } from '../../server/common/run-command.js';

const USAGE = `Usage: npm run eval:convert -- [--corpus DIR] [--formats DIR] [--verbose]

Converts the meetings in DIR/gold-dev.jsonl (default ../shared/corpus) from their text, and
those in the formats folder's gold-dev.jsonl (default ../shared/formats: PDF, Word, web pages,
XML) from their files, the manifest giving only the council, and prints precision and recall per
field: over all meetings, per fold (two halves dealt by council), per council and per format.
  --verbose   a line per meeting, with each item missed and each item found extra`;

/** `npm run eval:convert`: how well the converter reads the hand-checked meetings. */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string', default: '../shared/corpus' },
      formats: { type: 'string', default: '../shared/formats' },
      verbose: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const evaluation = await evaluateConverter({
    corpusDir: path.resolve(values.corpus),
    formatsDir: path.resolve(values.formats),
    verbose: values.verbose ?? false,
    log: (line) => console.log(line),
  });
  console.log(converterReport(evaluation));
  return 0;
}

runCommand(main, 'Evaluation failed');
