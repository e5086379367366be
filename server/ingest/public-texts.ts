import path from 'node:path';
import { decodeText } from '../common/decode-text.js';
import { parseFrontMatter } from '../minutes/front-matter.js';
import { PUBLIC_PART, validateMinutesItem } from '../minutes/schema.js';
import { findMarkdownFiles, readFileBytes } from './read-content.js';

/** The item a file holds when ingest would take it in as public; otherwise undefined. */
function publicItem(text: string) {
  try {
    const { data, body } = parseFrontMatter(text);
    const valid = validateMinutesItem(data, body);
    return valid.ok && valid.item.part === PUBLIC_PART ? valid.item : undefined;
  } catch {
    return undefined; // ingest refuses it, with its reason
  }
}

/**
 * The words of each public item under a folder (title, decisions, actions, text), for what the
 * archive learns from its minutes and gives back to every search. Part 2 items, and files ingest
 * would refuse, are not read: their words must not reach anonymous searches.
 */
export async function* publicTexts(folder: string): AsyncGenerator<string> {
  for (const file of (await findMarkdownFiles(folder)).files) {
    const read = readFileBytes(path.join(folder, file));
    if (!read.ok) continue; // ingest skips it too, with its reason
    const item = publicItem(decodeText(read.bytes));
    if (item) yield [item.title, ...(item.decisions ?? []), ...(item.actions ?? []), item.body].join('\n');
  }
}
