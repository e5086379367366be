import assert from 'node:assert/strict';
import { countItems, documentsChanged, indexedContentOf, staleFingerprints, type Fingerprint } from '../../server/ingest/fingerprints.js';

const full = (
  id: string,
  source_path: string,
  content_hash = `hash-${source_path}`,
  source_stamp = `stamp-${source_path}`,
): Fingerprint => ({
  id,
  item_id: id.replace(/_restricted$/, ''),
  source_path,
  content_hash,
  source_stamp,
});
/** A Part 2 item's public stub: no hash, no stamp. */
const stub = (id: string, source_path: string): Fingerprint => ({ id, item_id: id, source_path });

describe('ingest fingerprints', () => {
  it('groups what the index holds by source file, with the hash and stamp of the full record', () => {
    const { files, states } = indexedContentOf([stub('x', 'x.md'), full('x_restricted', 'x.md'), full('y', 'y.md')]);
    assert.deepEqual(files.get('x.md'), { itemId: 'x', ids: ['x', 'x_restricted'], hash: 'hash-x.md', stamp: 'stamp-x.md' });
    assert.deepEqual(files.get('y.md'), { itemId: 'y', ids: ['y'], hash: 'hash-y.md', stamp: 'stamp-y.md' });
    assert.deepEqual(
      [...states],
      [
        ['x', ' x.md'],
        ['x_restricted', 'hash-x.md x.md'],
        ['y', 'hash-y.md y.md'],
      ],
    );
  });

  it('does not trust a file whose documents disagree, so it is read again', () => {
    const { files } = indexedContentOf([
      full('a', 'two-items.md'),
      full('b', 'two-items.md'),
      full('c', 'two-hashes.md', 'one'),
      full('c_restricted', 'two-hashes.md', 'other'),
      full('d', 'two-stamps.md', 'same', 'one'),
      full('d_restricted', 'two-stamps.md', 'same', 'other'),
    ]);
    assert.deepEqual([...files.keys()], []);
  });

  it('leaves a file with only a stub indexed without a hash, so it is read', () => {
    const { files } = indexedContentOf([stub('x', 'x.md')]);
    assert.deepEqual(files.get('x.md'), { itemId: 'x', ids: ['x'] });
  });

  it('takes documents as changed when their hash or their path differs from what the index holds', () => {
    const { states } = indexedContentOf([full('a', 'a.md')]);
    assert.equal(documentsChanged([full('a', 'a.md')], states), false);
    assert.equal(documentsChanged([full('a', 'a.md', 'new')], states), true);
    assert.equal(documentsChanged([full('a', 'moved/a.md', 'hash-a.md')], states), true, 'the same bytes at another path');
    assert.equal(documentsChanged([full('a', 'a.md'), full('a_restricted', 'a.md')], states), true, 'one new document sends them all');
  });

  it('finds the documents no usable file holds, keeping those of files that exist but are unusable', () => {
    const indexed = [full('kept', 'kept.md'), full('gone', 'gone.md'), stub('broken', 'broken.md'), full('broken_restricted', 'broken.md')];
    const stale = staleFingerprints(indexed, { ids: new Set(['kept']), unusablePaths: new Set(['broken.md']) });
    assert.deepEqual(
      stale.map((entry) => entry.id),
      ['gone'],
    );
  });

  it('counts an exempt item, stub and full record, as one item', () => {
    assert.equal(countItems([stub('x', 'x.md'), full('x_restricted', 'x.md'), full('y', 'y.md')]), 2);
  });
});
