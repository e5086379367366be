import autocannon from 'autocannon';
import fs from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { startLocalArchive } from '../server/bench/local-archive.js';
import { runCommand } from '../server/common/run-command.js';

const USAGE = `Usage: npm run load -- [--connections 50] [--duration 30]

Starts the archive on the sample minutes (content/) on loopback with its own
data folder, holds the given concurrency for the given seconds over a mix of
search pages, API searches and item pages, and reports latency percentiles,
errors and the server's memory before and after. Exit code 1 on any error.`;

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

/** The q-quantile of the observed latencies, in milliseconds with one decimal. */
function percentile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const value = sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return Math.round(value * 10) / 10;
}

async function rssMb(pid: number): Promise<number> {
  const status = await fs.readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return Math.round(kb / 102.4) / 10;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { connections: { type: 'string', default: '50' }, duration: { type: 'string', default: '30' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const connections = Number(values.connections);
  const duration = Number(values.duration);
  const archive = await startLocalArchive({ API_RATE_LIMIT: '0', PAGE_RATE_LIMIT: '0' });
  try {
    const { pid, url: base } = archive;
    const idResponse = (await (await fetch(`${base}/api/search?per_page=1`)).json()) as { hits: { url: string }[] };
    const mix = [...REQUEST_MIX, ...idResponse.hits.map((hit) => hit.url)];

    const before = await rssMb(pid);
    console.log(`Holding ${connections} connections for ${duration} s against ${base} (server RSS ${before} MB) …`);
    const latencies: number[] = [];
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const run = autocannon(
        { url: base, connections, duration, requests: mix.map((urlPath) => ({ method: 'GET' as const, path: urlPath })) },
        (error, finished) => (error ? reject(error) : resolve(finished)),
      );
      run.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
    });
    const after = await rssMb(pid);
    const [p50, p95, p99] = [0.5, 0.95, 0.99].map((q) => percentile(latencies, q));

    const failures = result.errors + result.timeouts + result.non2xx;
    console.log('\n| measure | value |\n|---|---|');
    console.log(`| requests | ${result.requests.total} (${Math.round(result.requests.average)}/s) |`);
    console.log(`| latency p50 / p95 / p99 | ${p50} / ${p95} / ${p99} ms |`);
    console.log(`| errors, timeouts, non-2xx | ${result.errors}, ${result.timeouts}, ${result.non2xx} |`);
    console.log(`| server RSS before / after | ${before} / ${after} MB |`);
    return failures === 0 ? 0 : 1;
  } finally {
    await archive.stop();
  }
}

runCommand(main, 'Load test failed');
