import type { Server } from 'node:http';
import { syncIndex, type IngestSummary } from '../scripts/ingest/sync-index.js';
import { consoleReporter, printSummary } from '../scripts/ingest/console-reporter.js';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { createArchiveSearch } from './search/archive-search.js';
import { connectEngine } from './search/engine.js';
import { createMeiliClient } from './search/meili-client.js';

/** Starts the archive: engine, index brought up to date with the content folder, web server. */
async function main(): Promise<void> {
  const config = loadConfig();
  const engine = await connectEngine(config);
  console.log(`Search engine: ${engine.description}`);

  let server: Server | undefined;
  const shutdown = async (signal: string) => {
    console.log(`\n${signal} received, stopping`);
    server?.close();
    await engine.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    const client = createMeiliClient(engine.connection);
    console.log(`Indexing ${config.contentDir} …`);
    const summary: IngestSummary = await syncIndex(
      { client, indexUid: config.indexUid, contentDir: config.contentDir },
      consoleReporter,
    );
    printSummary(summary);

    const app = createApp({ search: createArchiveSearch(client, config.indexUid) });
    server = app.listen(config.port, config.host, () => {
      const host = config.host === '0.0.0.0' ? 'localhost' : config.host;
      console.log(`\nMinutes archive ready at http://${host}:${config.port}/  (Ctrl+C to stop)`);
    });
    server.on('error', async (error) => {
      console.error(`Cannot serve on ${config.host}:${config.port}: ${error.message}`);
      await engine.stop();
      process.exit(1);
    });
  } catch (error) {
    await engine.stop();
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error(`The archive could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
