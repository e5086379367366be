import { parseArgs } from 'node:util';
import path from 'node:path';
import { loadConfig } from '../server/common/config.js';
import { connectEngine } from '../server/engine/engine.js';
import { createMeiliClient } from '../server/engine/meili-client.js';
import { consoleReporter, printSummary } from '../server/ingest/console-reporter.js';
import { syncIndex } from '../server/ingest/sync-index.js';
import { runCommand } from '../server/common/run-command.js';

const USAGE = `Usage: npm run ingest -- [--content DIR] [--full]

Indexes the markdown minutes in DIR (default: CONTENT_DIR, "content").
  --content DIR  folder of markdown files with front matter
  --full         resend every item, not only new and changed ones
Exit codes: 0 all indexed, 1 failed, 2 indexed with some files skipped.`;

/** `npm run ingest`: brings the search index in line with a folder of markdown minutes. */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { content: { type: 'string' }, full: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const config = loadConfig();
  const contentDir = values.content ? path.resolve(values.content) : config.contentDir;
  const engine = await connectEngine(config);
  try {
    console.log(`Indexing ${contentDir} into "${config.indexUid}" on ${engine.description}`);
    const summary = await syncIndex(
      {
        client: createMeiliClient(engine.connection),
        indexUid: config.indexUid,
        contentDir,
        full: values.full,
        ...(config.peopleFile ? { peopleFile: config.peopleFile } : {}),
      },
      consoleReporter,
    );
    printSummary(summary);
    return summary.skipped.length > 0 ? 2 : 0;
  } finally {
    await engine.stop();
  }
}

runCommand(main, 'Ingest failed');
