import assert from 'node:assert/strict';
import * as cheerio from 'cheerio';
import type { Express } from 'express';
import request from 'supertest';
import { CSV_COLUMNS } from '../../../server/web/exports/csv.js';
import { archiveWith } from '../../support/archive.js';

describe('GET /api (API page)', () => {
  let app: Express;
  before(async () => {
    ({ app } = await archiveWith('content'));
  });

  it('documents every export field and gives examples that work', async () => {
    const response = await request(app).get('/api').expect(200).expect('Content-Type', /html/);
    const $ = cheerio.load(response.text);
    assert.equal($('h1').text(), 'Using the archive from your own programs');
    const fields = $('table')
      .last()
      .find('tbody th code')
      .map((_, code) => $(code).text())
      .get();
    assert.deepEqual(fields, CSV_COLUMNS);
    const examples =
      $('pre code')
        .text()
        .match(/http:\/\/[^\s']+/g) ?? [];
    assert.equal(examples.length, 4);
    for (const example of examples)
      await request(app)
        .get(new URL(example).pathname + new URL(example).search)
        .expect(200);
  });
});
