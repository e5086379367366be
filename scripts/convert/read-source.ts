import fs from 'node:fs/promises';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { extractText, getDocumentProxy } from 'unpdf';
import { decodeText } from '../ingest/read-content.js';

/** File types the converter reads, by extension. */
export const SOURCE_EXTENSIONS = ['.txt', '.md', '.html', '.htm', '.pdf'] as const;

export function isSource(file: string): boolean {
  return (SOURCE_EXTENSIONS as readonly string[]).includes(path.extname(file).toLowerCase());
}

/** Block elements end a line in the text a reader sees. */
const BLOCK_ELEMENTS = 'p, div, br, li, tr, h1, h2, h3, h4, h5, h6, table, section, article, dt, dd';

/**
 * The visible text of a web page (ModernGov agenda item, decision or issue
 * history): the main content when the page marks it, without scripts,
 * navigation or page chrome, one block per line.
 */
export function htmlToText(html: string): string {
  const $ = cheerio.load(html);
  $('script, style, noscript, nav, header, footer, form, .breadcrumb, #skiplinks').remove();
  const main = $('#modgov, main, #content, [role=main]').first();
  const root = main.length > 0 ? main : $('body');
  root.find(BLOCK_ELEMENTS).each((_, element) => {
    $(element).prepend('\n').append('\n');
  });
  root.find('li').each((_, element) => {
    $(element).prepend('- ');
  });
  return root.text().replace(/[ \t]+\n/g, '\n');
}

/** The text layer of a PDF, page by page; scanned pages without text come out empty (no OCR). */
export async function pdfToText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocumentProxy(bytes);
  const { text } = await extractText(pdf, { mergePages: false });
  return text.join('\n\n');
}

/** Reads one source file as text, whatever its format. */
export async function readSource(file: string): Promise<string> {
  const bytes = await fs.readFile(file);
  const extension = path.extname(file).toLowerCase();
  if (extension === '.pdf') return pdfToText(new Uint8Array(bytes));
  const text = decodeText(bytes);
  return extension === '.html' || extension === '.htm' ? htmlToText(text) : text;
}

/** Lists the sources under the given files and folders, sorted, so runs are repeatable. */
export async function findSources(inputs: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const input of inputs) {
    const stat = await fs.stat(input);
    if (stat.isFile()) {
      found.push(input);
      continue;
    }
    for (const entry of await fs.readdir(input, { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && isSource(entry.name) && !entry.name.startsWith('.')) found.push(path.join(entry.parentPath, entry.name));
    }
  }
  return found.sort();
}
