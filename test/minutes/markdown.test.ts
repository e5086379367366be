import assert from 'node:assert/strict';
import * as cheerio from 'cheerio';
import { paragraphsOf, renderMinutesBody } from '../../server/minutes/markdown.js';

describe('renderMinutesBody', () => {
  it('escapes raw HTML and refuses script links', () => {
    const html = renderMinutesBody('<script>alert(1)</script>\n\n[click](javascript:alert(1))');
    const $ = cheerio.load(html);
    assert.equal($('script').length, 0);
    assert.equal($('a[href^="javascript"]').length, 0);
    assert.match($.text(), /<script>alert\(1\)<\/script>/);
  });

  it('starts headings at h3 so the page keeps one h1', () => {
    const $ = cheerio.load(renderMinutesBody('# Minutes\n\n## Decision\n\nThe Committee noted the report.'));
    assert.deepEqual(
      $('h1, h2, h3, h4')
        .map((_, heading) => heading.tagName)
        .get(),
      ['h3', 'h4'],
    );
    assert.equal($('p').attr('class'), 'govuk-body');
  });
});

describe('paragraphsOf', () => {
  it('anchors numbered paragraphs by their number and others by position', () => {
    const paragraphs = paragraphsOf(
      '# Minutes\n\n6.4 The officer explained.\n\n76. Apologies were received.\n\nA plain paragraph.\n\n- 6.4 again, in a list',
    );
    assert.deepEqual(
      paragraphs.map(({ anchor, number }) => [anchor, number]),
      [
        ['para-1', undefined],
        ['p-6-4', '6.4'],
        ['p-76', '76'],
        ['para-4', undefined],
        ['p-6-4-copy-2', '6.4'],
      ],
    );
    assert.equal(paragraphs[1]?.text, '6.4 The officer explained.');
  });

  it('does not take a sentence that starts with a number for a numbered paragraph', () => {
    assert.equal(paragraphsOf('120 houses were approved.')[0]?.number, undefined);
  });

  it("keeps a paragraph's words as read: links, emphasis and escapes removed, spaces folded", () => {
    const [paragraph] = paragraphsOf('6\\.4 **The officer**  explained\nthe [report](https://example.org/r.pdf) and `S106`.');
    assert.equal(paragraph?.text, '6.4 The officer explained the report and S106.');
    assert.equal(paragraph?.anchor, 'p-6-4');
  });

  it('drops single * and _ emphasis, as a reader sees it, but keeps a lone asterisk, snake_case and escapes', () => {
    const text = (source: string) => paragraphsOf(source)[0]?.text;
    assert.equal(
      text(
        '*“Has there been an increase in domestic violence in Limerick during* *Covid-19? Has the lack of*\n*appropriate accommodation hindered you?”.*',
      ),
      '“Has there been an increase in domestic violence in Limerick during Covid-19? Has the lack of appropriate accommodation hindered you?”.',
    );
    assert.equal(
      text('_Resolved:_ that the *report* be noted (see _Appendix A_).'),
      'Resolved: that the report be noted (see Appendix A).',
    );
    assert.equal(
      text('Cost 2 * 3 units from budget_code_7 and \\*starred\\* lines.'),
      'Cost 2 * 3 units from budget_code_7 and *starred* lines.',
    );
  });

  it('renders a table of the minutes as a GOV.UK table, each row a passage that search finds and links to', () => {
    const source = 'Payments:\n\n| Date | Item | Net |\n| --- | --- | --- |\n| 30/09/2014 | Electricity | 31.03 |\n\nCarried.';
    const $ = cheerio.load(renderMinutesBody(source));
    const passages = paragraphsOf(source);
    assert.deepEqual(
      passages.map((passage) => passage.text),
      ['Payments:', 'Date | Item | Net', '30/09/2014 | Electricity | 31.03', 'Carried.'],
    );
    assert.deepEqual(
      passages.map((passage) => $(`#${passage.anchor}`).prop('tagName')?.toLowerCase()),
      ['p', 'tr', 'tr', 'p'],
    );
    assert.equal($('.archive-table-scroll[tabindex="0"] > table.govuk-table').length, 1, 'in a box that scrolls on a phone');
    assert.equal($('th.govuk-table__header').length, 3);
    assert.equal($('td.govuk-table__cell').length, 3);
    assert.deepEqual(
      $('table th')
        .map((_, cell) => $(cell).text())
        .get(),
      ['Date', 'Item', 'Net'],
    );
    assert.deepEqual(
      $('table td')
        .map((_, cell) => $(cell).text())
        .get(),
      ['30/09/2014', 'Electricity', '31.03'],
    );
  });

  it('gives each rendered paragraph, even in a tight list, the anchor a hit links to', () => {
    const source = '6.4 The officer explained.\n\n- 6.5 A point in a list';
    const $ = cheerio.load(renderMinutesBody(source));
    assert.deepEqual(
      paragraphsOf(source).map((paragraph) => $(`#${paragraph.anchor}`).length),
      [1, 1],
    );
  });
});
