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
import { itemPath, meetingPath } from '../urls.js';
import type { MeetingPage } from '../meeting-page.js';
import { loadMeetingPage } from './meetings.js';

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

/** A meeting as JSON: what its page shows, unknown facts null. */
function meetingRecord(page: MeetingPage) {
  const neighbour = (link: MeetingPage['previous']) => (link ? { url: link.url, meeting_date: link.meeting_date } : null);
  return {
    id: page.id,
    url: meetingPath(page.id),
    council: page.council,
    committee: page.committee ?? null,
    meeting_date: page.meeting_date ?? null,
    place: page.place ?? null,
    starts: page.starts ?? null,
    ends: page.ends ?? null,
    present: page.present.map((person) => person.label),
    apologies: page.apologies.map((person) => person.label),
    in_attendance: page.inAttendance.map((person) => person.label),
    declarations: page.declarations.map((declaration) => ({ text: declaration.text, item_url: declaration.itemUrl })),
    items: page.items.map((item) => ({
      id: item.id,
      url: item.url,
      item: item.number ?? null,
      title: item.title,
      part: item.part,
      exempt_paragraph: item.exemptParagraph ?? null,
      decisions: item.decisions,
    })),
    source_urls: page.sources,
    previous: neighbour(page.previous),
    next: neighbour(page.next),
  };
}

/** GET /api/search : the search as JSON, with the same parameters as the page; GET /api/items/:id : one item; GET /api/meetings/:id : one meeting. */
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
        meeting_url: hit.meetingUrl ?? null,
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
  router.get('/meetings/:id', async (req, res) => {
    res.json(meetingRecord(await loadMeetingPage(searchFor(audienceOf(res)), req.params.id)));
  });
  return router;
}
