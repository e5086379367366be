import { Router } from 'express';
import { CSV_COLUMNS } from '../exports/csv.js';
import { RECORD_FIELDS } from '../item-record.js';
import { FEED_ENTRIES } from './feed.js';
import { MAX_PER_PAGE, parseSearchParams } from '../../query/search-params.js';
import { MAX_TOTAL_HITS } from '../../index/index-settings.js';
import { absoluteUrl, exportPath, feedPath, searchPath } from '../urls.js';

/** Everything the API page shows: the examples are real addresses on this site. */
export interface ApiPage {
  examples: { search: string; csv: string; json: string; feed: string };
  fields: { name: string; description: string }[];
  feedEntries: number;
  maxPerPage: number;
  maxTotalHits: number;
}

/** GET /api : how to use /api/search, the exports and the feed. */
export function apiDocsRoutes(): Router {
  const router = Router();
  router.get('/', (req, res) => {
    const example = parseSearchParams({ q: 'exclusions', council: 'Medway Council' });
    const theme = parseSearchParams({ topic: 'early help' });
    const page: ApiPage = {
      examples: {
        search: absoluteUrl(req, searchPath(example, '/api/search')),
        csv: absoluteUrl(req, exportPath('csv', theme)),
        json: absoluteUrl(req, exportPath('json', theme)),
        feed: absoluteUrl(req, feedPath(theme)),
      },
      fields: CSV_COLUMNS.map((name) => ({ name, description: RECORD_FIELDS[name] })),
      feedEntries: FEED_ENTRIES,
      maxPerPage: MAX_PER_PAGE,
      maxTotalHits: MAX_TOTAL_HITS,
    };
    res.render('api', { page });
  });
  return router;
}
