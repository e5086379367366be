/** Stable, URL-safe names for meetings and items: the same source always gets the same id. */

const MAX_PART_LENGTH = 60;

/** "Manordeilo & Salem Community Council" → "manordeilo-and-salem-community-council". */
export function slugify(text: string, maxLength = MAX_PART_LENGTH): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  return cut.slice(0, cut.lastIndexOf('-') > 0 ? cut.lastIndexOf('-') : maxLength);
}

export interface MeetingKey {
  council: string;
  committee?: string;
  meetingDate?: string;
  /** The source file's name, which stands in for the date when the minutes give none. */
  sourceName: string;
  /** Adds the source's name even to a dated meeting: two sources claim the same meeting. */
  bySource?: boolean;
}

/** The meeting's slug: council, committee and date, or the source's name when undated. */
export function meetingId(key: MeetingKey): string {
  const source = slugify(key.sourceName.replace(/\.[^.]+$/, ''));
  const when = key.meetingDate ? [key.meetingDate, key.bySource ? source : undefined] : ['undated', source];
  return [slugify(key.council), key.committee ? slugify(key.committee) : undefined, ...when].filter(Boolean).join('-');
}

/** An item's slug within its meeting: "item-6-1" for numbered items, else from its title. */
export function itemSlug(number: string | undefined, title: string): string {
  return number ? `item-${slugify(number)}` : slugify(title, 40) || 'item';
}

/** Makes slugs unique within one meeting ("item-206-19", "item-206-19-2") in order of appearance. */
export function uniqueSlugs(slugs: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return slugs.map((slug) => {
    const count = (seen.get(slug) ?? 0) + 1;
    seen.set(slug, count);
    return count === 1 ? slug : `${slug}-${count}`;
  });
}
