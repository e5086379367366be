import assert from 'node:assert/strict';
import { cleanText } from '../../scripts/convert/clean-text.js';

describe('cleanText', () => {
  it('drops a page number printed in bold under the page separator, keeping bold figures of a table', () => {
    // 0836 (Limerick) ends a page with "---" and prints the next page's number in bold; 1164 prints a reply's table in bold.
    const page = cleanText('support for culture in Limerick in making a bid for the European Capital of Culture.\n---\n**2**\n\nHe stated that the European Capital of Culture initiative was one of the most\n');
    assert.deepEqual(page, ['support for culture in Limerick in making a bid for the European Capital of Culture.', '', 'He stated that the European Capital of Culture initiative was one of the most']);
    const table = cleanText('**Temporary Contracts**\n\n**21**\n\n**0**\n\n**13**\n\n**4**\n\nOn the 21 HAP we don’t have the specific details in relation to families.\n');
    assert.ok(table.includes('**13**') && table.includes('**4**'));
  });
});
