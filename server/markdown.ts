import MarkdownIt from 'markdown-it';

/** Raw HTML in the source is escaped, not passed through; links must be http(s) or relative. */
const markdown = new MarkdownIt({ html: false, linkify: true });

const CLASSES: Record<string, string> = {
  paragraph_open: 'govuk-body',
  bullet_list_open: 'govuk-list govuk-list--bullet',
  ordered_list_open: 'govuk-list govuk-list--number',
  table_open: 'govuk-table',
  link_open: 'govuk-link',
};

/** The page already has its h1 and h2; headings in the minutes start at h3. */
const HEADING_OFFSET = 2;

markdown.core.ruler.push('archive_page_structure', (state) => {
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

/** Renders an agenda item's markdown body as HTML for the item page. */
export function renderMinutesBody(source: string): string {
  return markdown.render(source);
}
