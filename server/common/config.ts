import { isIP } from 'node:net';
import path from 'node:path';

/**
 * Every setting the archive reads, declared once: name, default and help.
 * The README's configuration table is this list.
 */
export const SETTINGS = [
  { name: 'PORT', default: '3000', help: 'Port the web server listens on.' },
  { name: 'HOST', default: '127.0.0.1', help: 'Address the web server binds to (0.0.0.0 to serve other machines).' },
  { name: 'CONTENT_DIR', default: 'content', help: 'Folder of markdown minutes to index.' },
  { name: 'DATA_DIR', default: 'data', help: "Folder for the embedded Meilisearch's database, master key and log." },
  { name: 'MEILI_URL', default: '', help: 'URL of an external Meilisearch. When set, no embedded engine is started.' },
  { name: 'MEILI_API_KEY', default: '', help: 'API key for the external Meilisearch (with MEILI_URL).' },
  { name: 'MEILI_INDEX', default: 'minutes', help: 'Name of the Meilisearch index holding agenda items.' },
  {
    name: 'MEILI_MAX_INDEXING_THREADS',
    default: '',
    help: 'Threads the embedded engine may use for indexing (default: its own choice).',
  },
  {
    name: 'ACCOUNTS_FILE',
    default: '',
    help: 'Officer accounts (made with `npm run accounts`; default: accounts.json in DATA_DIR); officers see exempt items in full.',
  },
  {
    name: 'PEOPLE_FILE',
    default: '',
    help: "Names to take as one person or keep apart, per council (default: the archive's server/index/people.txt); read at each ingest, its errors naming the line.",
  },
  { name: 'SESSION_SECRET', default: '', help: 'Signs session cookies (default: generated once and kept in DATA_DIR).' },
  {
    name: 'SESSION_HOURS',
    default: '8',
    help: 'Hours a sign-in lasts; signing out, a new password or removing the account ends it sooner.',
  },
  { name: 'COOKIE_SECURE', default: 'false', help: 'Send the session cookie over HTTPS only (set true behind HTTPS).' },
  {
    name: 'TRUST_PROXY',
    default: 'false',
    help: 'Reverse proxies whose X-Forwarded-For gives the client address: how many stand in front (e.g. 1), or their addresses and subnets, comma-separated (e.g. 127.0.0.1, 10.0.0.0/8).',
  },
  {
    name: 'PUBLIC_URL',
    default: '',
    help: 'The address users reach the archive at (e.g. https://minutes.example.org), for permanent links, citations, exports and feeds (default: the address the server answered on).',
  },
  { name: 'API_RATE_LIMIT', default: '300', help: 'Requests per minute one address may make to /api (0: no limit).' },
  {
    name: 'PAGE_RATE_LIMIT',
    default: '300',
    help: 'Requests per minute one address may make to the search, browse and item pages (0: no limit).',
  },
] as const;

export type SettingName = (typeof SETTINGS)[number]['name'];

/** Which proxies to believe about the client's address: how many hops, or their addresses; never all. */
export type TrustProxy = false | number | string[];

export interface Config {
  port: number;
  host: string;
  contentDir: string;
  dataDir: string;
  /** Undefined: start and manage an embedded Meilisearch. */
  meiliUrl: string | undefined;
  meiliApiKey: string | undefined;
  indexUid: string;
  maxIndexingThreads: number | undefined;
  accountsFile: string;
  /** Undefined: the archive's own list of people to merge or keep apart. */
  peopleFile: string | undefined;
  /** Undefined: use the one kept in the data folder. */
  sessionSecret: string | undefined;
  sessionHours: number;
  secureCookies: boolean;
  trustProxy: TrustProxy;
  apiRateLimit: number;
  pageRateLimit: number;
  /** Undefined: links are built on the address the server answered on. */
  publicUrl: string | undefined;
}

/** Names proxy-addr knows for whole ranges. */
const ADDRESS_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** An address, a subnet in CIDR form, or a named range, as Express's `trust proxy` takes them. */
function isProxyAddress(entry: string): boolean {
  if (ADDRESS_RANGES.has(entry) || isIP(entry) !== 0) return true;
  const [address = '', bits, ...rest] = entry.split('/');
  const family = isIP(address);
  return family !== 0 && rest.length === 0 && /^\d{1,3}$/.test(bits ?? '') && Number(bits) <= (family === 4 ? 32 : 128);
}

export class ConfigError extends Error {
  constructor(setting: SettingName, why: string) {
    super(`Setting ${setting}: ${why}`);
    this.name = 'ConfigError';
  }
}

/** Reads and checks the settings once, at start-up; the result is frozen. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Readonly<Config> {
  const read = (name: SettingName): string => {
    const value = env[name]?.trim();
    return value ? value : (SETTINGS.find((setting) => setting.name === name)?.default ?? '');
  };
  const integer = (name: SettingName, min: number, max: number): number | undefined => {
    const text = read(name);
    if (text === '') return undefined;
    const value = Number(text);
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new ConfigError(name, `must be a whole number from ${min} to ${max}, not "${text}"`);
    }
    return value;
  };
  const boolean = (name: SettingName): boolean => {
    const text = read(name).toLowerCase();
    if (text !== 'true' && text !== 'false') throw new ConfigError(name, `must be true or false, not "${text}"`);
    return text === 'true';
  };
  const trustProxy = (): TrustProxy => {
    const text = read('TRUST_PROXY');
    if (text.toLowerCase() === 'false') return false;
    if (text.toLowerCase() === 'true') {
      throw new ConfigError(
        'TRUST_PROXY',
        'true would believe whatever X-Forwarded-For a client sends, and let it escape every rate limit; ' +
          'give the number of proxies in front of the archive (e.g. TRUST_PROXY=1) or their addresses (e.g. TRUST_PROXY=127.0.0.1)',
      );
    }
    if (/^\d+$/.test(text)) return integer('TRUST_PROXY', 0, 100) || false;
    const entries = text.split(',').map((entry) => entry.trim());
    const wrong = entries.find((entry) => !isProxyAddress(entry));
    if (wrong !== undefined) {
      throw new ConfigError(
        'TRUST_PROXY',
        `must be false, a number of proxies, or their addresses and subnets; "${wrong}" is none of these`,
      );
    }
    return entries;
  };
  const sessionSecret = read('SESSION_SECRET') || undefined;
  if (sessionSecret !== undefined && sessionSecret.length < 32) throw new ConfigError('SESSION_SECRET', 'must be at least 32 characters');
  const publicUrl = read('PUBLIC_URL') || undefined;
  if (publicUrl !== undefined && !/^https?:\/\//.test(publicUrl))
    throw new ConfigError('PUBLIC_URL', `must be an http(s) address, not "${publicUrl}"`);
  const meiliUrl = read('MEILI_URL') || undefined;
  if (meiliUrl !== undefined && !URL.canParse(meiliUrl)) throw new ConfigError('MEILI_URL', `is not a URL: "${meiliUrl}"`);
  const indexUid = read('MEILI_INDEX');
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(indexUid)) {
    throw new ConfigError('MEILI_INDEX', 'may hold only letters, digits, hyphens and underscores');
  }
  return Object.freeze({
    port: integer('PORT', 0, 65535) as number,
    host: read('HOST'),
    contentDir: path.resolve(cwd, read('CONTENT_DIR')),
    dataDir: path.resolve(cwd, read('DATA_DIR')),
    meiliUrl,
    meiliApiKey: read('MEILI_API_KEY') || undefined,
    indexUid,
    maxIndexingThreads: integer('MEILI_MAX_INDEXING_THREADS', 1, 1024),
    peopleFile: read('PEOPLE_FILE') ? path.resolve(cwd, read('PEOPLE_FILE')) : undefined,
    accountsFile: read('ACCOUNTS_FILE') ? path.resolve(cwd, read('ACCOUNTS_FILE')) : path.resolve(cwd, read('DATA_DIR'), 'accounts.json'),
    sessionSecret,
    sessionHours: integer('SESSION_HOURS', 1, 24 * 366) as number,
    secureCookies: boolean('COOKIE_SECURE'),
    trustProxy: trustProxy(),
    apiRateLimit: integer('API_RATE_LIMIT', 0, 1_000_000) as number,
    pageRateLimit: integer('PAGE_RATE_LIMIT', 0, 1_000_000) as number,
    publicUrl,
  });
}
