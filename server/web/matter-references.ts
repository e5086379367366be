import { MONTH_NAMES } from '../common/calendar.js';
import * as cheerio from 'cheerio';
import type { ArchiveSearch } from '../query/archive-search.js';
import { dateRangeFilter, facetFilter, otherItemsFilter } from '../query/filters.js';
import { EVERY_ITEM, noFilters } from '../query/search-params.js';
import { MAX_TOTAL_HITS } from '../index/index-settings.js';
import type { SearchDocument } from '../index/search-document.js';
import type { MeetingItem } from './meetings.js';
import { escapeHtml } from './highlight.js';
import { itemPath, meetingPath, searchPath } from './urls.js';

/**
 * A reference the minutes make to another record: a meeting's minutes by date, a minute by its
 * number and year ("minute 45/19"), a decision by its number ("24/00108"), an item of the same
 * meeting ("see item 7"). `key` names what it refers to, whatever the words around it.
 */
export interface MatterReference {
  key: string;
  /** Where in the text the reference starts, and its words. */
  start: number;
  text: string;
}

/** A decision number "24/00108": two digits of the year, five of the decision. */
export const DECISION_NUMBER = /\b\d{2}\/\d{5}\b/g;

const MONTHS = MONTH_NAMES.map((name) => name.toLowerCase());

const PATTERNS: { pattern: RegExp; key: (match: RegExpExecArray) => string | undefined }[] = [
  {
    // "Minutes of the Meeting held on 9th January 2025", "minutes of the meeting of the Council held on Monday, 12 May, 2015"
    pattern: new RegExp(
      String.raw`\bminutes of (?:the )?(?:[\w ]{0,40}?)?meeting (?:of [^.;:\n]{1,80}? )?held on (?:[A-Z][a-z]+day,? )?(?:the )?(\d{1,2})(?:st|nd|rd|th)?(?: of)? (${MONTHS.join('|')}),? (\d{4})`,
      'gi',
    ),
    key: (match) => {
      const month = MONTHS.indexOf((match[2] ?? '').toLowerCase()) + 1;
      const day = Number(match[1]);
      if (month === 0 || day < 1 || day > 31) return undefined;
      return `meeting:${match[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    },
  },
  // "minute 45/19": minute 45 of 2019.
  { pattern: /\bminutes? (?:no\.? ?)?(\d{1,4})\/(\d{2}|\d{4})\b/gi, key: (match) => `minute:${match[1]}/${fullYear(match[2] ?? '')}` },
  { pattern: DECISION_NUMBER, key: (match) => `decision:${match[0]}` },
  { pattern: /\b(?:see|under) (?:agenda )?item (\d{1,3}(?:\.\d{1,2})?)\b/gi, key: (match) => `item:${match[1]}` },
];

function fullYear(year: string): string {
  return year.length === 4 ? year : `20${year}`;
}

/** Every reference in a text, in order. */
export function findReferences(text: string): MatterReference[] {
  const found: MatterReference[] = [];
  for (const { pattern, key } of PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const resolvedKey = key(match as RegExpExecArray);
      if (resolvedKey) found.push({ key: resolvedKey, start: match.index, text: match[0] });
    }
  }
  // A decision number inside a longer reference is part of it (of any reference before it, kept or not).
  let end = 0;
  return found
    .sort((a, b) => a.start - b.start || b.text.length - a.text.length)
    .filter((reference) => {
      const inside = reference.start < end;
      end = Math.max(end, reference.start + reference.text.length);
      return !inside;
    });
}

type Context = Pick<SearchDocument, 'item_id' | 'council' | 'committee' | 'meeting_id' | 'body' | 'title'>;

const CANDIDATES = 50;

/** One candidate, or the same committee's one where there are several; undefined when it cannot tell. */
function onlyOne<T extends { committee?: string }>(candidates: T[], committee: string | undefined): T | undefined {
  if (candidates.length === 1) return candidates[0];
  const same = candidates.filter((candidate) => candidate.committee === committee);
  return same.length === 1 ? same[0] : undefined;
}

/**
 * Where each reference in an item leads, as this audience may see the archive: only to a record
 * it holds, resolved within the item's council, and only where one record fits (a meeting of the
 * same committee before another, an item of the same meeting). Unresolved references are left out.
 */
export async function resolveReferences(search: ArchiveSearch, item: Context, meetingItems: MeetingItem[]): Promise<Map<string, string>> {
  const references = findReferences(`${item.title}\n${item.body}`);
  const keys = [...new Set(references.map((reference) => reference.key))];
  const links = new Map<string, string>();
  const council = facetFilter('council', [item.council]) as string;
  const meetingKeys = keys.filter((key) => key.startsWith('meeting:'));
  const minuteKeys = keys.filter((key) => key.startsWith('minute:'));
  const decisionKeys = keys.filter((key) => key.startsWith('decision:'));
  for (const key of keys.filter((each) => each.startsWith('item:'))) {
    const target = meetingItems.find((other) => other.item === key.slice('item:'.length) && other.item_id !== item.item_id);
    if (target) links.set(key, itemPath(target.item_id));
  }

  const attributes: (keyof SearchDocument)[] = ['item_id', 'meeting_id', 'committee', 'item', 'title'];
  const dated = meetingKeys.map((key) => {
    const date = key.slice('meeting:'.length);
    return { filter: [council, dateRangeFilter(date, date) as string], limit: CANDIDATES, attributesToRetrieve: attributes };
  });
  const minutes = minuteKeys.map((key) => {
    const year = key.slice(key.indexOf('/') + 1);
    return {
      filter: [
        council,
        dateRangeFilter(`${year}-01-01`, `${year}-12-31`) as string,
        ...(item.committee ? [facetFilter('committee', [item.committee]) as string] : []),
      ],
      limit: MAX_TOTAL_HITS,
      attributesToRetrieve: attributes,
    };
  });
  const answers = dated.length + minutes.length > 0 ? await search.derive(EVERY_ITEM, [...dated, ...minutes]) : [];
  const [datedAnswers, minuteAnswers] = [answers.slice(0, dated.length), answers.slice(dated.length)];
  meetingKeys.forEach((key, position) => {
    const hits = datedAnswers[position]?.hits ?? [];
    const meetings = [
      ...new Map(hits.filter((hit) => hit.meeting_id && hit.meeting_id !== item.meeting_id).map((hit) => [hit.meeting_id, hit])).values(),
    ];
    const target = onlyOne(meetings, item.committee);
    if (target?.meeting_id) links.set(key, meetingPath(target.meeting_id));
  });
  minuteKeys.forEach((key, position) => {
    const number = key.slice('minute:'.length, key.indexOf('/'));
    const hits = (minuteAnswers[position]?.hits ?? []).filter((hit) => hit.item === number && hit.item_id !== item.item_id);
    if (hits.length === 1 && hits[0]) links.set(key, itemPath(hits[0].item_id));
  });

  // A decision is found by its number in the title of the item that took it.
  const decisions = await Promise.all(
    decisionKeys.map(async (key) => {
      const code = key.slice('decision:'.length);
      const [answer] = await search.derive({ ...EVERY_ITEM, q: `"${code}"` }, [
        { filter: [council, otherItemsFilter(item.item_id)], limit: CANDIDATES, attributesToRetrieve: attributes },
      ]);
      return { key, code, hits: (answer?.hits ?? []).filter((hit) => hit.title.includes(code)) };
    }),
  );
  for (const { key, code, hits } of decisions) {
    const [first] = hits;
    if (hits.length === 1 && first) links.set(key, itemPath(first.item_id));
    else if (hits.length > 1)
      links.set(key, searchPath({ ...EVERY_ITEM, q: `"${code}"`, filters: { ...noFilters(), council: [item.council] } }));
  }
  return links;
}

/** The references a text makes that lead somewhere, each once, with its words: for a title, which is not linked in place. */
export function linkedReferences(text: string, links: Map<string, string>): { label: string; url: string }[] {
  const found = findReferences(text).filter((reference) => links.has(reference.key));
  return [
    ...new Map(found.map((reference) => [reference.key, { label: reference.text, url: links.get(reference.key) as string }])).values(),
  ];
}

/** The rendered body with each resolved reference made a link; text already inside a link is left alone. */
export function linkReferences(html: string, links: Map<string, string>): string {
  if (links.size === 0) return html;
  const $ = cheerio.load(html, null, false);
  const textNodes = $('*')
    .addBack()
    .contents()
    .toArray()
    .filter((node) => node.type === 'text' && $(node).closest('a').length === 0);
  for (const node of textNodes) {
    const text = $(node).text();
    const references = findReferences(text).filter((reference) => links.has(reference.key));
    if (references.length === 0) continue;
    let at = 0;
    const parts: string[] = [];
    for (const reference of references) {
      parts.push(escapeHtml(text.slice(at, reference.start)));
      parts.push(
        `<a class="govuk-link archive-reference" href="${escapeHtml(links.get(reference.key) as string)}">${escapeHtml(reference.text)}</a>`,
      );
      at = reference.start + reference.text.length;
    }
    parts.push(escapeHtml(text.slice(at)));
    $(node).replaceWith(parts.join(''));
  }
  return $.html();
}
