import { MeiliSearch } from 'meilisearch';

export interface EngineConnection {
  url: string;
  apiKey?: string;
}

/** A client for one Meilisearch server; importing this module connects to nothing. */
export function createMeiliClient({ url, apiKey }: EngineConnection, timeoutMs = 10_000): MeiliSearch {
  return new MeiliSearch({
    host: url,
    ...(apiKey ? { apiKey } : {}),
    // gzip-chunked answers on a kept-alive loopback connection stall ~40 ms each.
    requestInit: { headers: { 'Accept-Encoding': 'identity' } },
    timeout: timeoutMs,
  });
}
