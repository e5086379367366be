import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_TOPICS_FILE } from '../server/convert/assign-topics.js';
import { convertSources, formatSummary } from '../server/convert/convert-sources.js';
import { readManifest } from '../server/convert/manifest.js';
import { MAX_SOURCE_BYTES, SOURCE_EXTENSIONS } from '../server/convert/read-source.js';
import { runCommand } from '../server/common/run-command.js';

const USAGE = `Usage: npm run convert -- <files or folders> --out DIR [options]

Converts minutes (${SOURCE_EXTENSIONS.join(', ')}) into one markdown file per agenda item,
under DIR/<council>/<committee>/<date>/<item>.md.
  --out DIR           folder to write the items to (required)
  --manifest FILE     TSV with columns file, council, committee, meeting_date, source
  --council NAME      council for sources the manifest does not list
  --committee NAME    committee, when the text does not name it
  --date YYYY-MM-DD   meeting date, when the text does not state it
  --source-url URL    the council's own copy (for a single source)
  --topics FILE       topics vocabulary (default server/convert/topics.yaml)
Sources over ${MAX_SOURCE_BYTES / 1024 / 1024} MB are skipped with a warning.
Exit codes: 0 converted, 1 failed, 2 converted with some sources skipped.`;

/** `npm run convert`: minutes in, one markdown file per agenda item out. */
async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      manifest: { type: 'string' },
      council: { type: 'string' },
      committee: { type: 'string' },
      date: { type: 'string' },
      'source-url': { type: 'string' },
      topics: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || positionals.length === 0 || !values.out) {
    console.log(USAGE);
    return values.help ? 0 : 1;
  }
  if (values.date && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) throw new Error(`--date must be YYYY-MM-DD, not "${values.date}"`);
  const summary = await convertSources({
    inputs: positionals,
    outDir: path.resolve(values.out),
    manifest: values.manifest ? await readManifest(values.manifest) : new Map(),
    flags: { council: values.council, committee: values.committee, meetingDate: values.date, sourceUrl: values['source-url'] },
    topicsFile: values.topics ?? DEFAULT_TOPICS_FILE,
  });
  for (const warning of summary.warnings) console.warn(`${warning.file}: ${warning.message}`);
  console.log(formatSummary(summary));
  return summary.filesSkipped > 0 ? 2 : 0;
}

runCommand(main, 'Convert failed');
