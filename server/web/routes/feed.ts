import { Router } from 'express';
import { audienceOf } from '../auth/session.js';
import { atomFeed } from '../exports/atom-feed.js';
import { RECORD_ATTRIBUTES, toItemRecord, type ItemRecord } from '../item-record.js';
import type { SearchFor } from '../../query/search-access.js';
import { scanResults } from '../../query/result-stream.js';
import { parseSearchParams } from '../../query/search-params.js';
import { absoluteUrl, feedPath, feedTitle, itemPath, searchPath } from '../urls.js';

/** Entries in a feed: the newest meetings; a reader polls often enough to see each. */
export const FEED_ENTRIES = 50;

/** GET /api/feed.atom : the newest items matching a search, to follow a theme in a feed reader. */
export function feedRoutes(searchFor: SearchFor): Router {
  const router = Router();
  router.get('/feed.atom', async (req, res) => {
    const params = parseSearchParams(req.query);
    const entries: ItemRecord[] = [];
    for await (const document of scanResults(searchFor(audienceOf(res)), params, RECORD_ATTRIBUTES, FEED_ENTRIES)) {
      entries.push(toItemRecord(document, (id) => absoluteUrl(req, itemPath(id))));
      if (entries.length === FEED_ENTRIES) break;
    }
    const feed = atomFeed({
      selfUrl: absoluteUrl(req, feedPath(params)),
      pageUrl: absoluteUrl(req, searchPath({ ...params, sort: 'newest', page: 1 })),
      title: feedTitle(params),
      entries,
    });
    res.type('application/atom+xml; charset=utf-8').send(feed);
  });
  return router;
}
