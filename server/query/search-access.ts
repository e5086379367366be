import type { MeiliSearch } from 'meilisearch';
import { tenantTokens } from '../engine/keys.js';
import { createMeiliClient, type EngineConnection } from '../engine/meili-client.js';
import { AUDIENCE_FILTERS, type Audience } from '../index/visibility.js';
import { createArchiveSearch, type ArchiveSearch } from './archive-search.js';

export type SearchFor = (audience: Audience) => ArchiveSearch;

/** One tenant token per audience, its filter that audience's (see `AUDIENCE_FILTERS`). */
export function audienceTokens(admin: MeiliSearch, indexUid: string): Promise<Record<Audience, string>> {
  return tenantTokens(admin, indexUid, AUDIENCE_FILTERS);
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
