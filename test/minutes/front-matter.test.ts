import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { FrontMatterLanguageError, parseFrontMatter } from '../../server/minutes/front-matter.js';

describe('parseFrontMatter', () => {
  let dir: string;
  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'minutes-archive-front-matter-'));
  });
  after(() => fs.rm(dir, { recursive: true, force: true }));

  it('reads YAML front matter, with or without its language named', () => {
    for (const opening of ['---', '---yaml', '--- yaml ']) {
      assert.deepEqual(
        parseFrontMatter(`${opening}\nid: a-1\ntitle: T\n---\nText.`),
        { data: { id: 'a-1', title: 'T' }, body: 'Text.' },
        opening,
      );
    }
  });

  it('refuses every other language, whatever its case or spacing, and runs none of it', async () => {
    const ran = path.join(dir, 'ran');
    const payload = `{ id: 'x', council: 'C', title: (require('fs').writeFileSync(${JSON.stringify(ran)}, 'ran'), 'T') }`;
    for (const opening of [
      '---js',
      '---javascript',
      '---JS',
      '--- JavaScript ',
      '---json',
      '---coffee',
      '---cson',
      '---yml',
      '---YAML',
      '---toml',
      '---constructor',
    ]) {
      assert.throws(
        () => parseFrontMatter(`${opening}\n${payload}\n---\nText.`),
        (error) => {
          assert.ok(error instanceof FrontMatterLanguageError, opening);
          assert.equal(error.language, opening.slice(3).trim());
          return true;
        },
      );
      assert.throws(
        () => parseFrontMatter(`\uFEFF${opening}\r\n${payload}\r\n---\r\nText.`),
        FrontMatterLanguageError,
        `${opening} after a byte-order mark`,
      );
    }
    await assert.rejects(fs.access(ran), { code: 'ENOENT' });
  });

  it('takes a merge key as YAML means it, so the part it brings in counts', () => {
    const { data } = parseFrontMatter('---\nshared: &shared\n  part: 2\nid: a-1\n<<: *shared\n---\nText.');
    assert.equal(data.part, 2);
    assert.equal('<<' in data, false);
  });
});
