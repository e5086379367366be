import autocannon from 'autocannon';
import fs from 'node:fs/promises';
import { startLocalArchive } from './local-archive.js';

/** What users do: search pages, filtered API searches, item pages, sorting and paging. */
const REQUEST_MIX = [
  '/?q=early+help',
  '/api/search?q=exclusions',
  '/api/search?q=exclusions&council=Medway+Council',
  '/?q=domestic+abuse&sort=newest',
  '/api/search?topic=early+help&per_page=5&page=2',
  '/',
  '/?q=familly+hubs',
  '/api/search?q=%22early+help%22&from=2010-01-01&to=2025-12-31',
];

/** What `npm run load` is asked to hold. */
export interface LoadTestOptions {
  connections: number;
  /** Seconds to hold them for. */
  duration: number;
  /** Receives the line saying what is about to be held. */
  log: (line: string) => void;
}

/** What a load test saw: requests, latency percentiles (ms), failures and the server's memory (MB). */
export interface LoadTestResult {
  requests: number;
  requestsPerS: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  rssBeforeMb: number;
  rssAfterMb: number;
}

/** The q-quantile of the observed latencies, in milliseconds with one decimal. */
function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const value = sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return Math.round(value * 10) / 10;
}

async function rssMb(pid: number): Promise<number> {
  const status = await fs.readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return Math.round(kb / 102.4) / 10;
}

/**
 * Starts the archive on the sample minutes (content/) with its own data folder and holds the
 * given connections for the given seconds over the request mix and an item page.
 */
export async function runLoadTest(options: LoadTestOptions): Promise<LoadTestResult> {
  const { connections, duration } = options;
  const archive = await startLocalArchive({ API_RATE_LIMIT: '0', PAGE_RATE_LIMIT: '0' });
  try {
    const { pid, url: base } = archive;
    const idResponse = (await (await fetch(`${base}/api/search?per_page=1`)).json()) as { hits: { url: string }[] };
    const mix = [...REQUEST_MIX, ...idResponse.hits.map((hit) => hit.url)];

    const before = await rssMb(pid);
    options.log(`Holding ${connections} connections for ${duration} s against ${base} (server RSS ${before} MB) …`);
    const latencies: number[] = [];
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const run = autocannon(
        { url: base, connections, duration, requests: mix.map((urlPath) => ({ method: 'GET' as const, path: urlPath })) },
        (error, finished) => (error ? reject(error) : resolve(finished)),
      );
      run.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
    });
    const after = await rssMb(pid);
    const [p50, p95, p99] = [0.5, 0.95, 0.99].map((q) => quantile(latencies, q)) as [number, number, number];
    return {
      requests: result.requests.total,
      requestsPerS: result.requests.average,
      p50,
      p95,
      p99,
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      rssBeforeMb: before,
      rssAfterMb: after,
    };
  } finally {
    await archive.stop();
  }
}

/** Requests that failed: errors, timeouts and answers other than 2xx. */
export function loadTestFailures(result: LoadTestResult): number {
  return result.errors + result.timeouts + result.non2xx;
}

/** The result as a markdown table. */
export function loadTestTable(result: LoadTestResult): string {
  return [
    '| measure | value |',
    '|---|---|',
    `| requests | ${result.requests} (${Math.round(result.requestsPerS)}/s) |`,
    `| latency p50 / p95 / p99 | ${result.p50} / ${result.p95} / ${result.p99} ms |`,
    `| errors, timeouts, non-2xx | ${result.errors}, ${result.timeouts}, ${result.non2xx} |`,
    `| server RSS before / after | ${result.rssBeforeMb} / ${result.rssAfterMb} MB |`,
  ].join('\n');
}
