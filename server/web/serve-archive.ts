import type { Server } from 'node:http';
import { consoleReporter, printSummary } from '../ingest/console-reporter.js';
import { syncIndex } from '../ingest/sync-index.js';
import { createApp } from './app.js';
import { accountStore } from './auth/accounts.js';
import type { Config } from '../common/config.js';
import { createSearchAccess } from '../query/search-access.js';
import { connectEngine } from '../engine/engine.js';
import { createMeiliClient } from '../engine/meili-client.js';
import { createSpelling, keepSpellingCurrent } from '../query/spelling.js';
import { secretIn } from '../common/secrets.js';

/** How often to look whether an ingest has changed the words "Did you mean …?" corrects to. */
const SPELLING_REFRESH_MS = 15 * 60 * 1000;

/**
 * Serves the archive until SIGINT or SIGTERM: the engine, the index brought up to date with the
 * content folder, and the web server; a signal stops the engine too, even during the first ingest.
 */
export async function serveArchive(config: Config): Promise<void> {
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

    const accounts = accountStore(config.accountsFile);
    // Read now, so that a broken accounts file stops the start rather than a sign-in.
    const accountCount = await accounts.count();
    const searchFor = await createSearchAccess(admin, engine.connection, config.indexUid);
    const spelling = createSpelling(searchFor('public'));
    keepSpellingCurrent(spelling, async () => String((await admin.index(config.indexUid).getRawInfo()).updatedAt), SPELLING_REFRESH_MS);
    const app = createApp({
      searchFor,
      spelling,
      accounts,
      sessionHours: config.sessionHours,
      sessionSecret: config.sessionSecret ?? (await secretIn(config.dataDir, 'session-secret')),
      secureCookies: config.secureCookies,
      trustProxy: config.trustProxy,
      apiRateLimit: config.apiRateLimit,
      pageRateLimit: config.pageRateLimit,
      ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
    });
    server = app.listen(config.port, config.host, () => {
      const host = config.host === '0.0.0.0' ? 'localhost' : config.host;
      console.log(`${accountCount} officer account(s) in ${config.accountsFile}`);
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
