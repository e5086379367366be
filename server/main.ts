import type { Server } from 'node:http';
import { consoleReporter, printSummary } from '../scripts/ingest/console-reporter.js';
import { syncIndex } from '../scripts/ingest/sync-index.js';
import { createApp } from './app.js';
import { accountStore, readAccountsFile } from './auth/accounts.js';
import { loadConfig } from './config.js';
import { createSearchAccess } from './search/access.js';
import { connectEngine } from './search/engine.js';
import { createMeiliClient } from './search/meili-client.js';
import { createSpelling } from './search/spelling.js';
import { secretIn } from './secrets.js';

/** How often to look whether an ingest has changed the words "Did you mean …?" corrects to. */
const SPELLING_REFRESH_MS = 15 * 60 * 1000;

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
    // The admin client stays in this process: it indexes and makes the search-only key, nothing else.
    const admin = createMeiliClient(engine.connection);
    console.log(`Indexing ${config.contentDir} …`);
    printSummary(await syncIndex({ client: admin, indexUid: config.indexUid, contentDir: config.contentDir }, consoleReporter));

    const accounts = accountStore(await readAccountsFile(config.accountsFile));
    const searchFor = await createSearchAccess(admin, engine.connection, config.indexUid);
    // Read in the background, and again now and then for what later ingests add.
    const spelling = createSpelling(searchFor('public'));
    let wordsOfIndexAt: Date | undefined;
    // Read again only when an ingest has changed the index since (reading scans every item).
    const readSpelling = async () => {
      try {
        const { updatedAt } = await admin.index(config.indexUid).getRawInfo();
        if (wordsOfIndexAt?.getTime() === new Date(updatedAt).getTime()) return;
        await spelling.refresh();
        wordsOfIndexAt = new Date(updatedAt);
      } catch (error) {
        console.error(`Spelling suggestions not updated: ${(error as Error).message}`);
      }
    };
    void readSpelling();
    setInterval(() => void readSpelling(), SPELLING_REFRESH_MS).unref();
    const app = createApp({
      searchFor,
      spelling,
      accounts,
      sessionSecret: config.sessionSecret ?? (await secretIn(config.dataDir, 'session-secret')),
      secureCookies: config.secureCookies,
      trustProxy: config.trustProxy,
      apiRateLimit: config.apiRateLimit,
      ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
    });
    server = app.listen(config.port, config.host, () => {
      const host = config.host === '0.0.0.0' ? 'localhost' : config.host;
      console.log(`${accounts.count} officer account(s) in ${config.accountsFile}`);
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
