import fs from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../common/config.js';
import { startEmbeddedMeili, masterKeyIn } from './embedded-meili.js';
import type { EngineConnection } from './meili-client.js';

export interface Engine {
  connection: EngineConnection;
  /** A sentence for the log: which engine is in use. */
  description: string;
  /** Stops the engine if this process started it. */
  stop(): Promise<void>;
}

/** Where a running embedded engine announces itself, so a second command (e.g. ingest) shares it. */
function runningEngineFile(dataDir: string): string {
  return path.join(dataDir, 'engine.json');
}

async function runningEmbeddedEngine(dataDir: string): Promise<EngineConnection | undefined> {
  try {
    const { url } = JSON.parse(await fs.readFile(runningEngineFile(dataDir), 'utf8')) as { url: string };
    const apiKey = await masterKeyIn(dataDir);
    // Answering with our master key proves it is our engine, not something else now on that port.
    const response = await fetch(`${url}/version`, { headers: { Authorization: `Bearer ${apiKey}` } });
    return response.ok ? { url, apiKey } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The engine the configuration asks for: the external server at MEILI_URL,
 * an embedded engine already running on DATA_DIR, or a new embedded one.
 */
export async function connectEngine(config: Readonly<Config>): Promise<Engine> {
  if (config.meiliUrl) {
    return {
      connection: { url: config.meiliUrl, ...(config.meiliApiKey ? { apiKey: config.meiliApiKey } : {}) },
      description: `Meilisearch at ${config.meiliUrl}`,
      stop: async () => undefined,
    };
  }
  const shared = await runningEmbeddedEngine(config.dataDir);
  if (shared) {
    return { connection: shared, description: `the archive's running Meilisearch at ${shared.url}`, stop: async () => undefined };
  }
  const meili = await startEmbeddedMeili({
    dataDir: config.dataDir,
    onEvent: (message) => console.error(message),
    ...(config.maxIndexingThreads ? { maxIndexingThreads: config.maxIndexingThreads } : {}),
  });
  const announcement = runningEngineFile(config.dataDir);
  await fs.writeFile(announcement, JSON.stringify({ url: meili.url }), { mode: 0o600 });
  return {
    connection: { url: meili.url, apiKey: meili.masterKey },
    description: `embedded Meilisearch at ${meili.url} (data in ${config.dataDir})`,
    async stop() {
      await fs.rm(announcement, { force: true });
      await meili.stop();
    },
  };
}
