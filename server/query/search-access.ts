import type { MeiliSearch } from 'meilisearch';
import { tenantTokens } from '../engine/keys.js';
import { createMeiliClient, type EngineConnection } from '../engine/meili-client.js';
import { AUDIENCE_FILTERS, type Audience } from '../index/visibility.js';
import { createArchiveSearch, type ArchiveSearch } from './archive-search.js';
import type { Reorder } from './blend.js';
import { meaningOf, orderByMeaning } from './semantic-order.js';
import { loadWordVectors } from './word-vectors.js';

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
export async function createSearchAccess(
  admin: MeiliSearch,
  connection: EngineConnection,
  indexUid: string,
  reorder?: Reorder,
): Promise<SearchFor> {
  const tokens = await audienceTokens(admin, indexUid);
  const searchWith = (audience: Audience) =>
    createArchiveSearch(
      createMeiliClient({ url: connection.url, apiKey: tokens[audience] }),
      indexUid,
      AUDIENCE_FILTERS[audience],
      reorder,
    );
  const searches: Record<Audience, ArchiveSearch> = { public: searchWith('public'), officer: searchWith('officer') };
  return (audience) => searches[audience];
}

/**
 * The first pages' order by meaning as well as words (semantic-order.ts); without it, should the
 * word vectors not be readable, the order is the words' alone, and `report` says why.
 */
export async function reorderByMeaning(report: (message: string) => void): Promise<Reorder | undefined> {
  try {
    const meaning = meaningOf(await loadWordVectors(report));
    return (q, items) => orderByMeaning(meaning, q, items);
  } catch (error) {
    report(`Searching without ordering by meaning: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}
