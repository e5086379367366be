import assert from 'node:assert/strict';
import path from 'node:path';
import { DEFAULT_TOPICS_FILE, loadTopics } from '../../server/convert/assign-topics.js';
import { convertDocument, convertSource } from '../../server/convert/convert-document.js';
import { embeddedHtmlToText, readSource, sourceText } from '../../server/convert/read-source.js';
import { cleanText } from '../../server/convert/clean-text.js';
import { fixture } from './support.js';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'convert');

describe('readSource', () => {
  it('reads the text layer of a PDF', async () => {
    const text = sourceText(await readSource(path.join(import.meta.dirname, '..', 'fixtures', 'convert', 'printed-minutes.pdf')));
    assert.match(text, /Minutes of the meeting held on 9th January 2025/);
    assert.match(text, /84\. Apologies/);
  });

  it('keeps the reading that found minutes in a text, which converts as the text itself does', async () => {
    const topics = await loadTopics(DEFAULT_TOPICS_FILE);
    for (const file of [
      'formats/newbiggin-pc-2019-09-03.docx',
      'formats/milburn-pc-2019-11-12.pdf',
      'stoke-ferry-labels.txt',
      'west-dereham-sub-items.txt',
    ]) {
      const source = await readSource(path.join(FIXTURES, file));
      assert.equal(source.kind, 'text', file);
      if (source.kind !== 'text') continue;
      assert.deepEqual(source.reading.lines, cleanText(source.text), file);
      assert.ok(source.reading.document.items.length > 1, file);
      const facts = { council: 'Test Council' };
      assert.deepEqual(convertSource(source, file, facts, topics), convertDocument(source.text, file, facts, topics), file);
    }
  });
});

describe('embeddedHtmlToText', () => {
  it('turns a table of payments copied from a web page into a markdown table, apart from the text around it', () => {
    // 0650 (Stoke Ferry): "To approve payments to be made", one line of HTML in the text.
    const lines = cleanText(embeddedHtmlToText(fixture('stoke-ferry-payments-table.txt')));
    const header = lines.indexOf('| Date | Item | Chq/DD | Net | VAT | Gross |');
    assert.ok(header > 0, lines.join('\n'));
    assert.equal(lines[header - 1], '', 'a blank line before the table');
    assert.equal(lines[header + 1], '| --- | --- | --- | --- | --- | --- |');
    assert.ok(
      lines.includes('| 30/09/2014 | H Brett & Son: Renovation of war memorial | Chq | 1650.00 | 330.00 | 1980.00 |'),
      'entities decoded',
    );
    const total = lines.indexOf('| | Total | | 2372.62 | 371.68 | 2744.30 |');
    assert.deepEqual(lines.slice(total + 1, total + 3), [
      '',
      'Balances at 30 September 2014: Community Account £2,554.52; Business Saver Account £12,544.36.',
    ]);
    assert.ok(!lines.some((line) => /<\/?\w+[^>]*>/.test(line)), 'no markup left');
  });

  it('gives a table that lays out the minutes a line per cell, so their items can be found', () => {
    // 0524 (Wretton, 11 July 2011): the whole of the minutes in a two-column table.
    const lines = embeddedHtmlToText(fixture('wretton-layout-table.txt')).split('\n');
    assert.equal(lines[0], 'MINUTES OF WRETTON PARISH COUNCIL MEETING HELD AT THE CHURCH MONDAY 11th JULY 2011');
    assert.ok(lines.includes('5.1 Lime House Drove'));
    assert.ok(lines.some((line) => line.startsWith('4. Co-option of new Councillors')));
    assert.ok(lines.includes('Clerk to send letter'), 'the action column is a line of its own');
  });

  it('leaves text without markup as it is, and keeps an autolink', () => {
    const plain = 'Minutes\n\nThe clerk <clerk@example.org> reported that 3 < 4.\n';
    assert.equal(embeddedHtmlToText(plain), plain);
    assert.equal(
      embeddedHtmlToText('<p>Write to <mailto:clerk@example.org> by Friday.</p>\n\nNext line'),
      'Write to <mailto:clerk@example.org> by Friday.\n\nNext line',
    );
  });
});
