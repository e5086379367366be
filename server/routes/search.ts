import { Router } from 'express';
import type { ArchiveSearch } from '../search/archive-search.js';
import { buildSearchPage } from '../search-page.js';
import { MAX_TOTAL_HITS, parseSearchParams } from '../search-params.js';

/** GET / : the search page. */
export function searchRoutes(search: ArchiveSearch): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const params = parseSearchParams(req.query);
    const result = await search.search(params);
    res.render('search', { page: buildSearchPage(params, result, MAX_TOTAL_HITS) });
  });
  return router;
}
