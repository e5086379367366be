import { parentPort } from 'node:worker_threads';
import { parseFiles } from './parse-files.js';

/** A worker thread of a rebuild: parses the chunks of files it is sent and answers each with its results. */
export interface ParseRequest {
  id: number;
  contentDir: string;
  files: string[];
}

parentPort?.on('message', (request: ParseRequest) => {
  try {
    parentPort?.postMessage({ id: request.id, results: parseFiles(request.contentDir, request.files) });
  } catch (error) {
    parentPort?.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) });
  }
});
