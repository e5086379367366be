import { Router } from 'express';
import { NotFound } from '../../common/errors.js';
import { citationFor } from '../citation.js';
import { paragraphsOf, renderMinutesBody } from '../../minutes/markdown.js';
import { ITEM_ID_PATTERN, officerLabel } from '../../minutes/schema.js';
import { audienceOf } from '../auth/session.js';
import type { SearchFor } from '../../query/search-access.js';
import type { SearchDocument } from '../../index/search-document.js';
import { relatedItems, type RelatedItem } from '../related-items.js';
import { itemLabel, meetingTitle } from '../meeting-page.js';
import { meetingItems, type MeetingItem } from '../meetings.js';
import { matterTimeline, type MatterStep } from '../matter-timeline.js';
import { linkedReferences, linkReferences, resolveReferences } from '../matter-references.js';
import type { ArchiveSearch } from '../../query/archive-search.js';
import { absoluteUrl, committeePath, councilPath, itemPath, meetingPath, memberPath, officerPath, topicPath } from '../urls.js';

interface Link {
  label: string;
  url: string;
}

/** Everything the item template shows. */
export interface ItemPage {
  item: SearchDocument;
  /** The body rendered from markdown; raw HTML in the source is escaped, not passed through. */
  bodyHtml: string;
  /** Each officer with their browse page. */
  officers: Link[];
  topics: Link[];
  /** The members the item names, each with their page (or as written, where the archive cannot tell who they are). */
  councillors: (Link | { label: string; url?: undefined })[];
  permalink: string;
  /** The ready-made reference, for the item or the paragraph chosen with ?cite=. */
  citation: string;
  /** Numbered paragraphs that can be cited on their own. */
  citableParagraphs: { anchor: string; number: string; selected: boolean }[];
  councilUrl: string;
  committeeUrl?: string;
  related: RelatedItem[];
  /** What the title refers to that the archive holds ("Minutes of the Meeting held on 9th January 2025"). */
  titleReferences: Link[];
  /** The same matter at other meetings of the council, oldest first, this item among them; empty when none is found. */
  matter: MatterStep[];
  /** The meeting the item was taken at, where the archive knows it: "Item 5 of 12", and the items either side. */
  meeting?: ItemInMeeting;
}

export interface ItemInMeeting {
  url: string;
  title: string;
  /** The item's place among the meeting's items, from 1, and how many there are. */
  position: number;
  count: number;
  previous?: Link;
  next?: Link;
}

/** Where an item stands in its meeting, from the meeting's items as this audience may see them. */
export function itemInMeeting(item: Pick<SearchDocument, 'item_id' | 'meeting_id'>, items: MeetingItem[]): ItemInMeeting | undefined {
  const at = items.findIndex((other) => other.item_id === item.item_id);
  const meeting = items[at];
  if (!item.meeting_id || !meeting) return undefined;
  const link = (other: MeetingItem | undefined) => (other ? { label: itemLabel(other), url: itemPath(other.item_id) } : undefined);
  const previous = link(items[at - 1]);
  const next = link(items[at + 1]);
  return {
    url: meetingPath(item.meeting_id),
    title: meetingTitle(meeting),
    position: at + 1,
    count: items.length,
    ...(previous ? { previous } : {}),
    ...(next ? { next } : {}),
  };
}

/** Where the item stands in its meeting, and where the references its text makes lead. */
async function meetingAndReferences(search: ArchiveSearch, item: SearchDocument) {
  const items = item.meeting_id ? await meetingItems(search, item.meeting_id, []) : [];
  return { meeting: itemInMeeting(item, items), links: await resolveReferences(search, item, items) };
}

/** GET /items/:id : one agenda item in full. */
export function itemRoutes(searchFor: SearchFor): Router {
  const router = Router();
  router.get('/:id', async (req, res) => {
    const { id } = req.params;
    const search = searchFor(audienceOf(res));
    const item = ITEM_ID_PATTERN.test(id) ? await search.getItem(id) : undefined;
    if (!item) throw new NotFound(`There is no agenda item "${id}" in the archive.`);
    // item_id, not id: an officer is shown a Part 2 item's restricted record, whose engine key is not its address.
    const permalink = absoluteUrl(req, itemPath(item.item_id));
    const numbered = paragraphsOf(item.body).filter((paragraph) => paragraph.number !== undefined);
    const cited = numbered.find((paragraph) => paragraph.anchor === req.query.cite);
    const matterAndRelated = async () => {
      const matter = await matterTimeline(search, item);
      const others = matter.filter((step) => !step.current).map((step) => step.itemId);
      return { matter, related: await relatedItems(search, item, others) };
    };
    const [{ matter, related }, { meeting, links }] = await Promise.all([matterAndRelated(), meetingAndReferences(search, item)]);
    const page: ItemPage = {
      item,
      bodyHtml: linkReferences(renderMinutesBody(item.body), links),
      // officer_names holds each officer's facet value, in the same order as officers.
      officers: item.officers.map((officer, position) => ({
        label: officerLabel(officer),
        url: officerPath(item.officer_names[position] ?? officerLabel(officer)),
      })),
      topics: item.topics.map((topic) => ({ label: topic, url: topicPath(topic) })),
      councillors: item.councillor_names?.length
        ? item.councillor_names.map((name) => ({ label: name, url: memberPath(item.council, name) }))
        : item.councillors.map((label) => ({ label })),
      permalink,
      citation: citationFor(item, cited ? `${permalink}#${cited.anchor}` : permalink, cited?.number),
      citableParagraphs: numbered.map((paragraph) => ({
        anchor: paragraph.anchor,
        number: paragraph.number as string,
        selected: paragraph === cited,
      })),
      councilUrl: councilPath(item.council),
      ...(item.committee ? { committeeUrl: committeePath(item.council, item.committee) } : {}),
      related,
      titleReferences: linkedReferences(item.title, links),
      matter,
      ...(meeting ? { meeting } : {}),
    };
    res.render('item', { page });
  });
  return router;
}
