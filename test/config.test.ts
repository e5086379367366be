import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, loadConfig, SETTINGS } from '../server/config.js';

describe('loadConfig', () => {
  it('uses the defaults, resolved against the working folder', () => {
    const config = loadConfig({}, '/srv/archive');
    assert.equal(config.port, 3000);
    assert.equal(config.contentDir, '/srv/archive/content');
    assert.equal(config.dataDir, '/srv/archive/data');
    assert.equal(config.meiliUrl, undefined);
    assert.ok(Object.isFrozen(config));
  });

  it('names the setting at fault', () => {
    assert.throws(() => loadConfig({ PORT: 'eighty' }), (error: unknown) => error instanceof ConfigError && /PORT/.test(error.message));
    assert.throws(() => loadConfig({ MEILI_URL: 'not a url' }), /MEILI_URL/);
    assert.throws(() => loadConfig({ MEILI_INDEX: 'a/b' }), /MEILI_INDEX/);
  });

  it('is documented in the README, setting by setting', async () => {
    const readme = await fs.readFile(path.join(import.meta.dirname, '..', 'README.md'), 'utf8');
    for (const setting of SETTINGS) {
      const row = `| \`${setting.name}\` | ${setting.default ? `\`${setting.default}\`` : '(unset)'} | ${setting.help} |`;
      assert.ok(readme.includes(row), `README lacks the row: ${row}`);
    }
  });
});

describe('loadConfig: officer accounts', () => {
  it('keeps the accounts file in the data folder unless told otherwise', () => {
    assert.equal(loadConfig({ DATA_DIR: '/var/archive' }, '/srv').accountsFile, '/var/archive/accounts.json');
    assert.equal(loadConfig({ ACCOUNTS_FILE: 'etc/accounts.json' }, '/srv').accountsFile, '/srv/etc/accounts.json');
  });
});
