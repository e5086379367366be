import assert from 'node:assert/strict';
import path from 'node:path';
import { HOSTILE_FRAGMENTS } from '../../server/bench/hostile-text.js';
import { convertSpeedReport, measureConvertSpeed } from '../../server/bench/convert-speed.js';

describe('convert speed', () => {
  it('logs a table row per hostile shape and times every source of the folder', async () => {
    const lines: string[] = [];
    const speed = await measureConvertSpeed({
      sizeMb: 0.001,
      corpusDir: path.join(import.meta.dirname, '..', 'fixtures', 'convert'),
      log: (line) => lines.push(line),
    });
    assert.equal(lines.length, 2 + Object.keys(HOSTILE_FRAGMENTS).length);
    assert.equal(lines[0], '| input | MB | s | s/MB | MB ×4: s | s/MB | time × |');
    assert.ok(
      lines.slice(2).every((line) => line.split(' | ').length === 7),
      lines.join('\n'),
    );
    assert.ok(speed.files > 0 && speed.bytes > 0);
  });

  it('reports the real minutes per MB, naming the slowest large file when there is one', () => {
    const speed = { files: 3, bytes: 3 * 1024 * 1024, seconds: 1.5 };
    assert.equal(convertSpeedReport(speed), 'Real minutes: 3 files, 3.0 MB of text in 1.5 s: 0.50 s/MB');
    assert.equal(
      convertSpeedReport({ ...speed, slowest: { file: 'big.txt', perMb: 1.234 } }),
      'Real minutes: 3 files, 3.0 MB of text in 1.5 s: 0.50 s/MB (slowest file over 64 KB: big.txt, 1.23 s/MB)',
    );
  });
});
