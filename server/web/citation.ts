import { formatMeetingDate } from './formatting.js';
import type { SearchDocument } from '../index/search-document.js';

type CitedItem = Pick<SearchDocument, 'council' | 'committee' | 'meeting_date' | 'item' | 'title'>;

/**
 * A reference an FOI officer can paste: council, committee, meeting date,
 * item and paragraph as published, then the permanent address.
 */
export function citationFor(item: CitedItem, permalink: string, paragraphNumber?: string): string {
  const parts = [
    item.council,
    item.committee,
    item.meeting_date ? `meeting of ${formatMeetingDate(item.meeting_date)}` : 'meeting date not stated',
    item.item ? `item ${item.item}: ${item.title}` : item.title,
    paragraphNumber ? `paragraph ${paragraphNumber}` : undefined,
  ];
  return `${parts.filter((part) => part !== undefined).join(', ')}. ${permalink}`;
}
