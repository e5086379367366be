import fs from 'node:fs/promises';
import path from 'node:path';
import yaml from 'js-yaml';
import { z } from 'zod';
import { PROJECT_ROOT } from '../common/paths.js';

const topicSchema = z.object({
  topic: z.string().trim().min(1),
  service: z.string().trim().min(1).optional(),
  terms: z.array(z.string().trim().min(1)).min(1),
});

export type Topic = z.infer<typeof topicSchema>;

/** The topics file shipped with the converter; a council may pass its own. */
export const DEFAULT_TOPICS_FILE = path.join(PROJECT_ROOT, 'server', 'convert', 'topics.yaml');

/** Parses a topics vocabulary (YAML list of topic, service, terms); throws with the entry at fault. */
export function parseTopics(source: string): Topic[] {
  return z.array(topicSchema).parse(yaml.load(source, { schema: yaml.CORE_SCHEMA }));
}

export async function loadTopics(file: string): Promise<Topic[]> {
  return parseTopics(await fs.readFile(file, 'utf8'));
}

/** A topic given to an item and the term that earned it, so every assignment can be explained. */
export interface TopicMatch {
  topic: string;
  term: string;
  where: 'title' | 'text';
}

/** How often a term must occur in the text (not the title) to earn its topic: once may be in passing. */
const TEXT_OCCURRENCES = 2;

/** Text as terms are compared with it: lower case, single spaces. */
function comparable(text: string): string {
  return text.replace(/\s+/g, ' ').toLowerCase();
}

/** Each topic's terms as they are compared, worked out once a vocabulary, not once an item. */
const comparableTerms = new WeakMap<Topic, string[]>();

function termsOf(topic: Topic): string[] {
  let terms = comparableTerms.get(topic);
  if (!terms) comparableTerms.set(topic, (terms = topic.terms.map(comparable)));
  return terms;
}

/** How often a comparable term stands as whole words in a comparable text: a native search, one pass a term. */
function occurrences(text: string, sought: string): number {
  let count = 0;
  for (let at = text.indexOf(sought); at >= 0;) {
    // Two code units either side hold the whole neighbouring character, even one beyond the basic plane.
    const whole =
      !/[\p{L}\d]$/u.test(text.slice(Math.max(0, at - 2), at)) &&
      !/^[\p{L}\d]/u.test(text.slice(at + sought.length, at + sought.length + 2));
    if (whole) count++;
    at = text.indexOf(sought, whole ? at + sought.length : at + 1);
  }
  return count;
}

/** Topics for an item: a term in its title, or a topic's terms at least twice in its text. */
export function assignTopics(itemTitle: string, itemText: string, vocabulary: readonly Topic[]): TopicMatch[] {
  const matches: TopicMatch[] = [];
  const title = comparable(itemTitle);
  const text = comparable(itemText);
  for (const entry of vocabulary) {
    const { topic, terms } = entry;
    const sought = termsOf(entry);
    const inTitle = terms.find((_, k) => occurrences(title, sought[k]!) > 0);
    if (inTitle) {
      matches.push({ topic, term: inTitle, where: 'title' });
      continue;
    }
    const counts = terms.map((term, k) => ({ term, count: occurrences(text, sought[k]!) }));
    const total = counts.reduce((sum, { count }) => sum + count, 0);
    if (total >= TEXT_OCCURRENCES) matches.push({ topic, term: counts.find((c) => c.count > 0)!.term, where: 'text' });
  }
  return matches;
}
