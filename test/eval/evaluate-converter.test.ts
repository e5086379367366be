import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { converterReport, evaluateConverter } from '../../server/eval/evaluate-converter.js';
import type { GoldMeeting } from '../../server/eval/score-conversion.js';
import { MINUTES } from './support.js';

describe('evaluateConverter', () => {
  let corpusDir: string;
  before(async () => {
    corpusDir = await fs.mkdtemp(path.join(os.tmpdir(), 'evaluate-converter-'));
    await fs.mkdir(path.join(corpusDir, 'minutes'));
    await fs.writeFile(path.join(corpusDir, 'minutes', 'm.txt'), MINUTES);
    await fs.writeFile(path.join(corpusDir, 'manifest.tsv'), 'file\tcouncil\nm.txt\tKent County Council\n');
    const gold: GoldMeeting = {
      file: 'm.txt',
      meeting_date: '2024-05-01',
      committee: 'Cabinet',
      // The gold splits the second item where the converter does not.
      items: [
        { number: '1', title: 'Declarations of Interest' },
        { number: '2', title: 'Land at Station Road' },
        { number: '3', title: 'Any other business' },
      ],
      // The gold names an officer the text does not.
      officers: [
        { name: 'Jane Brown', role: 'Director of Finance' },
        { name: 'Tom Green', role: 'Clerk' },
      ],
      resolutions: 2,
      declarations: null,
    };
    await fs.writeFile(path.join(corpusDir, 'gold-dev.jsonl'), `${JSON.stringify(gold)}\n`);
  });
  after(async () => {
    await fs.rm(corpusDir, { recursive: true, force: true });
  });

  it('tallies each field against the gold, logging a line per meeting and what it missed when verbose', async () => {
    const lines: string[] = [];
    const evaluation = await evaluateConverter({ corpusDir, verbose: true, log: (line) => lines.push(line) });
    assert.equal(evaluation.meetings.length, 1);
    assert.deepEqual(evaluation.tallies['item splits'], { matched: 2, predicted: 2, expected: 3 });
    assert.deepEqual(evaluation.tallies.decisions, { matched: 1, predicted: 1, expected: 2 });
    // A count the gold leaves out (null) is not scored.
    assert.deepEqual(evaluation.tallies.declarations, { matched: 0, predicted: 0, expected: 0 });
    assert.match(lines[0]!, /^Applied 0 of \d+ gold corrections from /);
    assert.deepEqual(lines.slice(-3), [
      'm.txt [A] dates 1/1/1 · committees 1/1/1 · item splits 2/2/3 · officers 1/1/2 · decisions 1/1/2 · declarations 0/0/0',
      '  missed: 3 Any other business',
      '  missed officer: Tom Green (Clerk)',
    ]);
  });

  it('reads the files kept in their own formats beside the corpus, by the council their manifest names', async () => {
    const formatsDir = await fs.mkdtemp(path.join(os.tmpdir(), 'evaluate-converter-formats-'));
    try {
      await fs.mkdir(path.join(formatsDir, 'html'));
      const page = `<html><body><nav>Home | Search</nav><main>${MINUTES.split('\n')
        .map((line) => `<p>${line}</p>`)
        .join('')}</main></body></html>`;
      await fs.writeFile(path.join(formatsDir, 'html', 'm.html'), page);
      await fs.writeFile(path.join(formatsDir, 'manifest.tsv'), 'file\tcouncil\nm.html\tMedway Council\n');
      const gold: GoldMeeting = {
        file: 'html/m.html',
        meeting_date: '2024-05-01',
        committee: 'Cabinet',
        items: [
          { number: '1', title: 'Declarations of Interest' },
          { number: '2', title: 'Land at Station Road' },
        ],
        officers: [],
        resolutions: 1,
        declarations: 1,
      };
      await fs.writeFile(path.join(formatsDir, 'gold-dev.jsonl'), `${JSON.stringify(gold)}\n`);
      const evaluation = await evaluateConverter({ corpusDir, formatsDir, verbose: false, log: () => undefined });
      assert.deepEqual(
        evaluation.meetings.map(({ file, council, format }) => ({ file, council, format })),
        [
          { file: 'm.txt', council: 'Kent County Council', format: 'txt' },
          { file: 'html/m.html', council: 'Medway Council', format: 'html' },
        ],
      );
      assert.deepEqual(evaluation.meetings[1]!.tallies['item splits'], { matched: 2, predicted: 2, expected: 2 });
      // One meeting of each council: the folds take one each.
      assert.deepEqual(evaluation.meetings.map((m) => m.fold).sort(), ['A', 'B']);
      const report = converterReport(evaluation).split('\n');
      assert.ok(report.some((line) => /^fold A\s+1\s/.test(line)));
      assert.ok(report.some((line) => /^Medway Council\s+1\s/.test(line)));
      assert.ok(report.some((line) => /^html\s+1\s+100\.0\/100\.0/.test(line)));
    } finally {
      await fs.rm(formatsDir, { recursive: true, force: true });
    }
  });

  it('reports precision and recall per field, a field with nothing to find counting as found', async () => {
    const report = converterReport(await evaluateConverter({ corpusDir, verbose: false, log: () => undefined }));
    assert.deepEqual(report.split('\n').slice(0, 8), [
      `Converter against 1 hand-checked meetings (${path.join(corpusDir, 'gold-dev.jsonl')})`,
      'field          precision  recall  matched/predicted/expected',
      'dates           100.0%   100.0%  1/1/1',
      'committees      100.0%   100.0%  1/1/1',
      'item splits     100.0%    66.7%  2/2/3',
      'officers        100.0%    50.0%  1/1/2',
      'decisions       100.0%    50.0%  1/1/2',
      'declarations    100.0%   100.0%  0/0/0',
    ]);
  });
});
