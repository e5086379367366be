import assert from 'node:assert/strict';
import request from 'supertest';
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
});
