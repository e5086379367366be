import assert from 'node:assert/strict';
import type { Express } from 'express';
import request from 'supertest';
import { archiveWith, officerAgent } from '../support/archive.js';

/** One address per route family; each answers differently to a signed-in officer. */
const ROUTES = [
  '/?q=exclusions',
  '/api/search?q=exclusions',
  '/api/items/medway-2021-11-cyp-scrutiny-item-7',
  '/api/export.csv?topic=early%20help',
  '/api/export.json?topic=early%20help',
  '/api/feed.atom?topic=early%20help',
  '/items/medway-2021-11-cyp-scrutiny-item-7',
  '/councils',
  '/councils/Medway%20Council',
  '/api',
  '/sign-in',
];

const varies = (response: request.Response) =>
  String(response.headers.vary ?? '')
    .split(/\s*,\s*/)
    .map((name) => name.toLowerCase());

describe('Cache-Control and Vary', () => {
  let app: Express;
  before(async () => {
    ({ app } = await archiveWith('content'));
  });

  it('lets anyone cache an anonymous answer for a while, keyed on the cookie', async () => {
    for (const route of ROUTES) {
      const response = await request(app).get(route).expect(200);
      assert.match(String(response.headers['cache-control']), /^public, max-age=[1-9]\d*$/, route);
      assert.ok(varies(response).includes('cookie'), `${route} varies on Cookie`);
    }
  });

  it('lets no one store an answer to a signed-in officer', async () => {
    const agent = await officerAgent(app);
    for (const route of ROUTES) {
      const response = await agent.get(route).expect(200);
      assert.equal(response.headers['cache-control'], 'private, no-store', route);
      assert.ok(varies(response).includes('cookie'), `${route} varies on Cookie`);
    }
  });

  it('lets no one store an answer to a request carrying a session cookie, even one no longer valid', async () => {
    const response = await request(app).get('/?q=exclusions').set('Cookie', 'archive_session=e30=; archive_session.sig=forged').expect(200);
    assert.equal(response.headers['cache-control'], 'private, no-store');
  });

  it('lets no one store sign-in, sign-out or an error', async () => {
    const signIn = await request(app).post('/sign-in').type('form').send({ username: 'clerk', password: 'wrong' }).expect(401);
    assert.equal(signIn.headers['cache-control'], 'private, no-store');
    const signOut = await request(app).post('/sign-out').expect(303);
    assert.equal(signOut.headers['cache-control'], 'private, no-store');
    for (const route of ['/items/no-such-item', '/api/items/no-such-item']) {
      assert.equal((await request(app).get(route).expect(404)).headers['cache-control'], 'no-store', route);
    }
  });

  it('lets static files be cached longer than searches', async () => {
    const search = await request(app).get('/?q=exclusions').expect(200);
    const stylesheet = await request(app).get('/static/archive.css').expect(200);
    const maxAge = (response: request.Response) => Number(/max-age=(\d+)/.exec(String(response.headers['cache-control']))?.[1]);
    assert.match(String(stylesheet.headers['cache-control']), /^public, max-age=\d+$/);
    assert.ok(maxAge(stylesheet) > maxAge(search));
  });
});
