import fs from 'node:fs/promises';
import path from 'node:path';
import yaml from 'js-yaml';
import { parseFrontMatter } from '../minutes/front-matter.js';
import { describeIssue, validateMinutesItem } from '../minutes/schema.js';
import type { ConvertedItem } from './convert-document.js';
import { slugify } from './item-ids.js';

/** Unknown facts are left out of the file, not written as blanks. */
function withoutEmpty(record: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(record).filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0)),
  );
}

/**
 * The markdown file for one item. js-yaml quotes whatever YAML would read as
 * something else, so item numbers stay text and dates stay as written.
 */
export function renderItemFile(item: ConvertedItem): string {
  const frontMatter = yaml.dump(withoutEmpty(item.frontMatter), { lineWidth: -1, quotingType: '"', noRefs: true });
  return `---\n${frontMatter}---\n\n${item.body.trim()}\n`;
}

/** Where an item lives under the output folder: `<council>/<committee>/<date>/<item>.md`. */
export function itemFilePath(item: ConvertedItem): string {
  const { council, committee, meeting_date: date, id, meeting_id: meeting } = item.frontMatter;
  const file = meeting && id.startsWith(`${meeting}-`) ? id.slice(meeting.length + 1) : id;
  // The meeting id ends with its date (and the source's name when undated or claimed twice): the folder.
  const prefix = `${slugify(council)}-${committee ? `${slugify(committee)}-` : ''}`;
  const when = meeting?.startsWith(prefix) ? meeting.slice(prefix.length) : (date ?? 'undated');
  return path.join(slugify(council), committee ? slugify(committee) : 'no-committee', when, `${file}.md`);
}

/** Reads the rendered file back as ingest will, so nothing is written that ingest would refuse. */
export function checkRendered(text: string): string | undefined {
  const { data, body } = parseFrontMatter(text);
  const result = validateMinutesItem(data, body.trim());
  return result.ok ? undefined : result.issues.map(describeIssue).join('; ');
}

export async function writeItem(outDir: string, relativePath: string, text: string): Promise<void> {
  const file = path.join(outDir, relativePath);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, text);
}
