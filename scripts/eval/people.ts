import path from 'node:path';
import { parseArgs } from 'node:util';
import { evaluatePeople, peopleReport } from '../../server/eval/evaluate-people.js';
import { runCommand } from '../../server/common/run-command.js';

const USAGE = `Usage: npm run eval:people -- [--corpus DIR] [--verbose]

Converts every source of the councils DIR/gold-dev.jsonl (default ../shared/corpus) checks,
resolves their members as ingest does, and compares the members present at each hand-checked
meeting with the gold count; lists the merges among them with the judgements of
server/eval/people-merges.jsonl.`;

/** `npm run eval:people`: how well names are resolved into people on the hand-checked meetings. */
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
  console.log(peopleReport(await evaluatePeople({ corpusDir: path.resolve(values.corpus) }), values.verbose ?? false));
  return 0;
}

runCommand(main, 'Evaluation failed');
