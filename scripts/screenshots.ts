import path from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../server/common/paths.js';
import { takeScreenshots } from '../server/bench/screenshots.js';
import { runCommand } from '../server/common/run-command.js';

const USAGE = `Usage: npm run screenshots -- [--out docs/screenshots] [--corpus URL]

Starts the archive on the sample minutes (content/) on loopback with its own
data folder, walks the README's journeys in Debian's chromium (/usr/bin/chromium)
and saves a PNG of each step: search results with facets, an item page, a
misspelt search with no results, the list of councils, the search on a 375 px wide phone,
and (from a second archive over the dated test fixtures) the chart of matches per
year for two councils, and (from a third over whole meetings) a meeting page and a member's
page. With --corpus, the URL of a running archive over the
converted corpus (README, Measured relevance), also a search there.`;

/** `npm run screenshots`: the README's pictures, taken again. */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { out: { type: 'string', default: 'docs/screenshots' }, corpus: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  await takeScreenshots({ outDir: path.resolve(PROJECT_ROOT, values.out), corpusUrl: values.corpus, log: (line) => console.log(line) });
  return 0;
}

runCommand(main, 'Screenshots failed');
