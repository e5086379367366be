import { removeTemporaryFolders } from './support/archive.js';
import { startTestEngine, stopTestEngine, UNIT_ONLY } from './support/engine.js';

/** Root hooks: the suite shares one real engine; `npm run test:unit` runs without one. */
export const mochaHooks = {
  async beforeAll(this: Mocha.Context) {
    this.timeout(60_000);
    if (!UNIT_ONLY) await startTestEngine();
  },
  async afterAll() {
    await Promise.all([stopTestEngine(), removeTemporaryFolders()]);
  },
};
