import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { toSearchDocuments } from '../../server/index/search-document.js';
import { wordFamilies } from '../../server/index/synonyms.js';
import { parseMinutesFile } from '../../server/ingest/read-content.js';
import { FIXTURES } from '../support/archive.js';

describe('search_text', () => {
  const file = 'kent-2024-09-leaders-committee-exempt-item-3.md';
  const read = parseMinutesFile(fs.readFileSync(path.join(FIXTURES, 'content', file)));
  if (!read.ok) throw new Error(read.reason);
  const [stub, restricted] = toSearchDocuments(read.item, { path: file, contentHash: read.contentHash });
  const formsOf = (document: typeof stub) => (document?.search_text.at(-1) ?? '').split(' ');

  it('is the paragraphs, then the other forms of the words the record uses', () => {
    assert.ok(restricted);
    assert.deepEqual(restricted.search_text.slice(0, -1), restricted.paragraphs);
    // The body says "report", "acquisition" and "agreed"; their other forms are searched, the words themselves are not repeated.
    const forms = formsOf(restricted);
    for (const word of ['reports', 'acquisitions', 'agree']) {
      assert.ok(wordFamilies().get(word), `${word} is in the word-forms file`);
      assert.ok(forms.includes(word), word);
    }
    for (const word of ['report', 'acquisition', 'agreed']) assert.ok(!forms.includes(word), word);
  });

  it("of a Part 2 item's public stub holds its title's forms alone, nothing of the withheld text", () => {
    assert.equal(stub?.visibility, 'public');
    assert.deepEqual(stub?.paragraphs, []);
    assert.equal(stub?.search_text.length, 1);
    const forms = formsOf(stub);
    assert.ok(forms.includes('acquisitions'), 'from the title "Exempt item: Property acquisition"');
    // Forms of words only the withheld body uses ("report", "agreed", "presented"), which the restricted record holds.
    for (const word of ['reports', 'agree', 'present']) {
      assert.ok(formsOf(restricted).includes(word), word);
      assert.ok(!forms.includes(word), word);
    }
  });
});
