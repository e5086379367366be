import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { WORD_FORMS_FILE } from '../server/index/synonyms.js';
import { countWords, wordForms } from '../server/ingest/word-forms.js';
import { runCommand } from '../server/common/run-command.js';

const USAGE = `Usage: npm run word-forms -- CONTENT_DIR [--out FILE]

Lists each word of the markdown items under CONTENT_DIR whose plural the items also use ("hub
hubs", "vacancy vacancies"), one pair a line, into FILE (default server/index/word-forms.txt),
which the index's synonyms take in. Run it again when the archive takes in new minutes.`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ options: { out: { type: 'string', default: WORD_FORMS_FILE }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true });
  if (values.help || positionals.length !== 1) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const pairs = wordForms(await countWords(path.resolve(positionals[0] as string)));
  const header = [
    '# A word and its plural, both seen in the minutes: a search for either finds both.',
    '# Made by `npm run word-forms -- CONTENT_DIR`; a change rebuilds the index at the next ingest.',
  ];
  await fs.writeFile(values.out, [...header, ...pairs.map((pair) => pair.join(' '))].join('\n') + '\n');
  console.log(`${pairs.length} word forms written to ${values.out}`);
  return 0;
}

runCommand(main, 'Word forms failed');
