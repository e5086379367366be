import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { RESULTS_DIR, saveResults } from '../server/bench/results.js';
import { runBench } from '../server/bench/run.js';
import { measureSpelling, spellingTable } from '../server/bench/spelling.js';
import { loadVocabulary } from '../server/bench/vocabulary.js';
import { runCommand } from '../server/common/run-command.js';

const USAGE = `Usage: npm run bench -- --size N [--out results.json] [options]
       npm run bench -- --spelling

Generates N synthetic agenda items and measures, side by side on this machine,
the archive against the Meilisearch it wraps: ingest, re-ingest, search (API and
page against the same request sent straight to the engine), memory and disk.
  --size N        agenda items to generate (e.g. 10000, 100000, 1000000)
  --out FILE      also write the JSON result to FILE
  --seed S        generator seed (default 1)
  --threads T     engine indexing threads (default 2)
  --requests R    search requests per target at concurrency 1 (default 300; twice that at 8)
  --work DIR      scratch folder (default: $TMPDIR/minutes-bench-N), removed afterwards
  --keep          keep the scratch folder (generated content is reused by the next run)
  --skip-raw      skip the raw-engine ingest baseline
Results go to results/ (git-ignored): bench-N.json, and summary.md / summary.svg
over every bench-*.json there.
  --spelling      instead, time "Did you mean" over vocabularies of 20,000 and
                  50,000 words (no engine; prints a table)`;

function wholeNumber(text: string | undefined, name: string, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text.replace(/_/g, ''));
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a whole number above 0, not "${text}"`);
  return value;
}

/** `npm run bench`: measures the archive against the engine it wraps at one size. */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      size: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string' },
      threads: { type: 'string' },
      requests: { type: 'string' },
      work: { type: 'string' },
      keep: { type: 'boolean', default: false },
      'skip-raw': { type: 'boolean', default: false },
      spelling: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.spelling) {
    console.log(spellingTable(await measureSpelling(await loadVocabulary(), [20_000, 50_000], wholeNumber(values.seed, 'seed', 1))));
    return 0;
  }
  if (values.help || !values.size) {
    console.log(USAGE);
    return values.help ? 0 : 1;
  }
  const size = wholeNumber(values.size, 'size', 0);
  const result = await runBench({
    size,
    seed: wholeNumber(values.seed, 'seed', 1),
    threads: wholeNumber(values.threads, 'threads', 2),
    requests: wholeNumber(values.requests, 'requests', 300),
    workDir: path.resolve(values.work ?? path.join(os.tmpdir(), `minutes-bench-${size}`)),
    keep: values.keep,
    skipRaw: values['skip-raw'],
    log: (message) => console.log(message),
  });

  const table = await saveResults(result, RESULTS_DIR, values.out && path.resolve(values.out));
  console.log(`\n${table}`);
  console.log(`Written to ${path.relative(process.cwd(), RESULTS_DIR) || '.'}/ (bench-${size}.json, summary.md, summary.svg)`);
  return 0;
}

runCommand(main, 'Benchmark failed', { stack: true });
