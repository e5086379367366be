import assert from 'node:assert/strict';
import path from 'node:path';
import { readSource } from '../../scripts/convert/read-source.js';

describe('readSource', () => {
  it('reads the text layer of a PDF', async () => {
    const text = await readSource(path.join(import.meta.dirname, '..', 'fixtures', 'convert', 'printed-minutes.pdf'));
    assert.match(text, /Minutes of the meeting held on 9th January 2025/);
    assert.match(text, /84\. Apologies/);
  });
});
