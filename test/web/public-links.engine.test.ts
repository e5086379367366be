import assert from 'node:assert/strict';
import type { Express } from 'express';
import request from 'supertest';
import { absoluteUrl } from '../../server/web/urls.js';
import { archiveWith, officerAgent } from '../support/archive.js';

/** Every family of answers that holds links: pages, API, exports, feed. */
const ROUTES = [
  '/',
  '/?q=exclusions',
  '/items/medway-2021-11-cyp-scrutiny-item-7',
  '/items/kent-2024-09-leaders-committee-exempt-item-3',
  '/councils',
  '/councils/Medway%20Council',
  '/topics/early%20help',
  '/api',
  '/api/search?q=exclusions',
  '/api/items/medway-2021-11-cyp-scrutiny-item-7',
  '/api/export.csv',
  '/api/export.json',
  '/api/feed.atom',
  '/sign-in',
  '/items/no-such-item',
];

describe('absolute links', () => {
  describe('without PUBLIC_URL', () => {
    let app: Express;
    before(async () => {
      ({ app } = await archiveWith('content'));
    });

    it('never take the host from the request, for anyone', async () => {
      const officer = await officerAgent(app);
      for (const agent of [request(app), officer]) {
        for (const route of ROUTES) {
          const response = await agent.get(route).set('Host', 'evil.example').set('X-Forwarded-Host', 'evil.example');
          assert.ok([200, 404].includes(response.status), `${route} gave ${response.status}`);
          assert.doesNotMatch(response.text, /evil\.example/, route);
        }
      }
    });

    it("are built on the server's own address", async () => {
      const { body } = await request(app).get('/api/export.json?q=exclusions').set('Host', 'evil.example').expect(200);
      assert.match(body.search.url, /^http:\/\/127\.0\.0\.1:\d+\/\?q=exclusions$/);
      const feed = await request(app).get('/api/feed.atom').set('Host', 'evil.example').expect(200);
      assert.match(feed.text, /<id>http:\/\/127\.0\.0\.1:\d+\/api\/feed\.atom<\/id>/);
    });
  });

  it('write an IPv6 address in brackets, and an IPv4 one mapped into IPv6 plainly', () => {
    const on = (localAddress: string) => absoluteUrl({ app: { locals: {} }, socket: { localAddress, localPort: 3000 } }, '/items/x');
    assert.equal(on('::1'), 'http://[::1]:3000/items/x');
    assert.equal(on('::ffff:10.0.0.5'), 'http://10.0.0.5:3000/items/x');
  });

  describe('with PUBLIC_URL', () => {
    it('are built on it, whatever the request says', async () => {
      const { app } = await archiveWith('content', { publicUrl: 'https://minutes.example.org/' });
      const { body } = await request(app).get('/api/export.json?q=exclusions').set('Host', 'evil.example').expect(200);
      assert.equal(body.search.url, 'https://minutes.example.org/?q=exclusions');
      assert.ok(body.items.every((item: { url: string }) => item.url.startsWith('https://minutes.example.org/items/')));
    });
  });
});
