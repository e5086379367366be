import assert from 'node:assert/strict';
import { compactVectors, decodeVectors, encodeVectors } from '../../server/query/word-vectors.js';

// Rows as the package stores them: the vector, then its length and the word's position.
const source = {
  dimensions: 3,
  words: ['the', 'council', 'beacon', 'orphan'],
  vectors: {
    the: [3, 0, 4, 5, 0],
    council: [0, -2, 0, 2, 1],
    beacon: [1, 1, 1, 1.7, 2],
  } as Record<string, number[]>,
};

describe('word vectors', () => {
  it('keeps the most common words that have a vector, each scaled to length 1 and stored in a byte a value', () => {
    const vectors = compactVectors(source, 2);
    assert.deepEqual(
      [...vectors.rows],
      [
        ['the', 0],
        ['council', 1],
      ],
    );
    assert.equal(vectors.sourceWords, 4, 'frequency ranks are of the whole list');
    const row = (at: number) => [0, 1, 2].map((d) => ((vectors.values[at * 3 + d] as number) * (vectors.scales[at] as number)) / 127);
    row(0).forEach((value, d) => assert.ok(Math.abs(value - [0.6, 0, 0.8][d]!) < 0.01, `the, dimension ${d}: ${value}`));
    assert.deepEqual(row(1), [0, -1, 0], 'the length and position stored after each vector are not part of it');
  });

  it('reads back what it writes, and names a file it cannot read', () => {
    const vectors = compactVectors(source);
    const again = decodeVectors(encodeVectors(vectors), 'vectors.bin');
    assert.deepEqual([...again.rows], [...vectors.rows]);
    assert.deepEqual([...again.values], [...vectors.values]);
    assert.deepEqual([...again.scales], [...vectors.scales]);
    assert.equal(again.dimensions, 3);
    assert.throws(() => decodeVectors(Buffer.from('not vectors\n'), 'broken.bin'), /broken\.bin: not a word-vector file/);
    const whole = encodeVectors(vectors);
    assert.throws(() => decodeVectors(whole.subarray(0, whole.length - 2), 'short.bin'), /short\.bin: truncated/);
  });
});
