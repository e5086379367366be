import type { FederatedMultiSearchParams, MultiSearchParams, SearchParams as EngineSearchParams } from 'meilisearch';
import { BadParameter } from '../common/errors.js';
import { FACET_NAMES, FACETS, type FacetName } from '../index/index-settings.js';
import type { SearchDocument } from '../index/search-document.js';
import { blendStrategies, type Blend } from './blend.js';
import { derivedRequests, type DerivedRequest } from './derived-queries.js';
import { matchingQueries } from './matching-queries.js';
import { parseQuery, type FieldTerm } from './query-language.js';
import type { SearchParams } from './search-params.js';

/** Private-use characters the engine wraps matches in; nothing else becomes markup. */
export const HIGHLIGHT_PRE = '\uE000';
export const HIGHLIGHT_POST = '\uE001';

/** What a hit carries back from the engine; the passages come in `_formatted`. */
export const HIT_ATTRIBUTES = [
  'item_id',
  'meeting_id',
  'paragraph_anchors',
  'title',
  'council',
  'committee',
  'meeting_date',
  'item',
  'part',
  'exempt_paragraph',
  'officer_labels',
  'topics',
] as const satisfies (keyof SearchDocument)[];
const SNIPPET_WORDS = 40;

/** Facets the user has narrowed by; each gets its own count request (disjunctive faceting). */
export function selectedFacetNames(params: SearchParams): FacetName[] {
  return FACET_NAMES.filter((name) => params.filters[name].length > 0);
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
  | ({ federated: false; request: MultiSearchParams } & Partial<Pick<Blend, 'merge' | 'parallel'>>);

/**
 * The most engine queries one search may send: a lookup per field term (`council:Medway`), then
 * its plan. A real search sends far fewer: one word with every facet narrowed by, 6; ten OR
 * alternatives with every facet narrowed by, 60. A blended search's second request, for the page's
 * items, is not counted: it holds at most one query per item on the page.
 */
export const MAX_ENGINE_QUERIES = 100;

/** Field terms the engine is asked what they stand for (a year stands for itself). */
export const needsLookup = (term: FieldTerm) => term.name !== 'year';

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
    throw new BadParameter(
      'q',
      `asks more than one search may (${cost} engine queries, at most ${MAX_ENGINE_QUERIES}): please use fewer OR alternatives, field terms or filters`,
    );
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
