import { createApp } from '../server/web/app.js';
import { createSearchAccess, reorderByMeaning } from '../server/query/search-access.js';
import { createMeiliClient } from '../server/engine/meili-client.js';

/**
 * The archive's web server as `npm start` runs it, minus ingest and rate
 * limiting, in its own process so the benchmark can read its memory.
 * Environment: BENCH_MEILI_URL, BENCH_MEILI_KEY, BENCH_INDEX. Prints the port.
 */
async function main(): Promise<void> {
  const connection = { url: process.env.BENCH_MEILI_URL as string, apiKey: process.env.BENCH_MEILI_KEY as string };
  const indexUid = process.env.BENCH_INDEX as string;
  const admin = createMeiliClient(connection);
  const app = createApp({
    searchFor: await createSearchAccess(admin, connection, indexUid, await reorderByMeaning(console.error)),
    sessionSecret: 'benchmark-session-secret-0123456789abcdef',
    apiRateLimit: 0,
    pageRateLimit: 0,
  });
  const server = app.listen(0, '127.0.0.1', () => {
    const address = server.address();
    console.log(`listening ${typeof address === 'object' && address ? address.port : ''}`);
  });
  process.once('SIGTERM', () => server.close(() => process.exit(0)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
