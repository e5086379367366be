import assert from 'node:assert/strict';
import type { Express } from 'express';
import request from 'supertest';
import { CSV_COLUMNS, csvCell } from '../../../server/web/exports/csv.js';
import { archiveWith, officerAgent } from '../../support/archive.js';

const SECRET_WORD = 'zanzibarproperty';
const EXEMPT_ID = 'kent-2024-09-leaders-committee-exempt-item-3';

interface ExportItem {
  id: string;
  url: string;
  title: string;
  meeting_date: string | null;
  part: 1 | 2;
  exempt_paragraph: string | null;
  officers: { name?: string; role?: string }[];
  topics: string[];
  decisions: string[];
  body: string;
  source_url: string | null;
  content_hash: string | null;
  ingested_at: string | null;
}
interface JsonExport {
  search: { url: string; q: string };
  generated_at: string;
  items: ExportItem[];
  count: number;
}

/** RFC 4180, read independently of the writer: quoted cells may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') [cell, i] = [cell + '"', i + 1];
      else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') [row, cell] = [[...row, cell], ''];
    else if (char === '\r' && text[i + 1] === '\n') {
      rows.push([...row, cell]);
      [row, cell, i] = [[], '', i + 1];
    } else cell += char;
  }
  return rows;
}

describe('GET /api/export.json and /api/export.csv', () => {
  let app: Express;
  before(async () => {
    ({ app } = await archiveWith('content'));
  });

  const exportJson = async (query: string, agent = request(app)) =>
    (
      await agent
        .get(`/api/export.json?${query}`)
        .expect(200)
        .expect('Content-Type', /application\/json/)
    ).body as JsonExport;

  it('exports every match, newest meeting first and undated last, with its provenance', async () => {
    const answer = await exportJson('');
    assert.equal(answer.count, 8);
    assert.equal(answer.items.length, 8);
    assert.deepEqual(
      answer.items.map((item) => item.meeting_date),
      ['2025-02-06', '2024-09-10', '2024-07-16', '2021-11-04', '2021-06-14', '2019-03-12', '2016-05-19', null],
    );
    for (const item of answer.items) {
      if (item.part === 1) assert.match(item.content_hash ?? '', /^[0-9a-f]{64}$/, `${item.id} has the hash of its file`);
      assert.ok(item.ingested_at && !Number.isNaN(Date.parse(item.ingested_at)), `${item.id} has an ingest date`);
      assert.match(item.url, new RegExp(`^http://127\\.0\\.0\\.1:\\d+/items/${item.id}$`));
    }
    assert.ok(
      answer.items.some((item) => item.source_url === null),
      'a missing source is null, not invented',
    );
  });

  it('exports the same search as the page: words and filters', async () => {
    const answer = await exportJson('q=exclusions&council=Medway%20Council');
    assert.deepEqual(
      answer.items.map((item) => item.id),
      ['medway-2021-11-cyp-scrutiny-item-7'],
    );
    assert.equal(answer.search.q, 'exclusions');
    assert.match(answer.search.url, /\/\?q=exclusions&council=Medway\+Council$/);
    assert.deepEqual(answer.items[0]?.officers, [
      { name: 'Ann James', role: "Director of Children's Services" },
      { role: 'Head of Early Help and Targeted Services' },
    ]);
  });

  it('exports an OR search as the result list finds it: items matching either word, each once', async () => {
    const q = 'help OR housing'; // both words in the undated Manordeilo item
    const listed = (await request(app).get('/api/search').query({ q, per_page: 100 }).expect(200)).body.hits.map(
      (hit: { id: string }) => hit.id,
    );
    const exported = (await exportJson(`q=${encodeURIComponent(q)}`)).items.map((item) => item.id);
    assert.deepEqual(exported, [
      'kent-2025-02-cyp-scrutiny-item-4',
      'medway-2024-07-cabinet-item-12',
      'medway-2021-11-cyp-scrutiny-item-7',
      'medway-2019-03-cabinet-item-5',
      'manordeilo-community-council-item-3',
    ]);
    assert.deepEqual([...exported].sort(), [...listed].sort(), 'the same items as the result list');
    const { text } = await request(app).get('/api/export.csv').query({ q }).expect(200);
    assert.deepEqual(
      parseCsv(text.slice(1))
        .slice(1)
        .map((row) => row[0]),
      exported,
    );
  });

  it('writes CSV with a header, quoted cells and one row per item', async () => {
    const response = await request(app)
      .get('/api/export.csv?topic=early%20help')
      .expect(200)
      .expect('Content-Type', /text\/csv/);
    assert.match(response.headers['content-disposition'] ?? '', /attachment; filename="?minutes-archive-export\.csv/);
    assert.ok(response.text.startsWith('\uFEFF'), 'a byte-order mark, for spreadsheets');
    const [header, ...rows] = parseCsv(response.text.slice(1));
    assert.deepEqual(header, CSV_COLUMNS);
    assert.equal(rows.length, 4);
    const at = (row: string[] | undefined, column: string) => row?.[CSV_COLUMNS.indexOf(column as (typeof CSV_COLUMNS)[number])];
    const medway = rows.find((row) => at(row, 'id') === 'medway-2021-11-cyp-scrutiny-item-7');
    assert.equal(at(medway, 'topics'), 'early help; school exclusions; school attendance');
    assert.equal(at(medway, 'officers'), "Ann James (Director of Children's Services); Head of Early Help and Targeted Services");
    assert.match(at(medway, 'body') ?? '', /partnership support between schools and the Council/);
    assert.match(at(medway, 'body') ?? '', /\n/, 'line breaks survive inside a quoted cell');
  });

  it('keeps cells from running as spreadsheet formulas', () => {
    assert.equal(csvCell('=HYPERLINK("http://evil.example")'), `"'=HYPERLINK(""http://evil.example"")"`);
    assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(csvCell(['a', 'b, c']), '"a; b, c"');
    assert.equal(csvCell(null), '');
  });

  it('exports a Part 2 item only as its public stub, and never its words', async () => {
    for (const format of ['csv', 'json']) {
      for (const query of [
        '',
        `q=${SECRET_WORD}`,
        `q=${SECRET_WORD}%20OR%20housing`,
        'officer=Morgan%20Hale',
        'topic=property%20acquisition',
        `committee=${encodeURIComponent("Leader's Committee")}`,
      ]) {
        const response = await request(app).get(`/api/export.${format}?${query}`).expect(200);
        // The JSON repeats the search it answers; only the items could leak.
        const text = format === 'json' ? JSON.stringify((response.body as JsonExport).items) : response.text;
        assert.doesNotMatch(text, new RegExp(SECRET_WORD, 'i'), `${format} ${query}`);
        assert.doesNotMatch(
          text,
          /Morgan Hale|Head of Property|property acquisition|terms set out in the exempt report/,
          `${format} ${query}`,
        );
      }
    }
    const stub = (await exportJson(`committee=${encodeURIComponent("Leader's Committee")}`)).items;
    assert.deepEqual(
      stub.map((item) => [item.id, item.title, item.part, item.exempt_paragraph]),
      [[EXEMPT_ID, 'Exempt item: Property acquisition', 2, '3']],
    );
    assert.deepEqual([stub[0]?.body, stub[0]?.officers, stub[0]?.decisions], ['', [], []]);
    assert.equal(stub[0]?.content_hash, null, 'no hash that would confirm a guess at the withheld text');
    const [header, row] = parseCsv(
      (
        await request(app)
          .get(`/api/export.csv?q=${encodeURIComponent('property acquisition')}`)
          .expect(200)
      ).text.slice(1),
    );
    assert.equal(row?.[header?.indexOf('content_hash') ?? -1], '');
    const alternatives = await exportJson(`q=${SECRET_WORD}%20OR%20pothole`);
    assert.deepEqual(
      alternatives.items.map((item) => item.id),
      ['manordeilo-2021-06-community-council-item-8'],
      'an alternative of withheld words finds nothing',
    );
  });

  it('exports the full record to a signed-in officer (so the test above can fail)', async () => {
    const agent = await officerAgent(app);
    const answer = await exportJson(`q=${SECRET_WORD}`, agent);
    assert.deepEqual(
      answer.items.map((item) => item.id),
      [EXEMPT_ID],
    );
    assert.match(answer.items[0]?.body ?? '', new RegExp(SECRET_WORD));
    assert.match(answer.items[0]?.content_hash ?? '', /^[0-9a-f]{64}$/);
  });

  it('answers a bad parameter with 400 before sending anything', async () => {
    const response = await request(app).get('/api/export.csv?from=2019-02-31').expect(400).expect('Content-Type', /json/);
    assert.equal(response.body.error.parameter, 'from');
  });
});
