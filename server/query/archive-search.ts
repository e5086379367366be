import {
  MeiliSearchApiError,
  MeiliSearchRequestError,
  MeiliSearchRequestTimeOutError,
  type FederatedMultiSearchParams,
  type Index,
  type MeiliSearch,
  type MultiSearchParams,
  type SearchParams as EngineSearchParams,
} from 'meilisearch';
import { BadParameter, SearchUnavailable } from '../common/errors.js';
import { MAX_TOTAL_HITS, type SearchParams } from './search-params.js';
import { committeePath, councilPath, itemPath } from '../web/urls.js';
import { quoteFilterValue } from './filters.js';
import { parseQuery, type FieldTerm } from './query-language.js';
import { blendStrategies, type Blend } from './blend.js';
import { derivedRequests, toVariantAnswers, type DerivedRequest, type QueryVariant, type VariantAnswer } from './derived-queries.js';
import { HIGHLIGHT_POST, HIGHLIGHT_PRE, highlightToHtml } from './highlight.js';
import { FACET_NAMES, FACETS, type FacetName } from '../index/index-settings.js';
import { matchingQueries } from './matching-queries.js';
import type { SearchDocument } from '../index/search-document.js';

export interface SearchHit {
  id: string;
  title: string;
  /** The title as safe HTML, with matches marked. */
  titleHtml: string;
  council: string;
  committee?: string;
  meeting_date?: string;
  item?: string;
  part: 1 | 2;
  exempt_paragraph?: string;
  url: string;
  /** Browse pages of the hit's council and committee. */
  councilUrl: string;
  committeeUrl?: string;
  /** The item page at the paragraph the snippet comes from, when the query matched the text. */
  passageUrl?: string;
  /** The best-matching paragraph (cropped) as safe HTML, with matches marked. */
  snippet: string;
  officers: string[];
  topics: string[];
}

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
  hits: SearchHit[];
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

const HIT_ATTRIBUTES: (keyof SearchDocument)[] = [
  'item_id', 'paragraph_anchors', 'title', 'council', 'committee', 'meeting_date', 'item', 'part', 'exempt_paragraph', 'officer_labels', 'topics',
];
const SNIPPET_WORDS = 40;

/** What the engine (or a proxy before it) answers when it cannot answer now: timed out, overloaded, away. */
const ENGINE_BUSY = new Set([408, 429, 502, 503, 504]);

/** Engine failures become the archive's own errors here, at the boundary. */
async function engineCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    // No answer (refused, dropped, timed out, aborted); one saying it cannot answer now; or one
    // that is not the engine's JSON at all, such as a proxy's error page.
    if (
      error instanceof MeiliSearchRequestError ||
      error instanceof MeiliSearchRequestTimeOutError ||
      (error instanceof MeiliSearchApiError && ENGINE_BUSY.has(error.response.status)) ||
      error instanceof SyntaxError
    ) {
      throw new SearchUnavailable();
    }
    if (error instanceof MeiliSearchApiError && error.cause?.code === 'index_not_found') {
      throw new SearchUnavailable('The archive has not been indexed yet. Please try again once indexing has finished.');
    }
    throw error;
  }
}

const countMarks = (text: string) => text.split(HIGHLIGHT_PRE).length - 1;

/** The paragraph with the most matches (the first on a tie), or the opening one when none matched. */
export function bestPassage(formatted: string[], anchors: string[]): { text: string; anchor?: string } {
  let best = -1;
  let bestMarks = 0;
  formatted.forEach((paragraph, position) => {
    const marks = countMarks(paragraph);
    if (marks > bestMarks) [best, bestMarks] = [position, marks];
  });
  if (best === -1) return { text: formatted[0] ?? '' };
  return { text: formatted[best] as string, ...(anchors[best] ? { anchor: anchors[best] } : {}) };
}

function toHit(hit: SearchDocument & { _formatted?: Partial<Record<keyof SearchDocument, unknown>> }): SearchHit {
  const formatted = hit._formatted ?? {};
  const paragraphs = Array.isArray(formatted.paragraphs) ? (formatted.paragraphs as string[]) : [];
  const passage = bestPassage(paragraphs, hit.paragraph_anchors ?? []);
  return {
    id: hit.item_id,
    title: hit.title,
    titleHtml: highlightToHtml(typeof formatted.title === 'string' ? formatted.title : hit.title),
    council: hit.council,
    ...(hit.committee ? { committee: hit.committee } : {}),
    ...(hit.meeting_date ? { meeting_date: hit.meeting_date } : {}),
    ...(hit.item ? { item: hit.item } : {}),
    part: hit.part,
    ...(hit.exempt_paragraph ? { exempt_paragraph: hit.exempt_paragraph } : {}),
    url: itemPath(hit.item_id),
    councilUrl: councilPath(hit.council),
    ...(hit.committee ? { committeeUrl: committeePath(hit.council, hit.committee) } : {}),
    ...(passage.anchor ? { passageUrl: `${itemPath(hit.item_id)}#${passage.anchor}` } : {}),
    snippet: highlightToHtml(passage.text),
    officers: hit.officer_labels ?? [],
    topics: hit.topics ?? [],
  };
}

/** What a federated multi-search answers: one merged list, not a result per query. */
interface FederatedAnswer {
  hits: (SearchDocument & { _formatted?: Partial<Record<keyof SearchDocument, unknown>> })[];
  estimatedTotalHits?: number;
  facetDistribution?: FacetDistribution;
}

type FacetDistribution = Record<string, Record<string, number>>;

function facetCounts(distribution: FacetDistribution | undefined, name: FacetName): Record<string, number> {
  return distribution?.[FACETS[name]] ?? {};
}

/** Facets the user has narrowed by; each gets its own count request (disjunctive faceting). */
function selectedFacetNames(params: SearchParams): FacetName[] {
  return FACET_NAMES.filter((name) => params.filters[name].length > 0);
}

/**
 * The counts a search shows: every facet's from the page's own query, but a
 * selected facet's from its count request (`selected`, in `selectedFacetNames`
 * order), which leaves its selection out so its other values stay choosable.
 */
function facetsOf(params: SearchParams, all: FacetDistribution | undefined, selected: (FacetDistribution | undefined)[]): FacetCounts {
  const facets = Object.fromEntries(FACET_NAMES.map((name) => [name, facetCounts(all, name)])) as FacetCounts;
  selectedFacetNames(params).forEach((name, position) => {
    facets[name] = facetCounts(selected[position], name);
  });
  return facets;
}

/** How each hit comes back: its fields, its highlighted title and passages, in the chosen order. */
function hitOptions(params: SearchParams): EngineSearchParams {
  const sort = params.sort === 'relevance' ? undefined : [`meeting_ts:${params.sort === 'newest' ? 'desc' : 'asc'}`];
  return {
    ...(sort ? { sort } : {}),
    attributesToRetrieve: HIT_ATTRIBUTES,
    attributesToHighlight: ['title', 'paragraphs'],
    attributesToCrop: ['paragraphs'],
    cropLength: SNIPPET_WORDS,
    highlightPreTag: HIGHLIGHT_PRE,
    highlightPostTag: HIGHLIGHT_POST,
  };
}

/** The requests of a search with alternatives, sent in parallel: one federated multi-search each. */
export interface AlternativesRequests {
  /** The page of hits with every facet's counts. */
  request: FederatedMultiSearchParams;
  /** Per selected facet, in `selectedFacetNames` order, that facet's counts. */
  facetRequests: DerivedRequest[];
}

/**
 * A search with alternatives (`pothole OR hedgerow`): one query per
 * alternative, merged by the engine's federated search into one ranked list
 * with merged facet counts, each item counted once. Meilisearch has no OR of
 * its own, and a federated search counts one set of items, so each selected
 * facet's counts (its selection left out) take a federated search of their own.
 */
export function buildAlternativesRequest(
  indexUid: string,
  params: SearchParams,
  audienceFilter: string,
  fieldTerms: FieldTerm[] = parseQuery(params.q).fieldTerms,
): AlternativesRequests {
  const matching = (except?: FacetName) => matchingQueries(indexUid, params, audienceFilter, fieldTerms, except);
  return {
    request: {
      federation: {
        offset: (params.page - 1) * params.perPage,
        limit: params.perPage,
        facetsByIndex: { [indexUid]: Object.values(FACETS) },
        mergeFacets: {},
      },
      queries: matching().map((query) => ({ ...query, ...hitOptions(params) })),
    },
    facetRequests: selectedFacetNames(params).flatMap((name) => derivedRequests(matching(name), [{ facets: [FACETS[name]] }])),
  };
}

/**
 * The multi-search request of a search without OR: the page of hits with
 * every facet's counts, then one count-only query per selected facet.
 */
export function buildSearchRequest(
  indexUid: string,
  params: SearchParams,
  audienceFilter: string,
  fieldTerms: FieldTerm[] = parseQuery(params.q).fieldTerms,
): MultiSearchParams {
  const matching = (except?: FacetName) => matchingQueries(indexUid, params, audienceFilter, fieldTerms, except)[0];
  const main: EngineSearchParams & { indexUid: string } = {
    ...matching(),
    facets: Object.values(FACETS),
    page: params.page,
    hitsPerPage: params.perPage,
    ...hitOptions(params),
  };
  // A selected facet's own counts ignore its selection, so its other values stay choosable.
  const disjunctive = selectedFacetNames(params).map((name) => ({
    ...matching(name),
    facets: [FACETS[name]],
    limit: 0,
  }));
  return { queries: [main, ...disjunctive] };
}

/** What one search sends the engine, and how its answers become one list. */
export type SearchPlan =
  | ({ federated: true } & AlternativesRequests)
  | ({ federated: false; request: MultiSearchParams } & Partial<Pick<Blend, 'merge'>>);

/**
 * The most engine queries one search may send: a lookup per field term (`council:Medway`), then
 * its plan. A real search sends far fewer: one word with every facet narrowed by, 6; ten OR
 * alternatives with every facet narrowed by, 60. A blended search's second request, for the page's
 * items, is not counted: it holds at most one query per item on the page.
 */
export const MAX_ENGINE_QUERIES = 100;

/** Field terms the engine is asked what they stand for (a year stands for itself). */
const needsLookup = (term: FieldTerm) => term.name !== 'year';

/** Engine queries a plan sends, in all its requests. */
function engineQueries(plan: SearchPlan): number {
  const requests = plan.federated ? [plan.request, ...plan.facetRequests] : [plan.request];
  return requests.reduce((sum, request) => sum + request.queries.length, 0);
}

/**
 * Federated requests when the search has alternatives (OR), else the
 * multi-search of `buildSearchRequest`, or, when the relevance blend applies,
 * its first request (ids ranked by how much of the query each item holds) with
 * the merge that builds the second. Pure, so the benchmark's raw baseline sends
 * the very requests the archive sends. A search costing more than
 * MAX_ENGINE_QUERIES is refused (BadParameter naming q).
 */
export function planSearch(
  indexUid: string,
  params: SearchParams,
  audienceFilter: string,
  fieldTerms: FieldTerm[] = parseQuery(params.q).fieldTerms,
): SearchPlan {
  const plan = unbudgetedPlan(indexUid, params, audienceFilter, fieldTerms);
  const cost = fieldTerms.filter(needsLookup).length + engineQueries(plan);
  if (cost > MAX_ENGINE_QUERIES) {
    throw new BadParameter('q', `asks more than one search may (${cost} engine queries, at most ${MAX_ENGINE_QUERIES}): please use fewer OR alternatives, field terms or filters`);
  }
  return plan;
}

function unbudgetedPlan(indexUid: string, params: SearchParams, audienceFilter: string, fieldTerms: FieldTerm[]): SearchPlan {
  if (parseQuery(params.q).alternatives.length > 1) {
    return { federated: true, ...buildAlternativesRequest(indexUid, params, audienceFilter, fieldTerms) };
  }
  const plain = buildSearchRequest(indexUid, params, audienceFilter, fieldTerms);
  const blend = blendStrategies(plain, params);
  return blend ? { federated: false, ...blend } : { federated: false, request: plain };
}

/**
 * Searches one index. `audienceFilter` is ANDed to every request; the tenant
 * token the client carries applies the same rule inside the engine.
 */
export function createArchiveSearch(client: MeiliSearch, indexUid: string, audienceFilter: string): ArchiveSearch {
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
          hits: merged.hits.map(toHit),
          facets: facetsOf(params, merged.facetDistribution, counted.map((answer) => answer.facetDistribution)),
        };
      }
      const answer = await engineCall(() => client.multiSearch<MultiSearchParams, SearchDocument>(plan.request));
      const blended = plan.merge?.(answer.results) ?? { results: answer.results, matched: answer.results[0]?.totalHits ?? 0 };
      // A blended search ranks ids first; its page's items come in a second request, with their passages (see blend.ts).
      const { followUp } = blended;
      const results = followUp
        ? followUp.merge((await engineCall(() => client.multiSearch<MultiSearchParams, SearchDocument>(followUp.request))).results)
        : blended.results;
      const [response, ...others] = results;
      if (!response) throw new Error('The engine answered a multi-search with no results');

      return {
        total: blended.matched,
        listed: response.totalHits ?? 0,
        page: params.page,
        perPage: params.perPage,
        totalPages: response.totalPages ?? 0,
        hits: response.hits.map(toHit),
        facets: facetsOf(params, response.facetDistribution, others.map((result) => result.facetDistribution)),
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
      const responses = await Promise.all(requests.map((request) => engineCall(() => client.multiSearch<typeof request, SearchDocument>(request))));
      return responses.flatMap(toVariantAnswers);
    },
  };
}
