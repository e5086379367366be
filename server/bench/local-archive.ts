import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../common/paths.js';
import { freePort } from '../engine/embedded-meili.js';

/** A throwaway archive for scripts: the built server over content/, with its own engine and data folder. */
export interface LocalArchive {
  url: string;
  /** The web server's process id, e.g. to read its memory. */
  pid: number;
  stop(): Promise<void>;
}

/** Starts dist/scripts/start.js on a free loopback port; resolves once it is serving. */
export async function startLocalArchive(env: NodeJS.ProcessEnv = {}): Promise<LocalArchive> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'minutes-archive-local-'));
  const port = await freePort();
  const server = spawn(process.execPath, [path.join(PROJECT_ROOT, 'dist', 'scripts', 'start.js')], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, CONTENT_DIR: 'content', MEILI_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  const stop = async () => {
    server.kill('SIGTERM');
    await exited;
    await fs.rm(dataDir, { recursive: true, force: true });
  };
  try {
    await new Promise<void>((resolve, reject) => {
      let output = '';
      server.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Minutes archive ready')) resolve();
      });
      server.once('exit', (code) => reject(new Error(`The archive exited (${code}) before it was ready:\n${output}`)));
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `http://127.0.0.1:${port}`, pid: server.pid as number, stop };
}
