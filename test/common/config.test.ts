import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, loadConfig, SETTINGS } from '../../server/common/config.js';

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
    assert.throws(
      () => loadConfig({ PORT: 'eighty' }),
      (error: unknown) => error instanceof ConfigError && /PORT/.test(error.message),
    );
    assert.throws(() => loadConfig({ MEILI_URL: 'not a url' }), /MEILI_URL/);
    assert.throws(() => loadConfig({ MEILI_INDEX: 'a/b' }), /MEILI_INDEX/);
  });

  it('is documented in the README, setting by setting', async () => {
    const readme = await fs.readFile(path.join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
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

describe('loadConfig: TRUST_PROXY', () => {
  it('takes a number of proxies or their addresses', () => {
    assert.equal(loadConfig({}).trustProxy, false);
    assert.equal(loadConfig({ TRUST_PROXY: '1' }).trustProxy, 1);
    assert.deepEqual(loadConfig({ TRUST_PROXY: '10.0.0.1, 192.168.0.0/16,loopback, ::1' }).trustProxy, [
      '10.0.0.1',
      '192.168.0.0/16',
      'loopback',
      '::1',
    ]);
  });

  it('refuses to trust every hop, and says what to write instead', () => {
    assert.throws(
      () => loadConfig({ TRUST_PROXY: 'true' }),
      (error: unknown) => error instanceof ConfigError && /TRUST_PROXY/.test(error.message) && /number of proxies/.test(error.message),
    );
  });

  it('names an entry that is not an address', () => {
    assert.throws(() => loadConfig({ TRUST_PROXY: '10.0.0.1, proxy.local' }), /TRUST_PROXY.*"proxy\.local"/);
    assert.throws(() => loadConfig({ TRUST_PROXY: '10.0.0.0/33' }), /TRUST_PROXY.*"10\.0\.0\.0\/33"/);
  });
});
