import matter from 'gray-matter';
import yaml from 'js-yaml';

/**
 * Reads markdown with YAML front matter. YAML's core schema is used so that
 * dates stay text: the default schema turns 2019-02-31 into 3 March without
 * a word, and the schema must see what was written to reject it.
 */
export function parseFrontMatter(text: string): { data: Record<string, unknown>; body: string } {
  const parsed = matter(text, {
    engines: { yaml: (source: string) => (yaml.load(source, { schema: yaml.CORE_SCHEMA }) ?? {}) as object },
  });
  return { data: parsed.data, body: parsed.content };
}
