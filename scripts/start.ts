import { loadConfig } from '../server/common/config.js';
import { serveArchive } from '../server/web/serve-archive.js';

/** `npm start`: serves the archive over the content folder until Ctrl+C (SIGINT) or SIGTERM. */
const stop = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.log(`\n${signal} received, stopping`);
    stop.abort();
  });
}
serveArchive(loadConfig(), stop.signal).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`The archive could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
