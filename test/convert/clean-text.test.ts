import assert from 'node:assert/strict';
import { cleanText } from '../../server/convert/clean-text.js';
import { fixture } from './support.js';

describe('cleanText', () => {
  it('drops a page number printed in bold under the page separator, keeping bold figures of a table', () => {
    // 0836 (Limerick) ends a page with "---" and prints the next page's number in bold; 1164 prints a reply's table in bold.
    const page = cleanText(
      'support for culture in Limerick in making a bid for the European Capital of Culture.\n---\n**2**\n\nHe stated that the European Capital of Culture initiative was one of the most\n',
    );
    assert.deepEqual(page, [
      'support for culture in Limerick in making a bid for the European Capital of Culture.',
      '',
      'He stated that the European Capital of Culture initiative was one of the most',
    ]);
    const table = cleanText(
      '**Temporary Contracts**\n\n**21**\n\n**0**\n\n**13**\n\n**4**\n\nOn the 21 HAP we don’t have the specific details in relation to families.\n',
    );
    assert.ok(table.includes('**13**') && table.includes('**4**'));
  });

  it('drops the page number under a page break, keeping the figures of a table around it', () => {
    // 1158 (Limerick): the families table runs across the break to page 7; its last row is "Twin Oaks Family Hub | Family Hub | 13 | 15".
    const text = cleanText(fixture('limerick-family-hub-table.txt')).join(' ');
    assert.match(text, /Families 62 80 Accommodation Families - 49 Twin Oaks Family Hub Family Hub 13 15$/);
    assert.match(text, /Family Emergency accommodation 6 12 Families - 6/);
  });

  it('keeps a figure that would continue the page numbers when a later page opens with that number', () => {
    // 1558 (Limerick): page 9's table ends "Twin Oaks Hub | Family Hub | 10 | Total | 70"; page 10 opens further on.
    const lines = cleanText(fixture('limerick-hub-figure-after-page.txt'));
    assert.match(lines.join(' '), /Twin Oaks Hub Family Hub 10 Total 70/);
    assert.ok(!lines.includes('9') && lines.at(-1) !== '10');
  });
});
