import type { Index, MeiliSearch, MultiSearchParams } from 'meilisearch';
import { engineCall } from '../engine/engine-errors.js';
import { quoteFilterValue } from '../engine/filter-syntax.js';
import { FACET_NAMES, FACETS, MAX_TOTAL_HITS, type FacetName } from '../index/index-settings.js';
import type { SearchDocument } from '../index/search-document.js';
import type { Reorder } from './blend.js';
import { derivedRequests, toVariantAnswers, type QueryVariant, type VariantAnswer } from './derived-queries.js';
import { matchingQueries } from './matching-queries.js';
import { parseQuery, type FieldTerm } from './query-language.js';
import { formsMarked } from './passages.js';
import { HIGHLIGHT_POST, HIGHLIGHT_PRE, HIT_ATTRIBUTES, needsLookup, planSearch, selectedFacetNames } from './search-plan.js';
import type { SearchParams } from './search-params.js';

/** A hit as the engine gives it: the fields of `HIT_ATTRIBUTES`, its title and passages highlighted and cropped in `_formatted`. */
export type FoundItem = Pick<SearchDocument, (typeof HIT_ATTRIBUTES)[number]> & {
  _formatted?: Partial<Record<keyof SearchDocument, unknown>>;
};

export type FacetCounts = Record<FacetName, Record<string, number>>;

export interface SearchResult {
  /** Items the search matches: what the facet counts, the chart and the exports count. */
  total: number;
  /**
   * Items one can page through: more than `total` when a search of several words also lists
   * items holding only some of them, ranked among the others (blend.ts).
   */
  listed: number;
  page: number;
  perPage: number;
  totalPages: number;
  hits: FoundItem[];
  facets: FacetCounts;
}

/** The archive's view of the engine; routes depend on this, never on meilisearch. */
export interface ArchiveSearch {
  search(params: SearchParams): Promise<SearchResult>;
  /** The agenda item as this audience may see it, or undefined when there is none with this id. */
  getItem(id: string): Promise<SearchDocument | undefined>;
  /** Queries derived from a search (see derived-queries.ts), sent together in one request. */
  derive(params: SearchParams, variants: QueryVariant[]): Promise<VariantAnswer[]>;
}

/** What a federated multi-search answers: one merged list, not a result per query. */
interface FederatedAnswer {
  hits: FoundItem[];
  estimatedTotalHits?: number;
  facetDistribution?: FacetDistribution;
}

type FacetDistribution = Record<string, Record<string, number>>;

/** Hits whose passages the engine marked, completed where it marked none: an item found by another form of a query word (see formsMarked). */
const engineMarked = (queries: { q?: string | null }[]) =>
  formsMarked<FoundItem>(queries.map((query) => query.q ?? '').join(' '), HIGHLIGHT_PRE, HIGHLIGHT_POST);

function facetValueCounts(distribution: FacetDistribution | undefined, name: FacetName): Record<string, number> {
  return distribution?.[FACETS[name]] ?? {};
}

/**
 * The counts a search shows: every facet's from the page's own query, but a
 * selected facet's from its count request (`selected`, in `selectedFacetNames`
 * order), which leaves its selection out so its other values stay choosable.
 */
function facetsOf(params: SearchParams, all: FacetDistribution | undefined, selected: (FacetDistribution | undefined)[]): FacetCounts {
  const facets = Object.fromEntries(FACET_NAMES.map((name) => [name, facetValueCounts(all, name)])) as FacetCounts;
  selectedFacetNames(params).forEach((name, position) => {
    facets[name] = facetValueCounts(selected[position], name);
  });
  return facets;
}

/**
 * Searches one index. `audienceFilter` is ANDed to every request; the tenant
 * token the client carries applies the same rule inside the engine. `reorder`
 * puts a blended search's first items in order again once their text is in hand.
 */
export function createArchiveSearch(client: MeiliSearch, indexUid: string, audienceFilter: string, reorder?: Reorder): ArchiveSearch {
  const index: Index<SearchDocument> = client.index<SearchDocument>(indexUid);

  /** `council:Medway` stands for the council values it names ("Medway Council"), as this audience may see them. */
  async function resolveFieldTerms(params: SearchParams): Promise<FieldTerm[]> {
    return Promise.all(
      parseQuery(params.q).fieldTerms.map(async (term) => {
        if (!needsLookup(term)) return term;
        const { facetHits } = await engineCall(() =>
          index.searchForFacetValues({ facetName: FACETS[term.name], facetQuery: term.value, filter: audienceFilter }),
        );
        return { ...term, matches: facetHits.map((hit) => hit.value) };
      }),
    );
  }

  return {
    async search(params) {
      // Planned first as typed, so that a search past the budget is refused before anything is
      // sent: what field terms stand for changes the filters, not how many queries there are.
      planSearch(indexUid, params, audienceFilter);
      const plan = planSearch(indexUid, params, audienceFilter, await resolveFieldTerms(params));
      if (plan.federated) {
        // One HTTP request per federated search: the engine takes no more in one.
        const [merged, ...counted] = (await Promise.all(
          [plan.request, ...plan.facetRequests].map((request) => engineCall(() => client.multiSearch(request))),
        )) as unknown as [FederatedAnswer, ...FederatedAnswer[]];
        const total = merged.estimatedTotalHits ?? 0;
        return {
          total,
          listed: total,
          page: params.page,
          perPage: params.perPage,
          totalPages: Math.ceil(Math.min(total, MAX_TOTAL_HITS) / params.perPage),
          hits: merged.hits.map(engineMarked(plan.request.queries)),
          facets: facetsOf(
            params,
            merged.facetDistribution,
            counted.map((answer) => answer.facetDistribution),
          ),
        };
      }
      const answers = await Promise.all(
        (plan.parallel ?? [plan.request]).map((request) =>
          engineCall(() => client.multiSearch<MultiSearchParams, SearchDocument>(request)),
        ),
      );
      const answered = answers.flatMap((answer) => answer.results);
      const blended = plan.merge?.(answered) ?? { results: answered, matched: answered[0]?.totalHits ?? 0 };
      // A blended search ranks ids first; its page's items come in a second request, with their passages (see blend.ts).
      const { followUp } = blended;
      const results = followUp
        ? followUp.merge((await engineCall(() => client.multiSearch<MultiSearchParams, SearchDocument>(followUp.request))).results, reorder)
        : blended.results;
      const [found, ...others] = results;
      if (!found) throw new Error('The engine answered a multi-search with no results');
      const response = followUp ? found : { ...found, hits: found.hits.map(engineMarked(plan.request.queries.slice(0, 1))) };

      return {
        total: blended.matched,
        listed: response.totalHits ?? 0,
        page: params.page,
        perPage: params.perPage,
        totalPages: response.totalPages ?? 0,
        hits: response.hits,
        facets: facetsOf(
          params,
          response.facetDistribution,
          others.map((result) => result.facetDistribution),
        ),
      };
    },

    async getItem(id) {
      // Through search, not the documents route: only search is open to the token.
      const response = await engineCall(() =>
        index.search<SearchDocument>('', { filter: [audienceFilter, `item_id = ${quoteFilterValue(id)}`], limit: 1 }),
      );
      return response.hits[0];
    },

    async derive(params, variants) {
      const requests = derivedRequests(matchingQueries(indexUid, params, audienceFilter, await resolveFieldTerms(params)), variants);
      const responses = await Promise.all(
        requests.map((request) => engineCall(() => client.multiSearch<typeof request, SearchDocument>(request))),
      );
      return responses.flatMap(toVariantAnswers);
    },
  };
}
