import http from 'node:http';

/** One HTTP request, identical in form for the archive and the engine. */
export interface HttpRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  headers?: Record<string, string>;
}

/** One request of a load run. */
export interface LoadRequest extends HttpRequest {
  /** Which kind of query it is, to report latencies per kind. */
  kind: string;
  /** Sent with this one, at once, and timed with it: a request the archive splits to have it answered on several cores. */
  alongside?: HttpRequest[];
  /** Sent once this one (and those alongside) have answered, and timed with it: a search the archive makes in two round trips. */
  then?: HttpRequest;
}

export interface LatencyStats {
  requests: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  mean_ms: number;
  requests_per_s: number;
}

export interface LoadResult {
  stats: LatencyStats;
  byKind: Record<string, LatencyStats>;
  /** Latencies in order of completion, in ms, with the kind of each. */
  samples: { kind: string; ms: number }[];
  errors: number;
  seconds: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

const round = (value: number) => Math.round(value * 100) / 100;

export function latencyStats(latencies: number[], seconds: number): LatencyStats {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    requests: sorted.length,
    p50_ms: round(percentile(sorted, 50)),
    p95_ms: round(percentile(sorted, 95)),
    p99_ms: round(percentile(sorted, 99)),
    mean_ms: round(sorted.reduce((sum, ms) => sum + ms, 0) / Math.max(1, sorted.length)),
    requests_per_s: round(seconds > 0 ? sorted.length / seconds : 0),
  };
}

function send(agent: http.Agent, base: URL, request: HttpRequest): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = http.request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method: request.method,
        path: request.path,
        headers: {
          'Accept-Encoding': 'identity',
          ...(request.body ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(request.body) } : {}),
          ...request.headers,
        },
      },
      (res) => {
        res.on('data', () => undefined);
        res.on('end', () => {
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          if ((res.statusCode ?? 500) >= 400) reject(new Error(`HTTP ${res.statusCode} for ${request.path}`));
          else resolve(ms);
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (request.body) req.write(request.body);
    req.end();
  });
}

/**
 * Sends `requests` in order, `concurrency` at a time over kept-alive
 * connections, and times each from first byte sent to last byte read (of
 * its follow-up, when it has one).
 */
export async function runLoad(baseUrl: string, requests: LoadRequest[], concurrency: number): Promise<LoadResult> {
  const base = new URL(baseUrl);
  const alongside = Math.max(0, ...requests.map((request) => request.alongside?.length ?? 0));
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency * (1 + alongside) });
  const samples: { kind: string; ms: number }[] = [];
  let errors = 0;
  let next = 0;
  const started = process.hrtime.bigint();
  const worker = async () => {
    while (next < requests.length) {
      const request = requests[next++] as LoadRequest;
      try {
        const ms = Math.max(...(await Promise.all([request, ...(request.alongside ?? [])].map((one) => send(agent, base, one)))));
        samples.push({ kind: request.kind, ms: request.then ? ms + (await send(agent, base, request.then)) : ms });
      } catch (error) {
        errors += 1;
        if (errors <= 3) console.error(`  request failed: ${(error as Error).message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  return loadResult(samples, errors, seconds);
}

/** Merges runs of the same requests (e.g. the two halves of an interleaved measurement). */
export function mergeLoads(runs: LoadResult[]): LoadResult {
  const samples = runs.flatMap((run) => run.samples);
  const seconds = runs.reduce((sum, run) => sum + run.seconds, 0);
  return loadResult(
    samples,
    runs.reduce((sum, run) => sum + run.errors, 0),
    seconds,
  );
}

/** Latency statistics over all samples and per kind of query. */
function loadResult(samples: LoadResult['samples'], errors: number, seconds: number): LoadResult {
  const kinds = [...new Set(samples.map((sample) => sample.kind))];
  return {
    stats: latencyStats(
      samples.map((sample) => sample.ms),
      seconds,
    ),
    byKind: Object.fromEntries(
      kinds.map((kind) => [
        kind,
        latencyStats(
          samples.filter((sample) => sample.kind === kind).map((sample) => sample.ms),
          seconds,
        ),
      ]),
    ),
    samples,
    errors,
    seconds,
  };
}
