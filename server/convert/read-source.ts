import fs from 'node:fs/promises';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { extractText, getDocumentProxy } from 'unpdf';
import { decodeText } from '../common/decode-text.js';

/** File types the converter reads, by extension. */
export const SOURCE_EXTENSIONS = ['.txt', '.md', '.html', '.htm', '.pdf'] as const;

export function isSource(file: string): boolean {
  return (SOURCE_EXTENSIONS as readonly string[]).includes(path.extname(file).toLowerCase());
}

/** Block elements end a line in the text a reader sees; so does a table cell. */
const BLOCK_ELEMENTS = 'p, div, br, li, tr, td, th, h1, h2, h3, h4, h5, h6, table, section, article, dt, dd';

type Selection = ReturnType<cheerio.CheerioAPI>;

/** The text of `root`, one block per line, list items marked as such. */
function blockText($: cheerio.CheerioAPI, root: Selection): string {
  root.find(BLOCK_ELEMENTS).each((_, element) => {
    $(element).prepend('\n').append('\n');
  });
  root.find('li').each((_, element) => {
    $(element).prepend('- ');
  });
  // Trailing spaces go line by line: a regular expression for them rescans a long run of spaces from each of its spaces.
  return root
    .text()
    .split('\n')
    .map((line) => {
      let end = line.length;
      while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
      return line.slice(0, end);
    })
    .join('\n');
}

/**
 * The visible text of a web page (ModernGov agenda item, decision or issue
 * history): the main content when the page marks it, without scripts,
 * navigation or page chrome, one block per line.
 */
export function htmlToText(html: string): string {
  const $ = cheerio.load(html);
  $('script, style, noscript, nav, header, footer, form, .breadcrumb, #skiplinks').remove();
  const main = $('#modgov, main, #content, [role=main]').first();
  return blockText($, main.length > 0 ? main : $('body'));
}

// Markup that minutes republished from web pages keep in their text.
const EMBEDDED_HTML = /<\/?(?:table|tbody|thead|tr|td|th|div|p|br|b|strong|em|i|u|span|font|sup|sub|ul|ol|li|h[1-6])\b[^<>]{0,2000}>/i;
/**
 * A table of figures (payments, budgets) rather than one laying out paragraphs: at least half its
 * rows fill this many cells, and most cells are short.
 */
const DATA_TABLE_COLUMNS = 3;
const DATA_CELL_LENGTH = 60;

/** A table's rows as the text of their cells, rows with no text left out. */
function tableRows($: cheerio.CheerioAPI, table: Selection): string[][] {
  return table
    .find('tr')
    .toArray()
    .map((row) =>
      $(row)
        .children('td, th')
        .toArray()
        .map((cell) => $(cell).text().replace(/\s+/g, ' ').trim()),
    )
    .filter((cells) => cells.some((cell) => cell !== ''));
}

/** The rows as a markdown table, the first row its header; a pipe in a cell is escaped. */
function markdownTable(rows: string[][]): string[] {
  const width = Math.max(...rows.map((cells) => cells.length));
  const line = (cells: string[]) =>
    `| ${Array.from({ length: width }, (_, column) => (cells[column] ?? '').replace(/\|/g, '\\|')).join(' | ')} |`;
  const [header = [], ...body] = rows;
  return [line(header), `|${' --- |'.repeat(width)}`, ...body.map(line)];
}

/** Stands for a blank line through parsing, which adds and drops line breaks of its own. */
const BLANK_LINE = '\uE000';

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Text with fragments of HTML in it (minutes copied from a council's web page) as the text a
 * reader saw: a table of figures becomes a markdown table, any other markup one block per line
 * (a table laying out paragraphs gives a line per cell). Text without markup is returned as is.
 */
export function embeddedHtmlToText(text: string): string {
  if (!EMBEDDED_HTML.test(text)) return text;
  // The text's own line breaks are kept, its blank lines marked (blocks add empty lines of their
  // own, dropped below); an autolink (<mailto:…>, <https://…>) is text, not a tag.
  const html = text
    .replace(/<((?:mailto:|https?:\/\/)[^<>\s]{1,2000})>/g, '&lt;$1&gt;')
    .split(/\r?\n/)
    .map((line) => (line.trim() === '' ? BLANK_LINE : line))
    .join('<br>\n');
  const $ = cheerio.load(`<body>${html}</body>`);
  $('table').each((_, element) => {
    const table = $(element);
    const rows = tableRows($, table);
    const figures = rows.filter((cells) => cells.filter((cell) => cell !== '').length >= DATA_TABLE_COLUMNS);
    const cells = rows.flat().filter((cell) => cell !== '');
    const short = cells.filter((cell) => cell.length <= DATA_CELL_LENGTH).length >= cells.length * 0.8;
    if (rows.length > 1 && figures.length * 2 >= rows.length && short) {
      // Blank lines around it: a markdown table cannot begin or end inside a paragraph.
      table.replaceWith(`<div>${[BLANK_LINE, ...markdownTable(rows), BLANK_LINE].map(escapeHtml).join('<br>')}</div>`);
    }
  });
  return blockText($, $('body'))
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => (line === BLANK_LINE ? '' : line))
    .join('\n');
}

/** The text layer of a PDF, page by page; scanned pages without text come out empty (no OCR). */
export async function pdfToText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocumentProxy(bytes);
  const { text } = await extractText(pdf, { mergePages: false });
  return text.join('\n\n');
}

/**
 * Sources larger than this are not one meeting's minutes (the corpus's largest, a budget meeting, is
 * 0.7 MB of text; a PDF with scanned pages is larger); they are skipped, not read.
 */
export const MAX_SOURCE_BYTES = 20 * 1024 * 1024;

/** Reads one source file as text, whatever its format; throws, saying why, for a source over the size limit. */
export async function readSource(file: string): Promise<string> {
  const { size } = await fs.stat(file);
  if (size > MAX_SOURCE_BYTES)
    throw new Error(`is ${(size / 1024 / 1024).toFixed(1)} MB, over the ${MAX_SOURCE_BYTES / 1024 / 1024} MB limit for one source`);
  const bytes = await fs.readFile(file);
  const extension = path.extname(file).toLowerCase();
  if (extension === '.pdf') return pdfToText(new Uint8Array(bytes));
  const text = decodeText(bytes);
  return extension === '.html' || extension === '.htm' ? htmlToText(text) : embeddedHtmlToText(text);
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
