import fs from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../common/paths.js';
import type { Random } from './random.js';

/** The real minutes the synthetic text learns its words from (see /work/shared). */
export const DEFAULT_SOURCES = [
  path.resolve(PROJECT_ROOT, '..', 'shared', 'samples'),
  path.resolve(PROJECT_ROOT, '..', 'shared', 'corpus', 'minutes'),
];

const END = 0;
const COMMA = 1;
const WORD = /^[A-Za-z][A-Za-z'’-]{0,23}$/;

/**
 * Word pairs as councils write them: a bigram chain over the real samples and
 * corpus, so generated minutes have realistic word frequencies and phrases.
 */
export class Vocabulary {
  private readonly words: string[] = ['.', ','];
  private readonly ids = new Map<string, number>([
    ['.', END],
    [',', COMMA],
  ]);
  private readonly next: number[][] = [[], []];
  private readonly counts: number[] = [0, 0];

  private id(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.ids.set(word, id);
      this.words.push(word);
      this.next.push([]);
      this.counts.push(0);
    }
    return id;
  }

  /** Learns from one text; noise (numbers, codes, page furniture) is dropped. */
  learn(text: string): void {
    let previous = END;
    for (const raw of text.split(/\s+/)) {
      if (raw === '') continue;
      const ends = /[.;:!?]$/.test(raw);
      const comma = raw.endsWith(',');
      const word = raw.replace(/^[("'“‘]+|[)"'”’.,;:!?]+$/g, '');
      if (!WORD.test(word)) {
        if (ends && previous !== END) this.next[previous]?.push(END);
        previous = END;
        continue;
      }
      const id = this.id(word);
      (this.counts[id] as number) += 1;
      this.next[previous]?.push(id);
      if (ends) {
        this.next[id]?.push(END);
        previous = END;
      } else if (comma) {
        this.next[id]?.push(COMMA);
        this.next[COMMA]?.push(this.ids.get(word) ?? END);
        previous = id;
      } else {
        previous = id;
      }
    }
  }

  /** One sentence of 6 to 40 words, starting where real sentences start. */
  sentence(random: Random): string {
    const out: string[] = [];
    let current = random.pick(this.next[END] as number[]);
    while (out.length < 40) {
      if (current === END) {
        if (out.length >= 6) break;
        current = random.pick(this.next[END] as number[]);
        continue;
      }
      if (current === COMMA) {
        if (out.length > 0) out[out.length - 1] += ',';
      } else {
        out.push(this.words[current] as string);
      }
      const successors = this.next[current] as number[];
      current = successors.length > 0 ? random.pick(successors) : END;
    }
    const text = out.join(' ').replace(/,$/, '');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  }

  /** Words of at least `minLength` letters, most frequent first, from rank `skip`. */
  commonWords(count: number, minLength = 5, skip = 50): string[] {
    return this.words
      .map((word, id) => ({ word, count: this.counts[id] as number }))
      .filter(({ word }) => word.length >= minLength && /^[a-z]+$/.test(word))
      .sort((a, b) => b.count - a.count || (a.word < b.word ? -1 : 1))
      .slice(skip, skip + count)
      .map(({ word }) => word);
  }

  get size(): number {
    return this.words.length;
  }
}

async function textFiles(dir: string): Promise<string[]> {
  try {
    const entries = await fs.readdir(dir);
    return entries
      .filter((name) => name.endsWith('.txt'))
      .sort()
      .map((name) => path.join(dir, name));
  } catch {
    return [];
  }
}

/** Builds the vocabulary from the sample and corpus folders (files in name order, so it is deterministic). */
export async function loadVocabulary(sources: string[] = DEFAULT_SOURCES): Promise<Vocabulary> {
  const vocabulary = new Vocabulary();
  let files = 0;
  for (const dir of sources) {
    for (const file of await textFiles(dir)) {
      vocabulary.learn(await fs.readFile(file, 'utf8'));
      files += 1;
    }
  }
  if (files === 0) throw new Error(`No .txt minutes found to learn words from in ${sources.join(', ')}`);
  return vocabulary;
}
