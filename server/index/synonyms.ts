import { readFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { z } from 'zod';
import { PROJECT_ROOT } from '../common/paths.js';

/** The synonyms a council can edit: groups of words and phrases that mean the same. */
export const SYNONYMS_FILE = path.join(PROJECT_ROOT, 'server', 'index', 'synonyms.yaml');

const SynonymsFile = z.object({
  groups: z.array(z.array(z.string().trim().min(1)).min(2, 'a group needs at least two words or phrases')),
});

/** How the engine compares words: case and runs of spaces do not matter. */
const normalise = (term: string) => term.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * The groups of a synonyms file as the engine's setting: each word or phrase maps to all the
 * others of its group. Throws, naming the problem, on a malformed file, a group with fewer than
 * two different entries, or an entry in two groups.
 */
export function parseSynonyms(text: string, source = 'synonyms'): Record<string, string[]> {
  const parsed = SynonymsFile.safeParse(yaml.load(text));
  if (!parsed.success) {
    throw new Error(`${source}: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'file'}: ${issue.message}`).join('; ')}`);
  }
  const synonyms: Record<string, string[]> = {};
  parsed.data.groups.forEach((group, position) => {
    const terms = [...new Set(group.map(normalise))];
    if (terms.length < 2) throw new Error(`${source}: group ${position + 1} (${group.join(', ')}) needs at least two different entries`);
    for (const term of terms) {
      if (synonyms[term]) throw new Error(`${source}: "${term}" is in more than one group`);
      synonyms[term] = terms.filter((other) => other !== term);
    }
  });
  return synonyms;
}

export function loadSynonyms(file = SYNONYMS_FILE): Record<string, string[]> {
  return parseSynonyms(readFileSync(file, 'utf8'), file);
}

/** Words and their regular forms, made from the minutes by `npm run word-forms`. */
export const WORD_FORMS_FILE = path.join(PROJECT_ROOT, 'server', 'index', 'word-forms.txt');

/** The families of a word-forms file ("hub hubs", "leave leaves leaving"): lower case, each word once, comments left out. */
export function parseWordForms(text: string): string[][] {
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('#'))
    .map((line) => [...new Set(line.trim().toLowerCase().split(/\s+/).filter(Boolean))])
    .filter((words) => words.length >= 2);
}

/**
 * Each family of a word-forms file makes its words synonyms of each other, added to whatever
 * `synonyms` gives them: what a query word matches (passages.ts marks them). The engine is not
 * given them as synonyms: what it spends on a query grows with its synonyms setting, and the ~8,000
 * word forms cost ~70 ms a query; each item carries its words' other forms instead (search_text).
 */
export function withWordForms(synonyms: Record<string, string[]>, text: string): Record<string, string[]> {
  const merged = { ...synonyms };
  for (const words of parseWordForms(text)) {
    for (const word of words) merged[word] = [...new Set([...(merged[word] ?? []), ...words.filter((other) => other !== word)])];
  }
  return merged;
}

let families: ReadonlyMap<string, readonly string[]> | undefined;

/** Each word of the word-forms file with its family; read on first use. */
export function wordFamilies(): ReadonlyMap<string, readonly string[]> {
  families ??= new Map(
    parseWordForms(readFileSync(WORD_FORMS_FILE, 'utf8')).flatMap((family) => family.map((word) => [word, family] as const)),
  );
  return families;
}

/** Acronyms the public minutes define, with their phrases, found by `npm run word-forms`. */
export const ACRONYMS_FILE = path.join(PROJECT_ROOT, 'server', 'index', 'acronyms.txt');

/**
 * Each line of an acronyms file ("asb = anti-social behaviour") makes the acronym and its phrase
 * synonyms of each other, added to whatever `synonyms` gives them.
 */
export function withAcronyms(synonyms: Record<string, string[]>, text: string): Record<string, string[]> {
  const merged = { ...synonyms };
  const add = (term: string, other: string) => (merged[term] = [...new Set([...(merged[term] ?? []), other])]);
  for (const line of text.split('\n')) {
    const [acronym, phrase, ...rest] = line.split(' = ').map(normalise);
    if (line.startsWith('#') || !acronym || !phrase || rest.length > 0 || acronym === phrase) continue;
    add(acronym, phrase);
    add(phrase, acronym);
  }
  return merged;
}

/** The synonyms the engine is given: the council's groups and the acronyms. */
export function loadEngineSynonyms(): Record<string, string[]> {
  return withAcronyms(loadSynonyms(), readFileSync(ACRONYMS_FILE, 'utf8'));
}

/** What a query word matches in an item: the engine's synonyms and the word's forms. */
export function loadAllSynonyms(): Record<string, string[]> {
  return withWordForms(loadEngineSynonyms(), readFileSync(WORD_FORMS_FILE, 'utf8'));
}

let matched: Record<string, string[]> | undefined;

/** `loadAllSynonyms`, read on first use: how the passages of a hit are marked. */
export function matchedSynonyms(): Record<string, string[]> {
  matched ??= loadAllSynonyms();
  return matched;
}
