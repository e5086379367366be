import { Router } from 'express';
import { audienceOf } from '../auth/session.js';
import type { SearchFor } from '../search/access.js';
import { buildSearchPage } from '../search-page.js';
import { MAX_TOTAL_HITS, parseSearchParams } from '../search-params.js';

/** GET / : the search page. */
export function searchRoutes(searchFor: SearchFor): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const params = parseSearchParams(req.query);
    const result = await searchFor(audienceOf(res)).search(params);
    res.render('search', { page: buildSearchPage(params, result, MAX_TOTAL_HITS) });
  });
  return router;
}
