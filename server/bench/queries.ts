import { noFilters, type SearchParams } from '../query/search-params.js';
import { searchQueryString } from '../web/urls.js';
import { councilsFor } from './generate.js';
import { Random } from './random.js';
import type { Vocabulary } from './vocabulary.js';

/** The kinds of search people make, in the share the mix gives them. */
export const QUERY_KINDS = {
  /** One word, all five facets counted: the case the 50 ms target is about. */
  word: 0.35,
  words: 0.15,
  phrase: 0.1,
  /** A word narrowed by a council or a topic (a second, disjunctive facet request). */
  filtered: 0.15,
  /** Browsing one council's newest items, no words. */
  browse: 0.05,
  'date range': 0.05,
  newest: 0.1,
  'deep page': 0.05,
} as const;

export type QueryKind = keyof typeof QUERY_KINDS;

export interface BenchQuery {
  kind: QueryKind;
  params: SearchParams;
  /** The query string the archive's pages and API take. */
  queryString: string;
}

const TOPICS = [
  'housing',
  'highways',
  'budget',
  'planning applications',
  'early help',
  'waste and recycling',
  'public health',
  'allotments',
];

function pickKind(random: Random): QueryKind {
  let roll = random.next();
  for (const [kind, share] of Object.entries(QUERY_KINDS) as [QueryKind, number][]) {
    roll -= share;
    if (roll < 0) return kind;
  }
  return 'word';
}

/** A deterministic mix of `count` searches over an archive of `size` items. */
export function queryMix(seed: number, count: number, size: number, vocabulary: Vocabulary): BenchQuery[] {
  const random = new Random(seed ^ 0x51ed);
  const words = vocabulary.commonWords(400, 5, 30);
  const councils = councilsFor(size);
  const queries: BenchQuery[] = [];
  for (let n = 0; n < count; n += 1) {
    const kind = pickKind(random);
    const word = random.pickSkewed(words, 1.5);
    const params: SearchParams = { q: word, filters: noFilters(), sort: 'relevance', page: 1, perPage: 20 };
    switch (kind) {
      case 'words':
        params.q = `${word} ${random.pick(words)}`;
        break;
      case 'phrase': {
        const pair = vocabulary.sentence(random).replace(/[.,]/g, '').split(' ').slice(1, 3).join(' ').toLowerCase();
        params.q = `"${pair}"`;
        break;
      }
      case 'filtered':
        if (random.chance(0.5)) params.filters.council = [random.pickSkewed(councils, 1.6)];
        else params.filters.topic = [random.pick(TOPICS)];
        break;
      case 'browse':
        params.q = '';
        params.filters.council = [random.pickSkewed(councils, 1.6)];
        params.sort = 'newest';
        break;
      case 'date range': {
        const year = random.int(2000, 2022);
        params.from = `${year}-01-01`;
        params.to = `${year + random.int(0, 3)}-12-31`;
        break;
      }
      case 'newest':
        params.sort = 'newest';
        break;
      case 'deep page':
        params.q = random.pick(words.slice(0, 40));
        params.page = random.int(5, 40);
        break;
      default:
        break;
    }
    queries.push({ kind, params, queryString: searchQueryString(params) });
  }
  return queries;
}
