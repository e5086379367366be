import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';

/** Raw HTML in the source is escaped, not passed through; links must be http(s) or relative. */
const markdown = new MarkdownIt({ html: false, linkify: true });
/**
 * Paragraphs need only the block structure: the inline source of each block is
 * read as plain text, so the inline rules (the larger share of parsing) are
 * not run when an item is indexed.
 */
const blockStructure = new MarkdownIt({ html: false });
blockStructure.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join']);

/** One block of an item's text, with the anchor that links straight to it. */
export interface Paragraph {
  /** `p-6-4` for a paragraph numbered 6.4 as published, else `para-N` by position. */
  anchor: string;
  /** The number as published ("6.4", "76"), when the paragraph starts with one. */
  number?: string;
  /** The words as a reader sees them. */
  text: string;
}

// "6.4 Text", "76. Text", "3) Text": a number that labels the paragraph, not one that starts a sentence.
const PARAGRAPH_NUMBER = /^\(?(\d{1,3}(?:\.\d{1,3}){1,3}|\d{1,3}(?=[.)]))[.)]?\s/;

const INLINE_MARKUP = /[[\\*_`]/;
// Emphasis delimiters as markdown reads them: * or _ opening a run (at the start, after a space, a
// bracket or a quote, before a word) or closing one; "2 * 3", snake_case and \* stay as written.
const EMPHASIS = /(^|[\s([{"'\u2018\u201c])[*_]+(?=[^\s*_])|(?<=[^\s*_\\])[*_]+(?=$|[\s)\]}.,;:!?"'\u2019\u201d])/g;

/** Markdown inline source to plain words: links, emphasis and escapes removed. */
export function plainInline(source: string): string {
  // Most paragraphs have no markup at all: one scan spares them the replacements (indexing time).
  const words = INLINE_MARKUP.test(source)
    ? source
        .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(EMPHASIS, '$1')
        .replace(/(\*\*|__|`)/g, '')
        .replace(/\\([\\`*_{}[\]()#+\-.!>])/g, '$1')
    : source;
  return words.replace(/\s+/g, ' ').trim();
}

/** A table row's words: its cells' text, empty cells left out. */
function rowText(tokens: Token[], rowAt: number): string {
  const cells: string[] = [];
  for (let next = rowAt + 1; tokens[next] && tokens[next]?.type !== 'tr_close'; next += 1) {
    if (tokens[next]?.type === 'inline') cells.push(plainInline(tokens[next]?.content ?? ''));
  }
  return cells.filter((cell) => cell !== '').join(' | ');
}

/**
 * The paragraph, heading and table-row blocks of a token stream, each with the
 * token that carries its anchor: in a tight list the paragraph is not
 * rendered, so the list item carries it. A table row is a passage of its own.
 */
function blocksOf(tokens: Token[]): { open: Token; paragraph: Paragraph }[] {
  const blocks: { open: Token; paragraph: Paragraph }[] = [];
  const used = new Set<string>();
  // "76. Apologies" parses as an ordered list starting at 76: the list item carries the number.
  let listNumber: string | undefined;
  let listItem: Token | undefined;
  tokens.forEach((token, position) => {
    if (token.type === 'list_item_open') {
      listNumber = token.info || undefined;
      listItem = token;
    }
    const row = token.type === 'tr_open';
    if (!row && token.type !== 'paragraph_open' && token.type !== 'heading_open') return;
    const words = row ? rowText(tokens, position) : plainInline(tokens[position + 1]?.content ?? '');
    if (words === '') return;
    // A row is never a numbered paragraph, and leaves a list's number to the paragraph it belongs to.
    const number = row ? undefined : (listNumber ?? PARAGRAPH_NUMBER.exec(words)?.[1]);
    const text = !row && listNumber ? `${listNumber}. ${words}` : words;
    if (!row) listNumber = undefined;
    let anchor = number ? `p-${number.replace(/\./g, '-')}` : `para-${blocks.length + 1}`;
    // A number published twice keeps both paragraphs reachable.
    for (let copy = 2; used.has(anchor); copy += 1) anchor = `p-${number?.replace(/\./g, '-')}-copy-${copy}`;
    used.add(anchor);
    blocks.push({ open: (token.hidden ? listItem : undefined) ?? token, paragraph: { anchor, ...(number ? { number } : {}), text } });
  });
  return blocks;
}

/** An item's text as paragraphs with anchors: what is searched, and what a hit links to. */
export function paragraphsOf(source: string): Paragraph[] {
  return blocksOf(blockStructure.parse(source, {})).map((block) => block.paragraph);
}

const CLASSES: Record<string, string> = {
  paragraph_open: 'govuk-body',
  bullet_list_open: 'govuk-list govuk-list--bullet',
  ordered_list_open: 'govuk-list govuk-list--number',
  table_open: 'govuk-table',
  thead_open: 'govuk-table__head',
  tbody_open: 'govuk-table__body',
  tr_open: 'govuk-table__row',
  th_open: 'govuk-table__header',
  td_open: 'govuk-table__cell',
  link_open: 'govuk-link',
};

/** The page already has its h1 and h2; headings in the minutes start at h3. */
const HEADING_OFFSET = 2;

markdown.core.ruler.push('archive_page_structure', (state) => {
  for (const { open, paragraph } of blocksOf(state.tokens)) open.attrSet('id', paragraph.anchor);
  for (const token of state.tokens) {
    const className = CLASSES[token.type];
    if (className) token.attrJoin('class', className);
    if (token.type === 'heading_open' || token.type === 'heading_close') {
      const level = Math.min(Number(token.tag.slice(1)) + HEADING_OFFSET, 6);
      token.tag = `h${level}`;
      if (token.type === 'heading_open') token.attrJoin('class', level === 3 ? 'govuk-heading-m' : 'govuk-heading-s');
    }
    for (const child of token.children ?? []) {
      const childClass = CLASSES[child.type];
      if (childClass) child.attrJoin('class', childClass);
    }
  }
});

// A wide table scrolls in a box of its own (focusable, so a keyboard can scroll it too).
markdown.renderer.rules.table_open = (tokens, index, options, _env, self) =>
  `<div class="archive-table-scroll" tabindex="0" role="region" aria-label="Table">${self.renderToken(tokens, index, options)}`;
markdown.renderer.rules.table_close = (tokens, index, options, _env, self) => `${self.renderToken(tokens, index, options)}</div>`;

/** Renders an agenda item's markdown body as HTML for the item page, each paragraph with its anchor. */
export function renderMinutesBody(source: string): string {
  return markdown.render(source);
}
