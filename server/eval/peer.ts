import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** A searcher the archive is measured against, running on this machine. */
export interface RunningPeer {
  url: string;
  stop(): Promise<void>;
}

/** A port nobody listens on now: the system's choice for a socket bound to port 0. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const READY_TIMEOUT_MS = 180_000;
const POLL_MS = 250;

/**
 * Starts the FTS5 peer (`python3 SCRIPT PORT`, which reads the corpus itself) on a free port and
 * resolves once it answers a search; throws, with what it printed, if it exits or takes longer
 * than READY_TIMEOUT_MS.
 */
export async function startPeer(script: string, python = 'python3'): Promise<RunningPeer> {
  const port = await freePort();
  const child = spawn(python, [script, String(port)], { stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-2000)));
  let exited: string | undefined;
  child.once('exit', (code, signal) => (exited = `exited (${signal ?? code})`));
  child.once('error', (error) => (exited = error.message));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (exited !== undefined) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await gone;
  };
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (exited !== undefined) throw new Error(`The peer ${script} ${exited} before answering: ${errors.trim()}`);
    const ready = await fetch(`${url}/api/search?q=council`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return { url, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The peer ${script} did not answer within ${READY_TIMEOUT_MS / 1000} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
