import { Router } from 'express';
import { audienceOf } from '../auth/session.js';
import type { SearchFor } from '../../query/search-access.js';
import { parseSearchParams } from '../../query/search-params.js';
import { searchSpelt, type Spelling } from '../../query/spelling.js';
import { NotFound } from '../../common/errors.js';
import { ITEM_ID_PATTERN } from '../../minutes/schema.js';
import type { SearchDocument } from '../../index/search-document.js';
import { toHit } from '../hits.js';
import { toItemRecord } from '../item-record.js';
import { itemPath } from '../urls.js';

type MeetingFacts = Pick<SearchDocument, 'title' | 'council' | 'committee' | 'meeting_date' | 'item' | 'part'>;

/** Where and when an item was taken, as JSON: unknown facts are null, never left out. */
function meetingJson(facts: MeetingFacts) {
  return {
    title: facts.title,
    council: facts.council,
    committee: facts.committee ?? null,
    meeting_date: facts.meeting_date ?? null,
    item: facts.item ?? null,
    part: facts.part,
  };
}

/** GET /api/search : the search as JSON, with the same parameters as the page; GET /api/items/:id : one item. */
export function apiRoutes(searchFor: SearchFor, spelling?: Spelling): Router {
  const router = Router();
  router.get('/search', async (req, res) => {
    const { result, correction } = await searchSpelt(searchFor(audienceOf(res)), spelling, parseSearchParams(req.query));
    res.json({
      // The words searched when the typed ones are not the archive's ("Showing results for …"); as_typed=1 searches those.
      corrected: correction ? { q: correction.q, typed: correction.typed } : null,
      total: result.total,
      listed: result.listed,
      page: result.page,
      per_page: result.perPage,
      hits: result.hits.map(toHit).map((hit) => ({
        id: hit.id,
        ...meetingJson(hit),
        url: hit.url,
        passage_url: hit.passageUrl ?? null,
        snippet: hit.snippet,
        officers: hit.officers,
        topics: hit.topics,
      })),
      facets: result.facets,
    });
  });
  router.get('/items/:id', async (req, res) => {
    const { id } = req.params;
    const item = ITEM_ID_PATTERN.test(id) ? await searchFor(audienceOf(res)).getItem(id) : undefined;
    if (!item) throw new NotFound(`There is no agenda item "${id}" in the archive.`);
    res.json(toItemRecord(item, itemPath));
  });
  return router;
}
