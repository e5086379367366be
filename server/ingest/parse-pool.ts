import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { parseFiles, type ParsedFile } from './parse-files.js';
import type { ParseRequest } from './parse-worker.js';

/** Parses chunks of files of one content folder, in this thread or in worker threads. */
export interface FileParser {
  readonly threads: number;
  parse(files: string[]): Promise<ParsedFile[]>;
  close(): Promise<void>;
}

export function inThreadParser(contentDir: string): FileParser {
  return { threads: 1, parse: async (files) => parseFiles(contentDir, files), close: async () => undefined };
}

/** One worker per core, at most `max`; none when there is one core. */
export function parseThreadCount(max = 4): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(0, Math.min(max, cores));
}

/**
 * A worker thread running parse-worker. Compiled (dist/) it is started
 * directly; run from TypeScript source (tests, tsx) the worker does not
 * inherit tsx's loader, so it is started through tsx's API.
 */
function startWorker(): Worker {
  const self = import.meta.url;
  if (self.endsWith('.ts')) {
    const url = new URL('./parse-worker.js', self).href;
    return new Worker(`import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(url)}, ${JSON.stringify(url)}))`, {
      eval: true,
    });
  }
  return new Worker(new URL('./parse-worker.js', self));
}

interface Waiting {
  resolve(results: ParsedFile[]): void;
  reject(error: Error): void;
}

/** Worker threads parsing chunks; each chunk goes to the worker with the fewest chunks outstanding. */
export function workerParser(contentDir: string, count: number): FileParser {
  let nextId = 0;
  let failure: Error | undefined;
  const workers = Array.from({ length: count }, () => {
    const worker = startWorker();
    const waiting = new Map<number, Waiting>();
    const fail = (error: Error) => {
      failure ??= error;
      waiting.forEach((entry) => entry.reject(error));
      waiting.clear();
    };
    worker.on('message', (message: { id: number; results?: ParsedFile[]; error?: string }) => {
      const entry = waiting.get(message.id);
      waiting.delete(message.id);
      if (message.results) entry?.resolve(message.results);
      else entry?.reject(new Error(`Parsing failed: ${message.error}`));
    });
    worker.on('error', (error) => fail(new Error(`A parsing thread failed: ${error.message}`)));
    worker.on('exit', (code) => fail(new Error(`A parsing thread stopped (exit code ${code})`)));
    return { worker, waiting };
  });
  return {
    threads: count,
    parse(files) {
      if (failure) return Promise.reject(failure);
      const target = workers.reduce((best, entry) => (entry.waiting.size < best.waiting.size ? entry : best));
      const id = nextId++;
      return new Promise<ParsedFile[]>((resolve, reject) => {
        target.waiting.set(id, { resolve, reject });
        target.worker.postMessage({ id, contentDir, files } satisfies ParseRequest);
      });
    },
    async close() {
      failure ??= new Error('The parser is closed');
      await Promise.all(workers.map(({ worker }) => worker.terminate()));
    },
  };
}
