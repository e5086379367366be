import path from 'node:path';
import { parseArgs } from 'node:util';
import { converterReport, evaluateConverter } from '../../server/eval/evaluate-converter.js';
import { runCommand } from '../../server/common/run-command.js';

const USAGE = `Usage: npm run eval:convert -- [--corpus DIR] [--verbose]

Converts the meetings in DIR/gold-dev.jsonl (default ../shared/corpus) from their text
alone (the manifest gives only the council) and prints precision and recall per field.`;

/** `npm run eval:convert`: how well the converter reads the hand-checked meetings. */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string', default: '../shared/corpus' },
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
    verbose: values.verbose ?? false,
    log: (line) => console.log(line),
  });
  console.log(converterReport(evaluation));
  return 0;
}

runCommand(main, 'Evaluation failed');
