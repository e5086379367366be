import { Router } from 'express';
import { NotFound } from '../../common/errors.js';
import { ITEM_ID_PATTERN } from '../../minutes/schema.js';
import type { ArchiveSearch } from '../../query/archive-search.js';
import type { SearchFor } from '../../query/search-access.js';
import { parseSearchParams } from '../../query/search-params.js';
import { audienceOf } from '../auth/session.js';
import { buildMeetingPage, MEETING_PAGE_ATTRIBUTES, type MeetingPage, type MeetingPageItem } from '../meeting-page.js';
import { meetingItems, neighbourMeetings } from '../meetings.js';

/**
 * One meeting as this audience may see it: its items in order, the committee's meetings either
 * side, and, with `q`, which items that search matches. Not found when the archive holds none of
 * its items.
 */
export async function loadMeetingPage(search: ArchiveSearch, id: string, q?: string): Promise<MeetingPage> {
  const items = ITEM_ID_PATTERN.test(id) ? await meetingItems(search, id, MEETING_PAGE_ATTRIBUTES) : [];
  const [first] = items;
  if (!first) throw new NotFound(`There is no meeting "${id}" in the archive.`);
  const params = q ? parseSearchParams({ q }) : undefined;
  const [neighbours, matched] = await Promise.all([
    neighbourMeetings(search, first),
    params ? meetingItems(search, id, [], params) : Promise.resolve(undefined),
  ]);
  return buildMeetingPage(
    id,
    items as [MeetingPageItem, ...MeetingPageItem[]],
    neighbours,
    params && matched ? { q: params.q, matched: new Set(matched.map((item) => item.item_id)) } : undefined,
  );
}

const searchWords = (q: unknown) => (typeof q === 'string' && q.trim() !== '' ? q : undefined);

/** GET /meetings/:id : one meeting, with every item in order; `?q=` marks the items a search matches. */
export function meetingRoutes(searchFor: SearchFor): Router {
  const router = Router();
  router.get('/:id', async (req, res) => {
    const page = await loadMeetingPage(searchFor(audienceOf(res)), req.params.id, searchWords(req.query.q));
    res.render('meeting', { page });
  });
  return router;
}
