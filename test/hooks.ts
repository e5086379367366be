import { removeTemporaryFolders } from './support/archive.js';
import { startTestEngine, stopTestEngine, UNIT_ONLY } from './support/engine.js';
import { loadWordVectors } from '../server/query/word-vectors.js';

/** Root hooks: the suite shares one real engine; `npm run test:unit` runs without one. */
export const mochaHooks = {
  async beforeAll(this: Mocha.Context) {
    // On a fresh install the word vectors' compact file is made first (seconds), not inside a test's time.
    this.timeout(180_000);
    await Promise.all([loadWordVectors(), UNIT_ONLY ? undefined : startTestEngine()]);
  },
  async afterAll() {
    await Promise.all([stopTestEngine(), removeTemporaryFolders()]);
  },
};
