import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_TOPICS_FILE } from '../../server/convert/assign-topics.js';
import { convertSources } from '../../server/convert/convert-sources.js';
import { MAX_SOURCE_BYTES } from '../../server/convert/read-source.js';

describe('convertSources', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'convert-sources-'));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });
  const kentMinutes = (input: string) =>
    convertSources({
      inputs: [input],
      outDir: path.join(dir, 'out'),
      manifest: new Map(),
      flags: { council: 'Kent County Council' },
      topicsFile: DEFAULT_TOPICS_FILE,
    });

  it('skips a source over the size limit, naming it, and converts the rest', async () => {
    await fs.mkdir(path.join(dir, 'in'));
    // A sparse file: its size is past the limit without writing 20 MB.
    const big = await fs.open(path.join(dir, 'in', 'scanned.pdf'), 'w');
    await big.truncate(MAX_SOURCE_BYTES + 1);
    await big.close();
    await fs.writeFile(
      path.join(dir, 'in', 'minutes.txt'),
      'MINUTES of a meeting of the Cabinet held on 1 May 2024.\n1.\nApologies\nNone.\n2.\nMinutes\nRESOLVED that the minutes be signed.\n',
    );
    const summary = await kentMinutes(path.join(dir, 'in'));
    assert.equal(summary.filesSkipped, 1);
    assert.equal(summary.filesRead, 1);
    assert.ok(summary.itemsWritten >= 2);
    const warning = summary.warnings.find((w) => w.file === 'scanned.pdf');
    assert.match(warning?.message ?? '', /20\.0 MB, over the 20 MB limit for one source/);
  });

  it('counts the items written as Part 2', async () => {
    await fs.writeFile(
      path.join(dir, 'minutes.txt'),
      'MINUTES of a meeting of the Cabinet held on 1 May 2024.\n1.\nApologies\nNone.\n2.\nLand at Station Road (EXEMPT)\nThis item contained exempt information as defined in paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972.\n',
    );
    const summary = await kentMinutes(path.join(dir, 'minutes.txt'));
    assert.equal(summary.exemptItems, 1);
  });

  it('gives the items of a second source of the same meeting ids that add its name, the items otherwise the same', async () => {
    const minutes =
      'MINUTES of a meeting of the Cabinet held on 1 May 2024.\n1.\nApologies\nNone.\n2.\nMinutes\nRESOLVED that the minutes be signed.\n';
    await fs.mkdir(path.join(dir, 'in'));
    await fs.writeFile(path.join(dir, 'in', 'a.txt'), minutes);
    await fs.writeFile(path.join(dir, 'in', 'b-copy.txt'), minutes);
    const summary = await kentMinutes(path.join(dir, 'in'));
    assert.match(
      summary.warnings.find((w) => w.file === 'b-copy.txt')?.message ?? '',
      /^a\.txt holds the same meeting \(kent-county-council-cabinet-2024-05-01\)/,
    );
    const files = (await fs.readdir(path.join(dir, 'out'), { recursive: true })).filter((file) => file.endsWith('.md')).sort();
    const read = async (file: string) => fs.readFile(path.join(dir, 'out', file), 'utf8');
    const first = files.filter((file) => !file.includes('b-copy'));
    const second = files.filter((file) => file.includes('b-copy'));
    assert.equal(summary.itemsWritten, files.length);
    assert.equal(second.length, first.length);
    assert.ok(first.length >= 2);
    for (const [k, file] of second.entries()) {
      const text = await read(file);
      assert.match(text, /^id: kent-county-council-cabinet-2024-05-01-b-copy-(?:opening|item-\d+)$/m);
      assert.match(text, /^meeting_id: kent-county-council-cabinet-2024-05-01-b-copy$/m);
      const withoutIds = (item: string) => item.replace(/^(?:id|meeting_id): .*$/gm, '');
      assert.equal(withoutIds(text), withoutIds(await read(first[k]!)), file);
    }
  });

  it('reads a folder mixing every format: text, PDF, Word, ModernGov XML and pages, and reports what holds no minutes', async () => {
    const formats = path.join(import.meta.dirname, '..', 'fixtures', 'convert', 'formats');
    await fs.cp(formats, path.join(dir, 'in'), { recursive: true });
    // A file that is not what its name says is refused, never written.
    await fs.copyFile(path.join(formats, 'newbiggin-pc-2019-09-03.docx'), path.join(dir, 'in', 'mislabelled.txt'));
    // A folder's notes are no minutes: reported, never written as items.
    await fs.copyFile(path.join(formats, '..', 'README.md'), path.join(dir, 'in', 'README.md'));
    const summary = await convertSources({
      inputs: [path.join(dir, 'in')],
      outDir: path.join(dir, 'out'),
      manifest: new Map(),
      flags: { council: 'Test Council' },
      topicsFile: DEFAULT_TOPICS_FILE,
    });
    const notConverted = summary.warnings.filter((w) => w.message.startsWith('not converted:')).map((w) => w.file);
    assert.deepEqual(notConverted.sort(), [
      'README.md',
      'birmingham-cmis-licensing-sub-a-2026-08-03.html',
      'leeds-getcouncillorsbyward-error-page.xml',
      'london-assembly-budget-performance-committee-meetings.html',
      'manchester-audit-committee-getmeeting-cancelled-2026-01-13.xml',
      'manchester-getcommittees.xml',
      'mislabelled.txt',
    ]);
    assert.equal(summary.filesRead, 5);
    assert.match(summary.warnings.find((w) => w.file === 'README.md')!.message, /a technical document, not minutes/);
    assert.match(
      summary.warnings.find((w) => w.file.startsWith('london-assembly'))!.message,
      /is a page of \d+ links \("London Assembly - Budget and Performance Committee meetings"\).*an index, not minutes/,
    );
    const written = (await fs.readdir(path.join(dir, 'out'), { recursive: true })).filter((file) => file.endsWith('.md'));
    const text = await Promise.all(written.map((file) => fs.readFile(path.join(dir, 'out', file), 'utf8')));
    // Each format's items, and nothing binary in any of them.
    for (const title of ['Register of Interests', 'Work Programme', 'Minutes of Previous Meeting', 'Apologies'])
      assert.ok(
        text.some((file) => file.includes(`title: ${title}`)),
        title,
      );
    assert.ok(text.some((file) => /meeting_time: "10:00"/.test(file) && /meeting_place: Council Antechamber/.test(file)));
    // eslint-disable-next-line no-control-regex -- finding binary bytes is the point
    assert.ok(!text.some((file) => /[\u0000-\u0008\uFFFD]/.test(file)));
    assert.ok(written.some((file) => file.includes('2019-09-03')) && written.some((file) => file.includes('2026-02-10')));
  });
});
