import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DEFAULT_TOPICS_FILE, loadTopics, type Topic } from '../../server/convert/assign-topics.js';
import { convertDocument } from '../../server/convert/convert-document.js';
import { checkRendered, renderItemFile } from '../../server/convert/write-items.js';
import { HOSTILE_FRAGMENTS } from '../../server/bench/hostile-text.js';

/**
 * The converter reads any text in time that grows with its size. These inputs took minutes when a
 * rule rescanned what it had read (a quadratic regular expression or loop); read once, they take
 * about a second, well inside the suite's timeout. Speed itself is measured by `npm run bench:convert`.
 */
describe('convertDocument on hostile text', () => {
  let topics: Topic[];
  before(async () => {
    topics = await loadTopics(DEFAULT_TOPICS_FILE);
  });
  const convert = (text: string) => convertDocument(text, 'hostile.txt', { council: 'Test Council' }, topics);

  it('reads a declaration whose sentence never ends (360 KB)', () => {
    const converted = convert(`Councillor Smith declared an interest ${'no '.repeat(120_000)}`);
    assert.deepEqual(
      converted.items[0]!.frontMatter.declarations.map((d) => d.slice(0, 38)),
      ['Councillor Smith declared an interest '],
    );
  });

  it('reads 20,000 lines of "ANY OTHER BUSINESS"', () => {
    const converted = convert('ANY OTHER BUSINESS\n'.repeat(20_000));
    assert.equal(converted.items.length, 20_000);
  });

  it('writes valid items from any mix of the shapes that rescan text, at a few hundred KB', () => {
    const fragment = fc.constantFrom(...Object.values(HOSTILE_FRAGMENTS));
    const document = fc
      .array(fc.tuple(fragment, fc.integer({ min: 1, max: 5_000 })), { minLength: 1, maxLength: 6 })
      .map((runs) => runs.map(([text, times]) => text.repeat(times)).join('\n'));
    fc.assert(
      fc.property(document, (text) => {
        for (const item of convert(text).items) assert.equal(checkRendered(renderItemFile(item)), undefined);
      }),
      { numRuns: 6, seed: 11 },
    );
  });
});
