import path from 'node:path';
import { DEFAULT_TOPICS_FILE, loadTopics, type Topic } from '../convert/assign-topics.js';
import { convertDocument } from '../convert/convert-document.js';
import { findSources, readSource, sourceText } from '../convert/read-source.js';
import { NotMinutes } from '../convert/source.js';
import { HOSTILE_FRAGMENTS, repeatTo } from './hostile-text.js';

/** What `npm run bench:convert` is asked to time. */
export interface ConvertSpeedOptions {
  /** Size of the smaller hostile inputs, in MB; the larger are four times this. */
  sizeMb: number;
  /** A folder of real minutes. */
  corpusDir: string;
  /** Receives the hostile inputs' table, a row as each is timed. */
  log: (line: string) => void;
}

/** The converter's time on the real minutes. */
export interface ConvertSpeed {
  files: number;
  /** Characters of text read. */
  bytes: number;
  seconds: number;
  /** The slowest per MB among files over 64 KB (smaller ones time mostly fixed costs). */
  slowest?: { file: string; perMb: number };
}

const MB = 1024 * 1024;
const SLOWEST_FROM = 64 * 1024;

/** Seconds the converter takes over `text`, without reading or writing files. */
function seconds(text: string, topics: readonly Topic[]): number {
  const start = performance.now();
  convertDocument(text, 'bench.txt', { council: 'Bench Council' }, topics);
  return (performance.now() - start) / 1000;
}

const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
const fixed = (value: number, digits = 2) => value.toFixed(digits);

/**
 * Times the converter per MB: each hostile shape at the given size and at four times it (a
 * ratio near 4 is time growing with size), logged as a table, then the real minutes, returned.
 */
export async function measureConvertSpeed(options: ConvertSpeedOptions): Promise<ConvertSpeed> {
  const topics = await loadTopics(DEFAULT_TOPICS_FILE);
  options.log(row(['input', 'MB', 's', 's/MB', `MB ×4: s`, 's/MB', 'time ×']));
  options.log(row(Array(7).fill('---')));
  for (const [name, fragment] of Object.entries(HOSTILE_FRAGMENTS)) {
    const small = repeatTo(fragment, options.sizeMb * MB);
    const large = repeatTo(fragment, 4 * options.sizeMb * MB);
    const [t1, t4] = [seconds(small, topics), seconds(large, topics)];
    options.log(
      row([
        name,
        fixed(small.length / MB),
        fixed(t1),
        fixed(t1 / (small.length / MB)),
        fixed(t4),
        fixed(t4 / (large.length / MB)),
        fixed(t4 / t1, 1),
      ]),
    );
  }
  const files = await findSources([options.corpusDir]);
  const speed: ConvertSpeed = { files: files.length, bytes: 0, seconds: 0 };
  for (const file of files) {
    // Files that hold no minutes are reported by the converter, never converted, so they are not timed.
    const source = await readSource(file).catch((error: unknown) => {
      if (error instanceof NotMinutes) return undefined;
      throw error;
    });
    if (!source) continue;
    const text = sourceText(source);
    const time = seconds(text, topics);
    speed.bytes += text.length;
    speed.seconds += time;
    const perMb = time / (text.length / MB);
    if (text.length > SLOWEST_FROM && perMb > (speed.slowest?.perMb ?? 0)) speed.slowest = { file: path.basename(file), perMb };
  }
  return speed;
}

/** One line on the real minutes: files, MB, seconds and seconds per MB, and the slowest file. */
export function convertSpeedReport(speed: ConvertSpeed): string {
  const slowest = speed.slowest ? ` (slowest file over 64 KB: ${speed.slowest.file}, ${fixed(speed.slowest.perMb)} s/MB)` : '';
  return `Real minutes: ${speed.files} files, ${fixed(speed.bytes / MB, 1)} MB of text in ${fixed(speed.seconds, 1)} s: ${fixed(speed.seconds / (speed.bytes / MB))} s/MB${slowest}`;
}
