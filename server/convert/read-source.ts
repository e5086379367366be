import fs from 'node:fs/promises';
import path from 'node:path';
import * as cheerio from 'cheerio';
import mammoth from 'mammoth';
import { decodeText } from '../common/decode-text.js';
import { readModernGovPage } from './read-moderngov-page.js';
import { readModernGovXml } from './read-moderngov-xml.js';
import { pdfToText } from './read-pdf.js';
import { readText } from './read-text.js';
import { whyNotMinutes } from './signs-of-minutes.js';
import { NotMinutes, type Source } from './source.js';

/** File types the converter reads, by extension. */
export const SOURCE_EXTENSIONS = ['.txt', '.md', '.html', '.htm', '.pdf', '.docx', '.xml'] as const;

export function isSource(file: string): boolean {
  return (SOURCE_EXTENSIONS as readonly string[]).includes(path.extname(file).toLowerCase());
}

/** Block elements end a line in the text a reader sees; so does a table cell. */
const BLOCK_ELEMENTS = 'p, div, br, li, tr, td, th, h1, h2, h3, h4, h5, h6, table, section, article, dt, dd';

type Selection = ReturnType<cheerio.CheerioAPI>;

/**
 * Marks what a page shows as headings in markdown, so the splitter sees what a reader sees: a
 * heading element becomes "## …", a paragraph wholly in bold "**…**".
 */
function markHeadings($: cheerio.CheerioAPI, root: Selection): void {
  root.find('h1, h2, h3, h4, h5, h6').each((_, element) => {
    const heading = $(element);
    const text = heading.text().replace(/\s+/g, ' ').trim();
    heading.text(text === '' ? '' : `## ${text}`);
  });
  root.find('p').each((_, element) => {
    const paragraph = $(element);
    const text = paragraph.text().replace(/\s+/g, ' ').trim();
    const bold = paragraph.find('strong, b').text().replace(/\s+/g, ' ').trim();
    if (text !== '' && bold === text && /\p{L}/u.test(text)) paragraph.text(`**${text}**`);
  });
}

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
  const root = contentRoot($);
  // A line break in a page's source is a space to its reader (outside <pre>).
  root
    .find('*')
    .addBack()
    .contents()
    .each((_, node) => {
      if (node.type === 'text' && $(node).closest('pre').length === 0) node.data = node.data.replace(/\s+/g, ' ');
    });
  markHeadings($, root);
  return blockText($, root);
}

/** The page's main content without its chrome: the first element marked as such that holds text (not an empty "#content" anchor), else the body. */
function contentRoot($: cheerio.CheerioAPI): Selection {
  $(PAGE_CHROME).remove();
  const main = $('#modgov, main, #content, [role=main], article')
    .filter((_, element) => $(element).text().trim() !== '')
    .first();
  return main.length > 0 ? main : $('body');
}

/** Links that make a page an index when most of its words are theirs. */
const INDEX_LINKS = 10;

/** Why a web page is an index of links (a committee's list of meetings and papers) rather than minutes, or `undefined`. */
export function whyIndexPage(html: string): string | undefined {
  const $ = cheerio.load(html);
  const root = contentRoot($);
  const words = (text: string) => text.split(/\s+/).filter((word) => /\p{L}|\d/u.test(word)).length;
  const links = root.find('a[href]');
  const linkWords = links.toArray().reduce((sum, link) => sum + words($(link).text()), 0);
  const allWords = words(root.text());
  if (links.length < INDEX_LINKS || linkWords * 2 < allWords) return undefined;
  const title = $('title').first().text().replace(/\s+/g, ' ').trim();
  return `is a page of ${links.length} links${title ? ` ("${title}")` : ''}, most of its words theirs: an index, not minutes`;
}

/** What a page shows around its content: scripts, navigation, site headers and footers, forms, sharing links. */
const PAGE_CHROME =
  'script, style, noscript, template, nav, header, footer, aside, form, .breadcrumb, .breadcrumbs, #skiplinks, .skip-link, [role=navigation], [role=banner], [role=contentinfo], .navbar, .sidebar, .share, .social';

/** An HTML fragment (a Word-HTML body from ModernGov) as trimmed lines, blank lines between blocks. */
export function htmlToLines(html: string): string[] {
  const lines = htmlToText(`<body>${html}</body>`)
    .split('\n')
    .map((line) => line.replace(/\u00A0/g, ' ').trim());
  return lines
    .filter((line, i) => line !== '' || (i > 0 && lines[i - 1] !== ''))
    .filter((line, i, all) => line !== '' || i < all.length - 1);
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

/**
 * Sources larger than this are not one meeting's minutes (the corpus's largest, a budget meeting, is
 * 0.7 MB of text; a PDF with scanned pages is larger); they are skipped, not read.
 */
export const MAX_SOURCE_BYTES = 20 * 1024 * 1024;

/** The first bytes of a file, for naming what it is when it is not what its name says. */
function signature(bytes: Buffer): string | undefined {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'a PDF';
  if (bytes.subarray(0, 4).toString('latin1') === 'PK\u0003\u0004') return 'a ZIP archive (such as a Word .docx)';
  if (bytes.subarray(0, 8).toString('hex') === 'd0cf11e0a1b11ae1') return 'an old Word/Office document (.doc)';
  return undefined;
}

/** Text holds no NUL bytes and few other control characters; binary data holds many. */
function isBinary(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 64 * 1024);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 9 || (byte > 13 && byte < 32)) control++;
  }
  return control > sample.length * 0.02;
}

/** Refuses a file whose bytes are not the format its name says, naming what they are. */
function checkFormat(bytes: Buffer, extension: string): void {
  const found = signature(bytes);
  const expected = extension === '.pdf' ? 'a PDF' : extension === '.docx' ? 'a ZIP archive (such as a Word .docx)' : 'text';
  if (found === expected) return;
  if (found) throw new NotMinutes(`is ${found}, not ${expected === 'text' ? `the text its name (${extension}) says` : expected}`);
  if (expected !== 'text') throw new NotMinutes(`is not ${expected}, though its name says ${extension}`);
  if (isBinary(bytes)) throw new NotMinutes(`holds binary data, not the text its name (${extension}) says`);
}

/** A Word document's text: mammoth's HTML, keeping headings, lists and tables, read as a web page is. */
async function docxToText(bytes: Buffer): Promise<string> {
  const { value } = await mammoth.convertToHtml({ buffer: bytes });
  return htmlToText(`<body>${value}</body>`);
}

/**
 * Reads one source file, whatever its format: text to split (.txt, .md, web pages, PDF, Word), or
 * a meeting given as data (ModernGov's web service, a ModernGov decision page). Throws, saying
 * why, for a source over the size limit, and `NotMinutes` for a file that is not what its name
 * says or holds no minutes.
 */
export async function readSource(file: string): Promise<Source> {
  const { size } = await fs.stat(file);
  if (size > MAX_SOURCE_BYTES)
    throw new Error(`is ${(size / 1024 / 1024).toFixed(1)} MB, over the ${MAX_SOURCE_BYTES / 1024 / 1024} MB limit for one source`);
  const bytes = await fs.readFile(file);
  const extension = path.extname(file).toLowerCase();
  checkFormat(bytes, extension);
  if (extension === '.pdf') return minutesText(await pdfToText(new Uint8Array(bytes)));
  if (extension === '.docx') return minutesText(await docxToText(bytes));
  const text = decodeText(bytes);
  if (extension === '.xml') return { kind: 'meeting', meeting: readModernGovXml(text, htmlToLines) };
  if (extension === '.html' || extension === '.htm') {
    const meeting = readModernGovPage(text, htmlToLines);
    if (meeting) return { kind: 'meeting', meeting };
    const index = whyIndexPage(text);
    if (index) throw new NotMinutes(index);
    return minutesText(htmlToText(text));
  }
  return minutesText(embeddedHtmlToText(text));
}

/** A text source, or `NotMinutes` when the text shows no sign of minutes (a README, a letter). */
function minutesText(text: string): Source {
  const reading = readText(text);
  const why = whyNotMinutes(reading);
  if (why) throw new NotMinutes(why);
  return { kind: 'text', text, reading };
}

/** The text a source's items are read from, for tools that only look at text (a meeting given as data is its items' titles and lines). */
export function sourceText(source: Source): string {
  if (source.kind === 'text') return source.text;
  return source.meeting.items.flatMap((item) => [`${item.number ?? ''} ${item.title}`.trim(), ...item.lines, '']).join('\n');
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
