import type { Express } from 'express';
import type { Server } from 'node:http';
import { consoleReporter, printSummary } from '../ingest/console-reporter.js';
import { syncIndex } from '../ingest/sync-index.js';
import { createApp } from './app.js';
import { accountStore } from './auth/accounts.js';
import type { Config } from '../common/config.js';
import { createSearchAccess, reorderByMeaning } from '../query/search-access.js';
import { connectEngine } from '../engine/engine.js';
import { createMeiliClient } from '../engine/meili-client.js';
import { createSpelling, keepSpellingCurrent } from '../query/spelling.js';
import { secretIn } from '../common/secrets.js';

/** How often to look whether an ingest has changed the words "Did you mean …?" corrects to. */
const SPELLING_REFRESH_MS = 15 * 60 * 1000;

/**
 * Serves the archive until `stop` is aborted: the engine, the index brought up to date with the
 * content folder, and the web server. A stop during the first ingest stops the engine at once.
 * Resolves once everything it started has stopped; rejects, with the engine stopped, when it
 * cannot start.
 */
export async function serveArchive(config: Config, stop: AbortSignal): Promise<void> {
  const engine = await connectEngine(config);
  console.log(`Search engine: ${engine.description}`);
  const stopped = new Promise<void>((resolve) => {
    if (stop.aborted) resolve();
    stop.addEventListener('abort', () => resolve(), { once: true });
  });
  void stopped.then(() => engine.stop());

  try {
    // The admin client stays in this process: it indexes and makes the search-only key, nothing else.
    const admin = createMeiliClient(engine.connection);
    console.log(`Indexing ${config.contentDir} …`);
    printSummary(
      await syncIndex(
        {
          client: admin,
          indexUid: config.indexUid,
          contentDir: config.contentDir,
          ...(config.peopleFile ? { peopleFile: config.peopleFile } : {}),
        },
        consoleReporter,
      ),
    );

    const accounts = accountStore(config.accountsFile);
    // Read now, so that a broken accounts file stops the start rather than a sign-in.
    const accountCount = await accounts.count();
    const searchFor = await createSearchAccess(admin, engine.connection, config.indexUid, await reorderByMeaning(console.log));
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
    const server = await listen(app, config.port, config.host);
    const host = config.host === '0.0.0.0' ? 'localhost' : config.host;
    console.log(`${accountCount} officer account(s) in ${config.accountsFile}`);
    console.log(`\nMinutes archive ready at http://${host}:${config.port}/  (Ctrl+C to stop)`);
    await stopped;
    server.close();
  } catch (error) {
    // What fails because the engine was stopped on request is the stop, not a failure.
    if (!stop.aborted) throw error;
  } finally {
    await engine.stop();
  }
}

/** Resolves once the app is serving; rejects, naming the address, when it cannot. */
function listen(app: Express, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host);
    server.once('listening', () => resolve(server));
    server.once('error', (error) => reject(new Error(`Cannot serve on ${host}:${port}: ${error.message}`)));
  });
}
