import { Router } from 'express';
import { audienceOf } from '../auth/session.js';
import type { SearchFor } from '../search/access.js';
import { parseSearchParams } from '../search-params.js';

/** GET /api/search : the search as JSON, with the same parameters as the page. */
export function apiRoutes(searchFor: SearchFor): Router {
  const router = Router();
  router.get('/search', async (req, res) => {
    const result = await searchFor(audienceOf(res)).search(parseSearchParams(req.query));
    res.json({
      total: result.total,
      page: result.page,
      per_page: result.perPage,
      hits: result.hits.map((hit) => ({
        id: hit.id,
        title: hit.title,
        council: hit.council,
        committee: hit.committee ?? null,
        meeting_date: hit.meeting_date ?? null,
        item: hit.item ?? null,
        part: hit.part,
        url: hit.url,
        passage_url: hit.passageUrl ?? null,
        snippet: hit.snippet,
        officers: hit.officers,
        topics: hit.topics,
      })),
      facets: result.facets,
    });
  });
  return router;
}
