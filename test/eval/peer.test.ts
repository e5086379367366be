import assert from 'node:assert/strict';
import path from 'node:path';
import { startPeer } from '../../server/eval/peer.js';

const FIXTURES = path.resolve('test/fixtures/peer');

describe('startPeer', () => {
  it('starts a peer on a free port, answers once it searches, and stops it', async () => {
    const peer = await startPeer(path.join(FIXTURES, 'tiny-peer.py'));
    try {
      const answer = (await (await fetch(`${peer.url}/api/search?q=grit`)).json()) as { hits: { url: string }[] };
      assert.equal(await (await fetch(new URL(answer.hits[0]?.url ?? '', peer.url))).text(), 'Grit bins were ordered.');
    } finally {
      await peer.stop();
    }
    await assert.rejects(fetch(`${peer.url}/api/search?q=grit`));
  });

  it('names the script and what it printed when it exits before answering', async () => {
    await assert.rejects(startPeer(path.join(FIXTURES, 'missing-peer.py')), /missing-peer\.py exited .*No such file/s);
  });
});
