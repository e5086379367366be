import path from 'node:path';
import { parseArgs } from 'node:util';
import { ACRONYMS_FILE, WORD_FORMS_FILE } from '../server/index/synonyms.js';
import { collectAcronyms, writeAcronyms } from '../server/ingest/acronyms.js';
import { countWords, wordForms, writeWordForms } from '../server/ingest/word-forms.js';
import { runCommand } from '../server/common/run-command.js';

const USAGE = `Usage: npm run word-forms -- CONTENT_DIR [--out FILE] [--acronyms FILE]

Lists each word of the markdown items under CONTENT_DIR with its regular forms that the items
also use: the plural ("hub hubs", "vacancy vacancies"), -ed and -ing ("leave leaving", "translate
translated translating"), -ion and -ation ("declare declared declaration"), one family a line,
into FILE (default server/index/word-forms.txt); and the acronyms the public items define with
their phrases ("Anti-Social Behaviour (ASB)") into the acronyms FILE (default
server/index/acronyms.txt). The index's synonyms take both in. Run it again when the archive
takes in new minutes.`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: {
      out: { type: 'string', default: WORD_FORMS_FILE },
      acronyms: { type: 'string', default: ACRONYMS_FILE },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });
  if (values.help || positionals.length !== 1) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const folder = path.resolve(positionals[0] as string);
  const families = wordForms(await countWords(folder));
  await writeWordForms(values.out, families);
  console.log(`${families.length} families of word forms written to ${values.out}`);
  const acronyms = await collectAcronyms(folder);
  await writeAcronyms(values.acronyms, acronyms);
  console.log(`${acronyms.length} acronyms written to ${values.acronyms}`);
  return 0;
}

runCommand(main, 'Word forms failed');
