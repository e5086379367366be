import type { MeiliSearch } from 'meilisearch';
import { generateTenantToken } from 'meilisearch/token';
import { createArchiveSearch, type ArchiveSearch } from '../query/archive-search.js';
import { createMeiliClient, type EngineConnection } from './meili-client.js';

/** Who is searching: anyone, or an officer signed in with an account. */
export type Audience = 'public' | 'officer';

/**
 * The documents each audience may reach. The public sees Part 1 items and the
 * stubs of Part 2 items; officers see Part 1 items and Part 2 full records.
 */
export const AUDIENCE_FILTERS: Record<Audience, string> = {
  public: 'visibility = "public"',
  officer: 'NOT (visibility = "public" AND part = 2)',
};

const SEARCH_KEY_NAME = 'minutes-archive search';

/** A search-only key for the archive's index, created once per engine with the admin key. */
async function searchOnlyKey(admin: MeiliSearch, indexUid: string): Promise<{ key: string; uid: string }> {
  const { results } = await admin.getKeys({ limit: 1000 });
  const existing = results.find(
    (key) => key.name === SEARCH_KEY_NAME && key.actions.length === 1 && key.actions[0] === 'search' && key.indexes.includes(indexUid),
  );
  if (existing) return existing;
  return admin.createKey({
    name: SEARCH_KEY_NAME,
    description: 'Signs the tenant tokens the archive searches with; it can only search.',
    actions: ['search'],
    indexes: [indexUid],
    expiresAt: null,
  });
}

export type SearchFor = (audience: Audience) => ArchiveSearch;

/** One tenant token per audience, signed by the search-only key; the engine applies each token's filter. */
export async function audienceTokens(admin: MeiliSearch, indexUid: string): Promise<Record<Audience, string>> {
  const { key, uid } = await searchOnlyKey(admin, indexUid);
  const token = (audience: Audience) =>
    generateTenantToken({ apiKey: key, apiKeyUid: uid, searchRules: { [indexUid]: { filter: AUDIENCE_FILTERS[audience] } } });
  return { public: await token('public'), officer: await token('officer') };
}

/**
 * Searches for each audience, each through its tenant token, so a crafted
 * query cannot widen what it reaches. The admin client is used only to make
 * the search-only key; the master key never reaches a search.
 */
export async function createSearchAccess(admin: MeiliSearch, connection: EngineConnection, indexUid: string): Promise<SearchFor> {
  const tokens = await audienceTokens(admin, indexUid);
  const searchWith = (audience: Audience) =>
    createArchiveSearch(createMeiliClient({ url: connection.url, apiKey: tokens[audience] }), indexUid, AUDIENCE_FILTERS[audience]);
  const searches: Record<Audience, ArchiveSearch> = { public: searchWith('public'), officer: searchWith('officer') };
  return (audience) => searches[audience];
}
