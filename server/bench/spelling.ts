import { correctedQuery, indexedVocabulary } from '../query/spelling.js';
import { percentile } from './load.js';
import { Random } from './random.js';
import type { Vocabulary as WordModel } from './vocabulary.js';

export interface SpellingMeasure {
  words: number;
  /** Indexing the words, in turns of the event loop; the longest time another request waited. */
  index_ms: number;
  longest_wait_ms: number;
  index_mb: number;
  /** "Did you mean" for a 500-character query of 80 random six-letter words, none in the vocabulary. */
  random_query_ms: { p50: number; max: number };
  /** The same for 80 misspellings (one letter changed) of the vocabulary's own words. */
  misspelt_query_ms: { p50: number; max: number };
  /** Words one lookup compares, over random words of 3 to 12 letters. */
  compared: { mean: number; max: number };
}

const QUERIES = 30;
const round = (value: number) => Math.round(value * 100) / 100;
const letters = (random: Random, length: number) => Array.from({ length }, () => String.fromCharCode(97 + random.int(0, 25))).join('');

/** One letter of `word` replaced by a random one. */
function misspelt(random: Random, word: string): string {
  const at = random.int(0, word.length - 1);
  return `${word.slice(0, at)}${letters(random, 1)}${word.slice(at + 1)}`;
}

/** `count` words as an archive's titles and decisions hold them: the real minutes' words, then misspellings of those, with skewed counts. */
function wordCounts(model: WordModel, count: number, random: Random): Map<string, number> {
  const real = model.commonWords(count, 3, 0);
  const words = new Set(real);
  while (words.size < count) words.add(misspelt(random, random.pick(real)));
  return new Map([...words].map((word, rank) => [word, Math.max(1, Math.round(10_000 / (rank + 1)))]));
}

/** Milliseconds `run` takes, each of `times`, median and slowest. */
function timed(times: number, run: () => void): { p50: number; max: number } {
  const samples = Array.from({ length: times }, () => {
    const started = performance.now();
    run();
    return performance.now() - started;
  }).sort((a, b) => a - b);
  return { p50: round(percentile(samples, 50)), max: round(samples[samples.length - 1] ?? 0) };
}

/** "Did you mean" over a vocabulary of each size: indexing, the worst queries, the words compared per lookup. */
export async function measureSpelling(model: WordModel, sizes: number[], seed: number): Promise<SpellingMeasure[]> {
  const results: SpellingMeasure[] = [];
  for (const size of sizes) {
    const random = new Random(seed);
    const counts = wordCounts(model, size, random);
    const memoryBefore = process.memoryUsage().arrayBuffers;
    let longestWait = 0;
    let indexing = true;
    let lastTurn = performance.now();
    const watch = () => {
      const now = performance.now();
      longestWait = Math.max(longestWait, now - lastTurn);
      lastTurn = now;
      if (indexing) setImmediate(watch);
    };
    setImmediate(watch);
    const started = performance.now();
    const vocabulary = await indexedVocabulary(counts);
    const indexMs = performance.now() - started;
    indexing = false;
    const indexMb = (process.memoryUsage().arrayBuffers - memoryBefore) / 1e6;

    const words = [...counts.keys()];
    const query = (word: () => string) => Array.from({ length: 80 }, word).join(' ');
    const randomQueries = Array.from({ length: QUERIES }, () => query(() => letters(random, 6)));
    const misspeltQueries = Array.from({ length: QUERIES }, () => query(() => misspelt(random, random.pick(words))));
    const compared = Array.from({ length: 10_000 }, () => vocabulary.candidates(letters(random, random.int(3, 12)), 2).length);
    let next = 0;
    results.push({
      words: size,
      index_ms: round(indexMs),
      longest_wait_ms: round(longestWait),
      index_mb: round(indexMb),
      random_query_ms: timed(QUERIES, () => correctedQuery(randomQueries[next++ % QUERIES] as string, vocabulary)),
      misspelt_query_ms: timed(QUERIES, () => correctedQuery(misspeltQueries[next++ % QUERIES] as string, vocabulary)),
      compared: { mean: round(compared.reduce((sum, n) => sum + n, 0) / compared.length), max: Math.max(...compared) },
    });
  }
  return results;
}

export function spellingTable(results: SpellingMeasure[]): string {
  const rows: [string, (result: SpellingMeasure) => string][] = [
    ['Index the words (ms), longest wait of another request (ms)', (r) => `${r.index_ms}, ${r.longest_wait_ms}`],
    ['Index size (MB)', (r) => String(r.index_mb)],
    ['80 random six-letter words, p50 / max (ms)', (r) => `${r.random_query_ms.p50} / ${r.random_query_ms.max}`],
    ['80 misspelt words, p50 / max (ms)', (r) => `${r.misspelt_query_ms.p50} / ${r.misspelt_query_ms.max}`],
    ['Words compared per lookup, mean / max', (r) => `${r.compared.mean} / ${r.compared.max}`],
  ];
  return [
    `| "Did you mean" | ${results.map((r) => `${r.words.toLocaleString('en-GB')} words`).join(' | ')} |`,
    `|---|${results.map(() => '---|').join('')}`,
    ...rows.map(([label, cell]) => `| ${label} | ${results.map(cell).join(' | ')} |`),
  ].join('\n');
}
