import assert from 'node:assert/strict';
import type { Express } from 'express';
import request from 'supertest';
import { archiveWith, OFFICER } from '../../support/archive.js';

const PUBLIC_ID = 'medway-2021-11-cyp-scrutiny-item-7';
const EXEMPT_ID = 'kent-2024-09-leaders-committee-exempt-item-3';
const SECRET_WORD = 'zanzibarproperty';

describe('GET /api/items/:id', () => {
  let app: Express;
  before(async () => {
    ({ app } = await archiveWith('content'));
  });

  it('answers a public item as JSON with its facts and text', async () => {
    const { body } = await request(app).get(`/api/items/${PUBLIC_ID}`).expect(200).expect('Content-Type', /json/);
    assert.equal(body.id, PUBLIC_ID);
    assert.equal(body.url, `/items/${PUBLIC_ID}`);
    assert.equal(body.council, 'Medway Council');
    assert.equal(body.meeting_date, '2021-11-04');
    assert.equal(body.part, 1);
    assert.match(body.body, /exclusions/);
    assert.ok(Array.isArray(body.decisions));
    assert.match(body.content_hash, /^[0-9a-f]{64}$/, 'the same provenance as an export');
    for (const internal of ['visibility', 'source_path', 'source_stamp', 'paragraphs', 'officer_labels'])
      assert.equal(internal in body, false, internal);
  });

  it('gives an anonymous user only the stub of a Part 2 item, never its text', async () => {
    const { body } = await request(app).get(`/api/items/${EXEMPT_ID}`).expect(200);
    assert.equal(body.part, 2);
    assert.equal(body.body, '');
    assert.deepEqual([body.officers, body.topics, body.decisions], [[], [], []]);
    assert.doesNotMatch(JSON.stringify(body), new RegExp(SECRET_WORD, 'i'));
  });

  it('gives a signed-in officer the Part 2 item in full, under its own id', async () => {
    const agent = request.agent(app);
    await agent
      .post('/sign-in')
      .type('form')
      .send({ ...OFFICER, return_to: '/' })
      .expect(303);
    const { body } = await agent.get(`/api/items/${EXEMPT_ID}`).expect(200);
    assert.equal(body.id, EXEMPT_ID);
    assert.match(JSON.stringify(body), new RegExp(SECRET_WORD, 'i'));
  });

  it('answers 404 as JSON for an unknown or malformed id', async () => {
    const missing = await request(app).get('/api/items/no-such-item').expect(404).expect('Content-Type', /json/);
    assert.equal(missing.body.error.status, 404);
    await request(app).get('/api/items/..%2Fetc').expect(404);
    await request(app).get(`/api/items/${EXEMPT_ID}_restricted`).expect(404);
  });
});
