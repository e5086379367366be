import type { MeiliSearch } from 'meilisearch';
import { generateTenantToken } from 'meilisearch/token';

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

/**
 * One tenant token per filter, signed by the search-only key: the engine applies a token's filter
 * to every search made with it, whatever the request asks.
 */
export async function tenantTokens<Name extends string>(
  admin: MeiliSearch,
  indexUid: string,
  filters: Record<Name, string>,
): Promise<Record<Name, string>> {
  const { key, uid } = await searchOnlyKey(admin, indexUid);
  const entries = await Promise.all(
    (Object.entries(filters) as [Name, string][]).map(
      async ([name, filter]) =>
        [name, await generateTenantToken({ apiKey: key, apiKeyUid: uid, searchRules: { [indexUid]: { filter } } })] as const,
    ),
  );
  return Object.fromEntries(entries) as Record<Name, string>;
}
