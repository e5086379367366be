import type { SearchParams } from './search-params.js';
import type { ArchiveSearch } from './archive-search.js';
import { afterCursorFilter, DATED_FILTER, UNDATED_FILTER, type ScanCursor } from './filters.js';
import type { SearchDocument } from '../index/search-document.js';

/** Hits per engine request while scanning: inside the engine's 1,000-hit window, and few requests. */
export const SCAN_PAGE_SIZE = 500;

/** Dated items newest first, then undated ones; the item id orders items of one meeting. */
const PHASES = [
  { filter: DATED_FILTER, sort: ['meeting_ts:desc', 'item_id:asc'] },
  { filter: UNDATED_FILTER, sort: ['item_id:asc'] },
] as const;

function cursorOf(document: SearchDocument): ScanCursor {
  return { ...(document.meeting_ts !== undefined ? { meetingTs: document.meeting_ts } : {}), itemId: document.item_id };
}

/** True when `b` comes after `a` in scan order (within one phase). */
function follows(a: ScanCursor, b: ScanCursor): boolean {
  const [at, bt] = [a.meetingTs ?? 0, b.meetingTs ?? 0];
  return bt < at || (bt === at && b.itemId > a.itemId);
}

/**
 * Every item a search matches, as its audience may see it: newest meeting
 * first, then undated items. The engine answers at most 1,000 hits per search,
 * so this pages by key (the last item's date and id) rather than by offset,
 * through the same tenant-token search as the pages: the documents route is
 * not open to the token, and must not be, as its filter is the caller's own.
 * Stops sending requests when the consumer stops reading.
 */
export async function* scanResults(
  search: ArchiveSearch,
  params: SearchParams,
  attributes: (keyof SearchDocument)[],
  pageSize = SCAN_PAGE_SIZE,
): AsyncGenerator<SearchDocument> {
  const attributesToRetrieve = [...new Set([...attributes, 'item_id', 'meeting_ts'] as const)];
  for (const phase of PHASES) {
    let cursor: ScanCursor | undefined;
    for (;;) {
      const filter = cursor ? [phase.filter, afterCursorFilter(cursor)] : [phase.filter];
      const [answer] = await search.derive(params, [{ filter, sort: [...phase.sort], limit: pageSize, attributesToRetrieve }]);
      const hits = answer?.hits ?? [];
      for (const hit of hits) {
        const next = cursorOf(hit);
        // Paging by key is only sound if the engine sorts before it ranks (index-settings.ts).
        if (cursor && !follows(cursor, next)) throw new Error(`The engine answered ${next.itemId} out of order after ${cursor.itemId}`);
        cursor = next;
        yield hit;
      }
      if (hits.length < pageSize) break;
    }
  }
}
