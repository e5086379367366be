import assert from 'node:assert/strict';
import { ContentClaims } from '../../server/ingest/claims.js';
import type { FileWarning, IngestReporter, SkippedFile } from '../../server/ingest/reporter.js';

/** A reporter that keeps what it is told. */
function listeningReporter() {
  const told = { skipped: [] as SkippedFile[], warned: [] as FileWarning[] };
  const reporter: IngestReporter = {
    progress: () => undefined,
    skipped: (entry) => told.skipped.push(entry),
    warned: (entry) => told.warned.push(entry),
  };
  return { told, reporter };
}

describe('ContentClaims', () => {
  it('gives an item id to the first file that claims it and skips a later one, naming the first', () => {
    const { told, reporter } = listeningReporter();
    const claims = new ContentClaims({ files: ['a.md', 'b.md'], ignored: [] }, reporter);
    assert.equal(claims.claim('a.md', { itemId: 'item-1', ids: ['item-1'], sent: true }), true);
    assert.equal(claims.claim('b.md', { itemId: 'item-1', ids: ['item-1'], sent: true }), false);
    const { snapshot } = claims;
    assert.deepEqual([snapshot.items, snapshot.sent], [1, 1]);
    assert.deepEqual(snapshot.skipped, [{ file: 'b.md', reason: 'field "id" "item-1" is already used by a.md' }]);
    assert.deepEqual([...snapshot.unusablePaths], ['b.md'], 'what was indexed from the later file stays');
    assert.deepEqual(told.skipped, snapshot.skipped);
  });

  it('keeps what was indexed from a file that cannot be used, and not from an entry that is no markdown file', () => {
    const { told, reporter } = listeningReporter();
    const claims = new ContentClaims(
      { files: ['bad.md'], ignored: [{ file: 'link.md', reason: 'is a symbolic link; links are not followed' }] },
      reporter,
    );
    claims.reject('bad.md', 'is empty');
    assert.deepEqual(
      claims.snapshot.skipped.map((entry) => entry.file),
      ['link.md', 'bad.md'],
    );
    assert.deepEqual([...claims.snapshot.unusablePaths], ['bad.md']);
    assert.deepEqual(told.skipped, claims.snapshot.skipped);
    assert.equal(claims.snapshot.files, 1);
  });

  it('counts every claimed item and its document ids, and only the sent ones as sent', () => {
    const claims = new ContentClaims({ files: ['a.md', 'b.md'], ignored: [] }, listeningReporter().reporter);
    claims.claim('a.md', { itemId: 'a', ids: ['a', 'a_restricted'], sent: false });
    claims.claim('b.md', { itemId: 'b', ids: ['b'], sent: true });
    assert.deepEqual([claims.snapshot.items, claims.snapshot.sent], [2, 1]);
    assert.deepEqual([...claims.snapshot.ids], ['a', 'a_restricted', 'b']);
  });

  it('tells the warnings of a claimed file, not of one skipped as a duplicate, and counts items made exempt', () => {
    const { told, reporter } = listeningReporter();
    const claims = new ContentClaims({ files: ['a.md', 'b.md'], ignored: [] }, reporter);
    claims.claim('a.md', { itemId: 'a', ids: ['a'], sent: true, warnings: ['field "part" is missing'], madeExempt: true });
    claims.claim('b.md', { itemId: 'a', ids: ['a'], sent: true, warnings: ['field "x" is odd'], madeExempt: true });
    assert.deepEqual(claims.snapshot.warnings, [{ file: 'a.md', message: 'field "part" is missing' }]);
    assert.deepEqual(told.warned, claims.snapshot.warnings);
    assert.equal(claims.snapshot.madeExempt, 1);
  });
});
