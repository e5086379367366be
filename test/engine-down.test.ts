import assert from 'node:assert/strict';
import * as cheerio from 'cheerio';
import request from 'supertest';
import { createApp } from '../server/app.js';
import { AUDIENCE_FILTERS } from '../server/search/access.js';
import { createArchiveSearch } from '../server/search/archive-search.js';
import { freePort } from '../server/search/embedded-meili.js';
import { createMeiliClient } from '../server/search/meili-client.js';
import { TEST_SESSION_SECRET } from './support/archive.js';
import { testClient, uniqueIndexUid } from './support/engine.js';

describe('when the engine is unreachable or the index missing', () => {
  async function appWithoutEngine() {
    const client = createMeiliClient({ url: `http://127.0.0.1:${await freePort()}`, apiKey: 'unused-key-0123456789' });
    const search = createArchiveSearch(client, 'minutes', AUDIENCE_FILTERS.public);
    return createApp({ searchFor: () => search, sessionSecret: TEST_SESSION_SECRET, logError: () => undefined });
  }

  it('answers the API with 503 JSON and no stack trace', async () => {
    const response = await request(await appWithoutEngine()).get('/api/search?q=housing').expect(503).expect('Content-Type', /json/);
    assert.match(response.body.error.message, /temporarily unavailable/);
    assert.doesNotMatch(response.text, /at .*\.ts:\d+/);
  });

  it('answers the pages with a 503 page', async () => {
    const app = await appWithoutEngine();
    const response = await request(app).get('/?q=housing').expect(503).expect('Content-Type', /html/);
    assert.match(cheerio.load(response.text)('h1').text(), /Search is unavailable/);
    await request(app).get('/items/any-item').expect(503);
  });

  it('says the archive is not indexed yet when the index is missing', async () => {
    const search = createArchiveSearch(testClient(), uniqueIndexUid('missing'), AUDIENCE_FILTERS.public);
    const app = createApp({ searchFor: () => search, sessionSecret: TEST_SESSION_SECRET, logError: () => undefined });
    const response = await request(app).get('/api/search').expect(503);
    assert.match(response.body.error.message, /not been indexed yet/);
  });
});
