/**
 * Turns text as extracted from a web page, PDF or markdown export into plain
 * lines, keeping the words as published and removing only layout noise.
 */

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200D\uFEFF]/g;
const ODD_SPACES = /[\u00A0\u2000-\u200A\u202F\u205F\u3000\t]/g;
/** Bullet glyphs from Word's Symbol font (private use area) and middle dots used as bullets. */
const BULLET_AT_START = /^\s*(?:[\uF0A7\uF0B7\uF076\uF0D8\u2022\u00B7\u25AA\u25CF\u27A2o§])\s+/;
/** Markdown exporters escape `1.` as `1\.` so it is not read as a list; the minutes meant the number. */
const MARKDOWN_ESCAPE = /\\([.\-+#()[\]!])/g;
/** A page separator or a labelled page number left behind by PDF extraction. */
const PAGE_FURNITURE = /^(?:-{3,}|_{3,}|Page \d+(?: of \d+)?|\d+\s*\|\s*Page)$/i;
const PAGE_BREAK = /^(?:-{3,}|_{3,})$/;
/** A number alone on its line, plain or in bold: a page number or a figure of a table or list. */
const LONE_NUMBER = /^(\*\*)?(\d{1,3})\1$/;
/** Pages are numbered from 1 without leading zeros; "0" and "07" are a table's. */
const PAGE_NUMBER = /^(\*\*)?([1-9]\d{0,2})\1$/;
/** Fewer lines than this since the last page number is a table's row, not a page. */
const MIN_PAGE_LINES = 5;

export function normaliseCharacters(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      .replace(ODD_SPACES, ' ')
      // A form feed is a page break; written as the separator line other exports print there.
      .replace(/\f/g, '\n---\n')
      .replace(CONTROL_CHARACTERS, '')
      .replace(MARKDOWN_ESCAPE, '$1')
  );
}

/**
 * PDF-to-markdown exports put a blank line after every line. When most lines
 * are single-spaced that way, blank lines carry no meaning and are dropped.
 */
export function undoDoubleSpacing(lines: string[]): string[] {
  const filled = lines.filter((line) => line.trim() !== '').length;
  let followedByOneBlank = 0;
  for (let i = 0; i + 2 < lines.length; i++) {
    if (lines[i]!.trim() !== '' && lines[i + 1]!.trim() === '' && lines[i + 2]!.trim() !== '') followedByOneBlank++;
  }
  if (filled < 10 || followedByOneBlank < filled * 0.6) return lines;
  return lines.filter((line) => line.trim() !== '');
}

/** Joins words hyphenated across a line break ("accommo-\ndation"), only between lower-case letters. */
export function joinHyphenatedWords(lines: string[]): string[] {
  const out: string[] = [];
  // The line being made, in pieces: a word broken over many lines is put together once, not once a line.
  let pieces: string[] = [];
  const finish = () => {
    if (pieces.length > 0) out.push(pieces.join(''));
  };
  for (const line of lines) {
    const last = pieces.at(-1);
    if (last !== undefined && /\p{Ll}-$/u.test(last.slice(-3)) && /^\p{Ll}/u.test(line)) {
      const space = line.indexOf(' ');
      pieces[pieces.length - 1] = last.slice(0, -1);
      pieces.push(space < 0 ? line : line.slice(0, space));
      if (space < 0) continue;
      finish();
      pieces = [line.slice(space + 1)];
    } else {
      finish();
      pieces = [line];
    }
  }
  finish();
  return out;
}

/** Lines longer than this are a whole section run together by the exporter, not a paragraph. */
const RUN_TOGETHER_LENGTH = 1000;

/**
 * Some exports put several numbered paragraphs on one line ("… true record.
 * 5. Reports. 5.1 Chairman's Report. …"); each number after a sentence starts a line again.
 */
export function splitRunTogetherLines(lines: string[]): string[] {
  return lines.flatMap((line) =>
    line.length < RUN_TOGETHER_LENGTH
      ? [line]
      : line.split(/(?<=[.!?:;)]\s+)(?=\d{1,2}(?:\.\d{1,2}){0,2}\.?\s+\p{Lu})/u).map((part) => part.trim()),
  );
}

/**
 * "6\. Finance. 6.1 Accounts. Accounts for approval …": an item's own sub-numbers run
 * into its heading line; each starts a line again, as in the rest of the minutes.
 */
export function splitRunInSubItems(lines: string[]): string[] {
  return lines.flatMap((line) => {
    const top = /^(\d{1,2})\.\s/.exec(line)?.[1];
    return top
      ? line.split(new RegExp(String.raw`(?<=[.:]\s+)(?=${top}\.\d{1,2}(?:\.\d{1,2})?\s+\p{Lu})`, 'u')).map((part) => part.trim())
      : [line];
  });
}

/**
 * Which lines are page numbers. A number alone on its line is one only when it behaves like
 * one: it opens a page (right after a page break, or under a one-line running header such as
 * "The City Record"; a bold number only right after the break, as some exports print it), or,
 * in plain, it continues the page sequence (one more than the last page number) between lines
 * of text, neither in a run of numbers nor a few lines after the last page number, and no page
 * further on opens with that number. Anywhere else it is a figure of a table or list ("Family
 * Hub", "10", "Total", "97") and is kept.
 */
export function pageNumberLines(lines: readonly string[]): Set<number> {
  const filled = lines.flatMap((line, i) => (line === '' ? [] : [i]));
  const at = (k: number) => lines[filled[k] ?? -1] ?? '';
  const isBreak = (k: number) => PAGE_BREAK.test(at(k));
  const opensPage = (k: number, bold: boolean) => isBreak(k - 1) || (!bold && isBreak(k - 2) && !LONE_NUMBER.test(at(k - 1)));
  const opening = new Map<number, number>();
  filled.forEach((_, k) => {
    const found = PAGE_NUMBER.exec(at(k));
    if (found && opensPage(k, Boolean(found[1]))) opening.set(Number(found[2]), k);
  });
  const pages = new Set<number>();
  let last = { value: 0, k: -MIN_PAGE_LINES };
  filled.forEach((i, k) => {
    const found = PAGE_NUMBER.exec(at(k));
    if (!found) return;
    const value = Number(found[2]);
    const bold = Boolean(found[1]);
    const betweenText = !LONE_NUMBER.test(at(k - 1)) && !LONE_NUMBER.test(at(k + 1));
    const inSequence =
      !bold && betweenText && value === last.value + 1 && k - last.k >= MIN_PAGE_LINES && !((opening.get(value) ?? -1) > k);
    if (opensPage(k, bold) || inSequence) {
      pages.add(i);
      last = { value, k };
    }
  });
  return pages;
}

const TABLE_ROW = /^\|.*\|$/;

/** A markdown table is a block of its own: blank lines around it, or it reads as a paragraph's text. */
function separateTables(lines: readonly string[]): string[] {
  return lines.flatMap((line, i) => {
    const row = TABLE_ROW.test(line);
    const before = row && i > 0 && lines[i - 1] !== '' && !TABLE_ROW.test(lines[i - 1] as string);
    const after = row && i + 1 < lines.length && lines[i + 1] !== '' && !TABLE_ROW.test(lines[i + 1] as string);
    return [...(before ? [''] : []), line, ...(after ? [''] : [])];
  });
}

/** Cleans extracted text into trimmed lines; blank lines mark paragraph breaks. */
export function cleanText(raw: string): string[] {
  const trimmed = normaliseCharacters(raw)
    .split('\n')
    .map((line) => line.replace(BULLET_AT_START, '- ').replace(/ {2,}/g, ' ').trim());
  const pageNumbers = pageNumberLines(trimmed);
  const lines = trimmed.filter((line, i) => !PAGE_FURNITURE.test(line) && !pageNumbers.has(i));
  const collapsed = separateTables(joinHyphenatedWords(splitRunInSubItems(splitRunTogetherLines(undoDoubleSpacing(lines)))));
  // Keep at most one blank line in a row, none at either end.
  return collapsed
    .filter((line, i) => line !== '' || (i > 0 && collapsed[i - 1] !== ''))
    .join('\n')
    .trim()
    .split('\n');
}

/** How many lines' plain text is remembered: every heading rule reads each line, so each is made plain once. */
const PLAIN_LINES_KEPT = 10_000;
const plainLines = new Map<string, string>();

/** A line without markdown emphasis, heading marks or surrounding spaces: what a reader sees. */
export function plainLine(line: string): string {
  let plain = plainLines.get(line);
  if (plain === undefined) {
    plain = line
      .replace(/^#{1,6}\s+/, '')
      .replace(/(\*\*|__|\*|_)/g, '')
      .replace(/\s+/g, ' ')
      .trim();
    if (plainLines.size >= PLAIN_LINES_KEPT) plainLines.clear();
    plainLines.set(line, plain);
  }
  return plain;
}

/** Joins lines into running text, for patterns that span PDF line breaks. */
export function runningText(lines: readonly string[]): string {
  return lines.map(plainLine).filter(Boolean).join(' ');
}

/** Splits running text into sentences, not after titles and initials ("Cllr. D. Jones"). */
export function sentences(text: string): string[] {
  return text.split(/(?<=(?<!\b(?:Cllrs?|Mr|Mrs|Ms|Dr|No|St|Co|Rev|\p{Lu}))[.!?])\s+(?=[\p{Lu}“"[])/u);
}
