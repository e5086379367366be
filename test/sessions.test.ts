import assert from 'node:assert/strict';
import request from 'supertest';
import { loadConfig } from '../server/config.js';
import { archiveWith, OFFICER } from './support/archive.js';

const signIn = (agent: request.Test, password = OFFICER.password) => agent.type('form').send({ username: OFFICER.username, password });

describe('POST /sign-in', () => {
  it('counts only failed attempts toward its limit, so officers behind one address are not locked out', async () => {
    const { app } = await archiveWith('content');
    for (let n = 0; n < 21; n += 1) await signIn(request(app).post('/sign-in')).expect(303);
    for (let n = 0; n < 20; n += 1) await signIn(request(app).post('/sign-in'), 'wrong').expect(401);
    const refused = await signIn(request(app).post('/sign-in'), 'wrong').expect(429);
    assert.match(refused.text, /Too many sign-in attempts/);
  });

  it('limits an address behind a trusted proxy, whatever X-Forwarded-For it makes up', async () => {
    const { app } = await archiveWith('content', { trustProxy: loadConfig({ TRUST_PROXY: '1' }).trustProxy });
    // The proxy appends the address it saw; what the client sent before it is the client's invention.
    const attempt = (n: number) => signIn(request(app).post('/sign-in').set('X-Forwarded-For', `198.51.100.${n}, 203.0.113.7`), 'wrong');
    for (let n = 0; n < 20; n += 1) await attempt(n).expect(401);
    await attempt(20).expect(429);
    await signIn(request(app).post('/sign-in').set('X-Forwarded-For', '198.51.100.1, 203.0.113.8'), 'wrong').expect(401);
  });
});
