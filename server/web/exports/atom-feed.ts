import { formatMeetingDate } from '../formatting.js';
import type { ItemRecord } from '../item-record.js';

export interface AtomFeed {
  /** The feed's own URL: also its permanent id. */
  selfUrl: string;
  /** The search page the feed follows. */
  pageUrl: string;
  title: string;
  entries: ItemRecord[];
}

/** Feed readers need some date; items with none sort as the oldest. */
const NO_DATE = '1970-01-01T00:00:00.000Z';

// Characters XML 1.0 cannot carry at all, even escaped.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const meetingInstant = (record: ItemRecord) => (record.meeting_date ? `${record.meeting_date}T00:00:00.000Z` : undefined);

/** When an entry last changed for a reader: when the archive indexed it, else its meeting. */
const entryUpdated = (record: ItemRecord) => record.ingested_at ?? meetingInstant(record) ?? NO_DATE;

/** What a reader sees of an item in the feed: its meeting, and what was decided or the first words. */
export function entrySummary(record: ItemRecord): string {
  const meeting = [record.council, record.committee, record.meeting_date ? formatMeetingDate(record.meeting_date) : 'date not known']
    .filter(Boolean)
    .join(', ');
  if (record.part === 2 && record.body === '') {
    return `${meeting}. Exempt from publication${record.exempt_paragraph ? ` (Schedule 12A paragraph ${record.exempt_paragraph})` : ''}.`;
  }
  const gist = record.decisions.length > 0 ? `Decided: ${record.decisions.join(' ')}` : record.body.replace(/\s+/g, ' ').slice(0, 300);
  return `${meeting}. ${gist}`.trim();
}

function entry(record: ItemRecord): string {
  const published = meetingInstant(record);
  return [
    '  <entry>',
    `    <id>${escapeXml(record.url)}</id>`,
    `    <title>${escapeXml(record.item ? `Item ${record.item}: ${record.title}` : record.title)}</title>`,
    `    <link rel="alternate" type="text/html" href="${escapeXml(record.url)}"/>`,
    ...(record.source_url ? [`    <link rel="via" href="${escapeXml(record.source_url)}"/>`] : []),
    `    <updated>${entryUpdated(record)}</updated>`,
    ...(published ? [`    <published>${published}</published>`] : []),
    `    <author><name>${escapeXml(record.council)}</name></author>`,
    ...record.topics.map((topic) => `    <category term="${escapeXml(topic)}"/>`),
    `    <summary>${escapeXml(entrySummary(record))}</summary>`,
    '  </entry>',
  ].join('\n');
}

/** An Atom 1.0 document (RFC 4287); its date is its newest entry's, so an unchanged search gives an unchanged feed. */
export function atomFeed(feed: AtomFeed): string {
  const updated = feed.entries.map(entryUpdated).reduce((newest, date) => (date > newest ? date : newest), NO_DATE);
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${escapeXml(feed.selfUrl)}</id>`,
    `  <title>${escapeXml(feed.title)}</title>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(feed.pageUrl)}"/>`,
    `  <updated>${updated}</updated>`,
    '  <author><name>Minutes Archive</name></author>',
    '  <generator>Minutes Archive</generator>',
    ...feed.entries.map(entry),
    '</feed>',
    '',
  ].join('\n');
}
