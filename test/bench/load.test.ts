import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { runLoad } from '../../server/bench/load.js';

describe('runLoad', () => {
  it('sends a request and those alongside it at once, and times them as one search', async () => {
    // The server holds each request until two are in flight (or a second has passed), so it sees whether they came together.
    let inFlight = 0;
    let most = 0;
    const held: (() => void)[] = [];
    const server = http.createServer((request, response) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      const answer = () => {
        inFlight -= 1;
        response.end('{}');
      };
      held.push(answer);
      if (held.length >= 2) held.splice(0).forEach((release) => release());
      else setTimeout(() => held.splice(0).forEach((release) => release()), 1000);
      request.resume();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const search = { method: 'POST' as const, path: '/multi-search', body: '{}', kind: 'two words' };
      const result = await runLoad(
        url,
        [0, 1, 2].map(() => ({ ...search, alongside: [{ method: 'POST' as const, path: '/multi-search', body: '{}' }] })),
        1,
      );
      assert.equal(most, 2, 'each request and the one alongside it were in flight together');
      assert.equal(result.samples.length, 3, 'one sample a search');
      assert.equal(result.errors, 0);
    } finally {
      server.close();
    }
  });
});
