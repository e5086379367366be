import { loadConfig } from '../server/common/config.js';
import { serveArchive } from '../server/web/serve-archive.js';

/** `npm start`: serves the archive over the content folder until Ctrl+C. */
serveArchive(loadConfig()).catch((error: unknown) => {
  console.error(`The archive could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
