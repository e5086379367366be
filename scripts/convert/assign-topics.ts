import fs from 'node:fs/promises';
import path from 'node:path';
import yaml from 'js-yaml';
import { z } from 'zod';
import { PROJECT_ROOT } from '../../server/paths.js';

const topicSchema = z.object({
  topic: z.string().trim().min(1),
  service: z.string().trim().min(1).optional(),
  terms: z.array(z.string().trim().min(1)).min(1),
});

export type Topic = z.infer<typeof topicSchema>;

/** The topics file shipped with the converter; a council may pass its own. */
export const DEFAULT_TOPICS_FILE = path.join(PROJECT_ROOT, 'scripts', 'convert', 'topics.yaml');

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

function occurrences(text: string, term: string): number {
  const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  return text.match(new RegExp(`(?<![\\p{L}\\d])${escaped}(?![\\p{L}\\d])`, 'giu'))?.length ?? 0;
}

/** Topics for an item: a term in its title, or a topic's terms at least twice in its text. */
export function assignTopics(title: string, text: string, vocabulary: readonly Topic[]): TopicMatch[] {
  const matches: TopicMatch[] = [];
  for (const { topic, terms } of vocabulary) {
    const inTitle = terms.find((term) => occurrences(title, term) > 0);
    if (inTitle) {
      matches.push({ topic, term: inTitle, where: 'title' });
      continue;
    }
    const counts = terms.map((term) => ({ term, count: occurrences(text, term) }));
    const total = counts.reduce((sum, { count }) => sum + count, 0);
    if (total >= TEXT_OCCURRENCES) matches.push({ topic, term: counts.find((c) => c.count > 0)!.term, where: 'text' });
  }
  return matches;
}
