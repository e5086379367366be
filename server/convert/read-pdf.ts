import { getDocumentProxy } from 'unpdf';

/** A run of text on a PDF page, where it starts (x from the left, y up from the bottom) and how wide and tall it is. */
export interface TextRun {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Runs whose baselines are closer than this share a line (a fraction of the text's height). */
const SAME_LINE = 0.5;
/** A gap between lines this much taller than the page's usual spacing is a paragraph break. */
const PARAGRAPH_GAP = 1.4;
/** A gap within a line wider than this (in text heights) separates columns, not words. */
const COLUMN_GAP = 2;
/** A run starting this far across the page after a column gap is a note in the right-hand margin ("Noted", "Clerk"). */
const MARGIN_COLUMN = 0.62;
const MARGIN_NOTE_LENGTH = 40;

interface Line {
  y: number;
  height: number;
  runs: TextRun[];
}

/** Groups a page's runs into lines, top to bottom, each line's runs left to right. */
function groupLines(runs: readonly TextRun[]): Line[] {
  const sorted = runs.filter((run) => run.text.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  for (const run of sorted) {
    const line = lines.at(-1);
    if (line && Math.abs(line.y - run.y) <= Math.max(line.height, run.height, 1) * SAME_LINE) line.runs.push(run);
    else lines.push({ y: run.y, height: run.height, runs: [run] });
  }
  for (const line of lines) line.runs.sort((a, b) => a.x - b.x);
  return lines;
}

/**
 * One line's text, and the notes set in the right-hand margin (a minute's action column: "Clerk",
 * "Noted", "Cllr. J. Davies"), which are the margin's, not the sentence's. Runs far apart within
 * the main text (a table's columns) are joined by a space.
 */
function lineText(line: Line, pageWidth: number): { text: string; margin: string[] } {
  let text = '';
  const margin: string[] = [];
  let end = -Infinity;
  let inMargin = false;
  for (const run of line.runs) {
    const gap = run.x - end;
    const wide = gap > Math.max(run.height, 1) * COLUMN_GAP;
    if (wide && text.trim() !== '' && run.x >= pageWidth * MARGIN_COLUMN) inMargin = true;
    if (inMargin) {
      if (wide || margin.length === 0) margin.push(run.text.trim());
      else margin[margin.length - 1] = `${margin.at(-1)}${gap > run.height * 0.15 ? ' ' : ''}${run.text.trim()}`;
    } else {
      const space = text === '' || text.endsWith(' ') || run.text.startsWith(' ') || gap < run.height * 0.15 ? '' : ' ';
      text += space + run.text;
    }
    end = Math.max(end, run.x + run.width);
  }
  // A note longer than a few words is text that runs into the margin, not a note.
  if (margin.some((note) => note.length > MARGIN_NOTE_LENGTH)) return { text: `${text} ${margin.join(' ')}`.trim(), margin: [] };
  return { text: text.trim(), margin };
}

/** The text of one page as lines, a blank line where the gap between lines shows a new paragraph. */
export function pageText(runs: readonly TextRun[], pageWidth: number): string {
  const lines = groupLines(runs);
  const gaps = lines.slice(1).map((line, k) => lines[k]!.y - line.y);
  // The usual spacing is the median gap between lines; a page of one line has none.
  const usual = [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)] ?? Infinity;
  const out: string[] = [];
  let previous: Line | undefined;
  for (const line of lines) {
    if (previous && previous.y - line.y > Math.max(usual, previous.height) * PARAGRAPH_GAP) out.push('');
    const { text, margin } = lineText(line, pageWidth);
    if (text !== '') out.push(text);
    out.push(...margin);
    previous = line;
  }
  return out.join('\n');
}

/**
 * The text layer of a PDF, page by page, laid out from the runs' positions as a reader sees it:
 * a line per printed line, blank lines between paragraphs, margin notes on their own line, pages
 * separated by a form feed. Scanned pages without text come out empty (no OCR).
 */
export async function pdfToText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocumentProxy(bytes);
  const pages: string[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    const { width } = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const runs: TextRun[] = [];
    for (const item of content.items) {
      if (!('str' in item)) continue;
      const [, , , , x, y] = item.transform as number[];
      runs.push({ text: item.str, x: x!, y: y!, width: item.width, height: item.height });
    }
    pages.push(pageText(runs, width));
    page.cleanup();
  }
  await pdf.destroy();
  return pages.join('\n\f\n');
}
