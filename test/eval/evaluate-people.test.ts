import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { evaluatePeople, nameForm, peopleReport } from '../../server/eval/evaluate-people.js';
import { readJsonLines } from '../../server/eval/json-lines.js';
import { JUDGED_MERGES_FILE, type JudgedMerge } from '../../server/eval/evaluate-people.js';

const meeting = (date: string, present: string) =>
  [
    `MINUTES of a meeting of the Cabinet held on ${date}.`,
    `PRESENT: ${present}`,
    'IN ATTENDANCE: Ms J Brown (Director of Finance)',
    'UNRESTRICTED ITEMS',
    '1.',
    'Land at Station Road',
    'RESOLVED that the land be sold.',
    '',
  ].join('\n');

describe('evaluatePeople', () => {
  let corpusDir: string;
  before(async () => {
    corpusDir = await fs.mkdtemp(path.join(os.tmpdir(), 'evaluate-people-'));
    await fs.mkdir(path.join(corpusDir, 'minutes'));
    await fs.writeFile(
      path.join(corpusDir, 'minutes', 'a.txt'),
      meeting('1 May 2024', 'Mrs H Marsh (Chairman), Mr J Smith and Mr A Jones'),
    );
    await fs.writeFile(path.join(corpusDir, 'minutes', 'b.txt'), meeting('5 June 2024', 'Mrs Helen Marsh, Mr J Smith and Mr P Smith'));
    await fs.writeFile(path.join(corpusDir, 'manifest.tsv'), 'file\tcouncil\na.txt\tKent County Council\nb.txt\tKent County Council\n');
    await fs.writeFile(
      path.join(corpusDir, 'gold-dev.jsonl'),
      [
        { file: 'a.txt', members_present: 3 },
        { file: 'b.txt', members_present: 4 },
      ]
        .map((line) => JSON.stringify(line))
        .join('\n'),
    );
    await fs.writeFile(
      path.join(corpusDir, 'judged.jsonl'),
      `${JSON.stringify({ council: 'Kent County Council', forms: ['H Marsh', 'Helen Marsh'], same: false, why: 'made up, to see a wrong merge counted' })}\n`,
    );
  });
  after(async () => {
    await fs.rm(corpusDir, { recursive: true, force: true });
  });

  it('counts the people made of each hand-checked meeting’s list, and scores the merges judged', async () => {
    const evaluation = await evaluatePeople({ corpusDir, judgedFile: path.join(corpusDir, 'judged.jsonl') });
    assert.equal(evaluation.goldPresent, 7);
    assert.equal(evaluation.listed, 6);
    assert.equal(evaluation.resolved, 6);
    assert.deepEqual(
      evaluation.merges.map((merge) => merge.forms),
      [['H Marsh', 'Helen Marsh']],
    );
    const report = peopleReport(evaluation);
    assert.match(report, /judged 1, right 0: precision of merges 0\.0%/);
    assert.match(report, /WRONG Kent County Council: H Marsh \+ Helen Marsh/);
  });
});

describe('nameForm', () => {
  it('keeps what tells people apart and leaves titles and punctuation out', () => {
    assert.equal(nameForm('Cllr. D. Butler'), 'D Butler');
    assert.equal(nameForm('Councillor Daniel Butler'), 'Daniel Butler');
    assert.equal(nameForm('Cllr Jerry O’Dea'), "Jerry O'Dea");
  });

  it('reads the archive’s judged merges, each with its reason', async () => {
    const judged = await readJsonLines<JudgedMerge>(JUDGED_MERGES_FILE);
    assert.ok(judged.length > 0);
    for (const merge of judged)
      assert.ok(merge.forms.length >= 2 && typeof merge.same === 'boolean' && merge.why.length > 0, JSON.stringify(merge));
  });
});
