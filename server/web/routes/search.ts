import { Router } from 'express';
import { audienceOf } from '../auth/session.js';
import type { SearchFor } from '../../query/search-access.js';
import { searchSpelt, type Spelling } from '../../query/spelling.js';
import { buildSearchPage, type SearchPage } from '../search-page.js';
import { themePanel } from '../theme-panel.js';
import { parseSearchParams } from '../../query/search-params.js';
import { MAX_TOTAL_HITS } from '../../index/index-settings.js';
import { searchPath } from '../urls.js';
import { matchesPerMeeting } from '../meetings.js';

/** GET / : the search page. */
export function searchRoutes(searchFor: SearchFor, spelling?: Spelling): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const asked = parseSearchParams(req.query);
    const search = searchFor(audienceOf(res));
    const { params, result, correction, suggestion } = await searchSpelt(search, spelling, asked);
    const meetings = result.hits.flatMap((hit) => (hit.meeting_id ? [hit.meeting_id] : []));
    const [theme, perMeeting] = await Promise.all([
      themePanel(search, params, result.facets.year),
      matchesPerMeeting(search, params, meetings),
    ]);
    const page: SearchPage = {
      ...buildSearchPage(params, result, MAX_TOTAL_HITS, perMeeting),
      theme,
      ...(suggestion ? { suggestion: { q: suggestion, url: searchPath({ ...params, q: suggestion, page: 1 }) } } : {}),
      ...(correction ? { correction: { ...correction, typedUrl: searchPath({ ...asked, asTyped: true, page: 1 }) } } : {}),
    };
    res.render('search', { page });
  });
  return router;
}
