import matter from 'gray-matter';
import yaml from 'js-yaml';

/**
 * Front matter in a language other than YAML. gray-matter would evaluate a
 * `---js` or `---javascript` block as JavaScript, inside ingest and the server.
 */
export class FrontMatterLanguageError extends Error {
  constructor(readonly language: string) {
    super(`front matter is marked "${language}": only YAML front matter is read (a first line of --- or ---yaml)`);
    this.name = 'FrontMatterLanguageError';
  }
}

/** js-yaml's own merge type, which @types/js-yaml does not declare. */
const { merge } = (yaml as unknown as { types: { merge: yaml.Type } }).types;

/** YAML's core schema, with merge keys (`<<: *shared`) merged as YAML means them, so a `part` they bring in counts. */
const SCHEMA = yaml.CORE_SCHEMA.extend({ implicit: [merge] });

const refuse = (language: string) => () => {
  throw new FrontMatterLanguageError(language);
};

/** The language named after the opening `---` (empty when none), found as gray-matter finds it; the rest of the text. */
function openingFence(text: string): { language: string; rest: string } | undefined {
  if (!text.startsWith('---') || text[3] === '-') return undefined;
  const end = text.indexOf('\n');
  return { language: text.slice(3, end === -1 ? text.length : end).trim(), rest: end === -1 ? '' : text.slice(end) };
}

/**
 * Reads markdown with YAML front matter. YAML's core schema is used so that
 * dates stay text: the default schema turns 2019-02-31 into 3 March without
 * a word, and the schema must see what was written to reject it. Any other
 * language throws FrontMatterLanguageError before gray-matter sees the text,
 * which is given a bare `---` so that it chooses no engine of its own; the
 * engines it ships besides YAML are replaced all the same.
 */
export function parseFrontMatter(text: string): { data: Record<string, unknown>; body: string } {
  const unmarked = text.replace(/^\uFEFF/, '');
  const fence = openingFence(unmarked);
  if (fence && fence.language !== '' && fence.language !== 'yaml') throw new FrontMatterLanguageError(fence.language);
  const parsed = matter(fence ? `---${fence.rest}` : unmarked, {
    engines: {
      yaml: (source: string) => (yaml.load(source, { schema: SCHEMA }) ?? {}) as object,
      javascript: refuse('javascript'),
      json: refuse('json'),
    },
  });
  return { data: parsed.data, body: parsed.content };
}
