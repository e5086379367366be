import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as cheerio from 'cheerio';
import request from 'supertest';
import { createApp } from '../../server/web/app.js';
import { AUDIENCE_FILTERS } from '../../server/index/visibility.js';
import { createArchiveSearch } from '../../server/query/archive-search.js';
import { freePort } from '../../server/engine/embedded-meili.js';
import { createMeiliClient } from '../../server/engine/meili-client.js';
import { TEST_SESSION_SECRET } from '../support/archive.js';
import { testClient, uniqueIndexUid } from '../support/engine.js';

describe('when the engine is unreachable or the index missing', () => {
  async function appWithoutEngine() {
    const client = createMeiliClient({ url: `http://127.0.0.1:${await freePort()}`, apiKey: 'unused-key-0123456789' });
    const search = createArchiveSearch(client, 'minutes', AUDIENCE_FILTERS.public);
    return createApp({ searchFor: () => search, sessionSecret: TEST_SESSION_SECRET, logError: () => undefined });
  }

  it('answers the API with 503 JSON and no stack trace', async () => {
    const response = await request(await appWithoutEngine())
      .get('/api/search?q=housing')
      .expect(503)
      .expect('Content-Type', /json/);
    assert.match(response.body.error.message, /temporarily unavailable/);
    assert.doesNotMatch(response.text, /at .*\.ts:\d+/);
  });

  it('answers the pages with a 503 page', async () => {
    const app = await appWithoutEngine();
    const response = await request(app).get('/?q=housing').expect(503).expect('Content-Type', /html/);
    assert.match(cheerio.load(response.text)('h1').text(), /Search is unavailable/);
    await request(app).get('/items/any-item').expect(503);
  });

  /** An app whose engine is a loopback server answering every request with `answer`, the client giving up after 300 ms. */
  async function appWithEngine(answer: http.RequestListener) {
    const engine = http.createServer(answer);
    await new Promise<void>((resolve) => engine.listen(0, '127.0.0.1', resolve));
    const client = createMeiliClient(
      { url: `http://127.0.0.1:${(engine.address() as AddressInfo).port}`, apiKey: 'unused-key-0123456789' },
      300,
    );
    const search = createArchiveSearch(client, 'minutes', AUDIENCE_FILTERS.public);
    const app = createApp({ searchFor: () => search, sessionSecret: TEST_SESSION_SECRET, logError: () => undefined });
    const close = () => {
      engine.closeAllConnections();
      return new Promise((resolve) => engine.close(resolve));
    };
    return { app, close };
  }

  it('answers 503 when the engine times out: its own 408, a request given up on, a connection dropped', async () => {
    const answers: Record<string, http.RequestListener> = {
      'the engine answers 408': (_req, res) =>
        res.writeHead(408, { 'Content-Type': 'application/json' }).end('{"message":"Request Timeout"}'),
      'the engine answers 408 with no body': (_req, res) => res.writeHead(408).end(),
      'a proxy answers 504 with its own page': (_req, res) =>
        res.writeHead(504, { 'Content-Type': 'text/html' }).end('<html><body>504 Gateway Time-out</body></html>'),
      'the engine never answers': () => undefined,
      'the engine drops the connection': (req) => req.socket.destroy(),
    };
    for (const [what, answer] of Object.entries(answers)) {
      const { app, close } = await appWithEngine(answer);
      try {
        const api = await request(app).get('/api/search?q=housing');
        assert.equal(api.status, 503, `${what}: /api/search gave ${api.status}`);
        assert.match(api.body.error.message, /temporarily unavailable/);
        const page = await request(app).get('/?q=housing');
        assert.equal(page.status, 503, `${what}: the page gave ${page.status}`);
      } finally {
        await close();
      }
    }
  });

  it('says the archive is not indexed yet when the index is missing', async () => {
    const search = createArchiveSearch(testClient(), uniqueIndexUid('missing'), AUDIENCE_FILTERS.public);
    const app = createApp({ searchFor: () => search, sessionSecret: TEST_SESSION_SECRET, logError: () => undefined });
    const response = await request(app).get('/api/search').expect(503);
    assert.match(response.body.error.message, /not been indexed yet/);
  });
});
