import { removeTemporaryFolders } from './support/archive.js';
import { startTestEngine, stopTestEngine } from './support/engine.js';

/** Root hooks: the suite shares one real engine. */
export const mochaHooks = {
  async beforeAll(this: Mocha.Context) {
    this.timeout(60_000);
    await startTestEngine();
  },
  async afterAll() {
    await Promise.all([stopTestEngine(), removeTemporaryFolders()]);
  },
};
