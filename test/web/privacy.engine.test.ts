import assert from 'node:assert/strict';
import * as cheerio from 'cheerio';
import type { Express } from 'express';
import request from 'supertest';
import type { IngestSummary } from '../../server/ingest/sync-index.js';
import { audienceTokens } from '../../server/query/search-access.js';
import { archiveWith, OFFICER, officerAgent } from '../support/archive.js';
import { testClient, testEngine } from '../support/engine.js';

const EXEMPT_ID = 'kent-2024-09-leaders-committee-exempt-item-3';
const SECRET_WORD = 'zanzibarproperty';

describe('Part 2 (exempt) items', () => {
  let app: Express;
  let indexUid: string;
  before(async () => {
    ({ app, indexUid } = await archiveWith('content'));
  });

  describe('for an anonymous user', () => {
    it('shows that the item exists: title, meeting and exemption paragraph', async () => {
      const { body } = await request(app)
        .get(`/api/search?q=${encodeURIComponent('property acquisition')}`)
        .expect(200);
      const hit = body.hits.find((candidate: { id: string }) => candidate.id === EXEMPT_ID);
      assert.ok(hit, 'the stub is findable by its title');
      assert.equal(hit.part, 2);
      assert.equal(hit.snippet, '');
      assert.deepEqual([hit.officers, hit.topics], [[], []]);
    });

    it('never finds it by words from its withheld text, in hits, snippets or counts', async () => {
      const api = await request(app).get(`/api/search?q=${SECRET_WORD}`).expect(200);
      assert.equal(api.body.total, 0);
      assert.doesNotMatch(JSON.stringify(api.body), new RegExp(SECRET_WORD));
      const page = await request(app).get(`/?q=${SECRET_WORD}`).expect(200);
      assert.equal(cheerio.load(page.text)('.archive-hit').length, 0);
      const all = await request(app).get('/api/search?per_page=100').expect(200);
      assert.doesNotMatch(JSON.stringify(all.body), /Morgan Hale|property acquisition"|zanzibar/);
    });

    it('never counts it among the other values of a ticked facet in an OR search', async () => {
      const manordeilo = 'council=Manordeilo%20and%20Salem%20Community%20Council';
      const councils = await request(app)
        .get(`/api/search?q=${encodeURIComponent(`${SECRET_WORD} OR pothole`)}&${manordeilo}`)
        .expect(200);
      assert.deepEqual(councils.body.facets.council, { 'Manordeilo and Salem Community Council': 1 });
      const topics = await request(app)
        .get(`/api/search?q=${encodeURIComponent('property OR pothole')}&topic=highways`)
        .expect(200);
      assert.equal(topics.body.facets.topic['property acquisition'], undefined);
      assert.equal(topics.body.facets.topic.highways, 1);
    });

    it('cannot widen the filter with a crafted parameter', async () => {
      for (const crafted of ['x" OR visibility = "restricted', 'x\\" OR visibility = \\"restricted', ') OR (visibility = "restricted"']) {
        const { body } = await request(app)
          .get(`/api/search?council=${encodeURIComponent(crafted)}&q=${SECRET_WORD}`)
          .expect(200);
        assert.equal(body.total, 0, crafted);
      }
      const { body } = await request(app)
        .get(`/api/search?officer=${encodeURIComponent('Morgan Hale')}`)
        .expect(200);
      assert.equal(body.total, 0);
    });

    it('gets the stub, never the full record, from the item page and its restricted id', async () => {
      const page = await request(app).get(`/items/${EXEMPT_ID}`).expect(200);
      assert.doesNotMatch(page.text, new RegExp(`${SECRET_WORD}|Morgan Hale|terms set out`));
      await request(app).get(`/items/${EXEMPT_ID}_restricted`).expect(404);
    });

    it('is held back by the engine itself: the public token cannot reach restricted records', async () => {
      const { url } = testEngine();
      const tokens = await audienceTokens(testClient(), indexUid);
      const asPublic = { Authorization: `Bearer ${tokens.public}`, 'Content-Type': 'application/json' };
      const search = await fetch(`${url}/indexes/${indexUid}/search`, {
        method: 'POST',
        headers: asPublic,
        body: JSON.stringify({ q: SECRET_WORD, filter: 'visibility = "restricted" OR visibility = "public"' }),
      });
      assert.equal(search.status, 200);
      assert.equal(((await search.json()) as { hits: unknown[] }).hits.length, 0);
      const documents = await fetch(`${url}/indexes/${indexUid}/documents/${EXEMPT_ID}_restricted`, { headers: asPublic });
      assert.equal(documents.status, 403, 'a search token cannot read documents directly');
    });
  });

  describe('for a signed-in officer', () => {
    async function signedIn() {
      const agent = request.agent(app);
      await agent
        .post('/sign-in')
        .type('form')
        .send({ ...OFFICER, return_to: '/' })
        .expect(303)
        .expect('Location', '/');
      return agent;
    }

    it('finds the full record and shows it in full', async () => {
      const agent = await signedIn();
      const { body } = await agent.get(`/api/search?q=${SECRET_WORD}`).expect(200);
      assert.deepEqual(
        body.hits.map((hit: { id: string }) => hit.id),
        [EXEMPT_ID],
      );
      const page = await agent.get(`/items/${EXEMPT_ID}`).expect(200);
      assert.match(page.text, new RegExp(SECRET_WORD));
      assert.match(page.text, /Morgan Hale/);
      assert.match(cheerio.load(page.text)('.archive-header__account').text(), /Signed in as clerk/);
    });

    it('sees its values among the other values of a ticked facet in an OR search', async () => {
      const agent = await signedIn();
      const manordeilo = 'council=Manordeilo%20and%20Salem%20Community%20Council';
      const councils = await agent.get(`/api/search?q=${encodeURIComponent(`${SECRET_WORD} OR pothole`)}&${manordeilo}`).expect(200);
      assert.equal(councils.body.facets.council['Kent County Council'], 1);
      const topics = await agent.get(`/api/search?q=${encodeURIComponent('property OR pothole')}&topic=highways`).expect(200);
      assert.equal(topics.body.facets.topic['property acquisition'], 1);
    });

    it('does not see an exempt item twice', async () => {
      const { body } = await (await signedIn()).get(`/api/search?committee=${encodeURIComponent("Leader's Committee")}`).expect(200);
      assert.equal(body.total, 1);
    });

    it('loses access on signing out', async () => {
      const agent = await signedIn();
      await agent.post('/sign-out').expect(303);
      const { body } = await agent.get(`/api/search?q=${SECRET_WORD}`).expect(200);
      assert.equal(body.total, 0);
    });

    it('is refused with a wrong password, and given no session', async () => {
      const response = await request(app).post('/sign-in').type('form').send({ username: OFFICER.username, password: 'wrong' }).expect(401);
      assert.equal(response.headers['set-cookie'], undefined);
    });

    it('is never sent to another site after signing in', async () => {
      const agent = request.agent(app);
      await agent
        .post('/sign-in')
        .type('form')
        .send({ ...OFFICER, return_to: '//evil.example/' })
        .expect(303)
        .expect('Location', '/');
    });

    it('cannot be signed in from another site', async () => {
      await request(app).post('/sign-in').set('Origin', 'https://evil.example').type('form').send(OFFICER).expect(403);
    });

    it('cannot be signed in from the same host under another scheme or port', async () => {
      const from = (origin: string) =>
        request(app).post('/sign-in').set('Host', 'minutes.example').set('Origin', origin).type('form').send(OFFICER);
      await from('https://minutes.example').expect(403);
      await from('http://minutes.example:8080').expect(403);
      await from('http://minutes.example').expect(303);
    });

    it('can be signed in from PUBLIC_URL, which a proxy in front may serve over HTTPS', async () => {
      const { app: proxied } = await archiveWith('content', { publicUrl: 'https://minutes.example.org/' });
      await request(proxied).post('/sign-in').set('Origin', 'https://minutes.example.org').type('form').send(OFFICER).expect(303);
    });

    it('cannot be signed in from an opaque origin, and answers 403 rather than failing', async () => {
      await request(app).post('/sign-in').set('Origin', 'null').type('form').send(OFFICER).expect(403);
    });

    it('lets browsers send its own origin with its forms (Referrer-Policy same-origin)', async () => {
      await request(app).get('/sign-in').expect('Referrer-Policy', 'same-origin');
    });
  });
});

describe('Part 2 items marked by a slip in their front matter', () => {
  let app: Express;
  let summary: IngestSummary;
  before(async () => {
    ({ app, summary } = await archiveWith('exemption-signs'));
  });

  const warningsFor = (file: string) => summary.warnings.filter((entry) => entry.file === file).map((entry) => entry.message);
  const SLIPS = ['paragraph-without-part', 'capital-part', 'misspelt-part', 'exempt-key', 'confidential-key', 'quoted-merge-key'];

  it('are kept from the public when any sign of exemption shows and no part is given', async () => {
    for (const word of ['slipparagraph', 'slipcapital', 'slipmisspelt', 'slipexempt', 'slipconfidential', 'slipmerge', 'slipquoted']) {
      const { body } = await request(app).get(`/api/search?q=${word}`).expect(200);
      assert.equal(body.total, 0, word);
    }
    const { body } = await request(app).get('/api/search?per_page=100').expect(200);
    const stubs = body.hits.filter((hit: { part: number }) => hit.part === 2).map((hit: { id: string }) => hit.id);
    assert.deepEqual(stubs.sort(), [...SLIPS, 'merge-key'].sort());
  });

  it('are found in full by a signed-in officer', async () => {
    const agent = await officerAgent(app);
    const { body } = await agent.get('/api/search?q=slipcapital').expect(200);
    assert.deepEqual(
      body.hits.map((hit: { id: string }) => hit.id),
      ['capital-part'],
    );
  });

  it('are counted, and each named with the key that made it exempt', () => {
    assert.equal(summary.madeExempt, SLIPS.length);
    assert.deepEqual(warningsFor('capital-part.md'), [
      'field "Part" is not known; did you mean "part"?',
      'field "part" is not given, but "Part" suggests the item is exempt: it is kept private as Part 2; write part: 1 if it is public',
    ]);
    assert.match(warningsFor('paragraph-without-part.md').join('\n'), /"exempt_paragraph" suggests the item is exempt/);
  });

  it('stay public when part: 1 is given, with a warning, and unknown keys are named', async () => {
    for (const word of ['publicdespitesign', 'publicmisspelt'])
      assert.equal((await request(app).get(`/api/search?q=${word}`).expect(200)).body.total, 1, word);
    assert.match(
      warningsFor('part-one-with-sign.md').join('\n'),
      /field "part" is 1, so the item is public, although "exempt" suggests it is exempt/,
    );
    assert.deepEqual(warningsFor('misspelt-field.md'), ['field "commitee" is not known; did you mean "committee"?']);
  });
});
