import { Router } from 'express';
import { NotFound } from '../errors.js';
import { renderMinutesBody } from '../markdown.js';
import { ITEM_ID_PATTERN, officerLabel } from '../minutes/schema.js';
import { audienceOf } from '../auth/session.js';
import type { SearchFor } from '../search/access.js';
import type { SearchDocument } from '../search/search-document.js';
import { itemPath } from '../urls.js';

/** Everything the item template shows. */
export interface ItemPage {
  item: SearchDocument;
  /** The body rendered from markdown; raw HTML in the source is escaped, not passed through. */
  bodyHtml: string;
  officers: string[];
  permalink: string;
  searchCouncilUrl: string;
}

/** GET /items/:id : one agenda item in full. */
export function itemRoutes(searchFor: SearchFor): Router {
  const router = Router();
  router.get('/:id', async (req, res) => {
    const { id } = req.params;
    const item = ITEM_ID_PATTERN.test(id) ? await searchFor(audienceOf(res)).getItem(id) : undefined;
    if (!item) throw new NotFound(`There is no agenda item "${id}" in the archive.`);
    const page: ItemPage = {
      item,
      bodyHtml: renderMinutesBody(item.body),
      officers: item.officers.map(officerLabel),
      permalink: `${req.protocol}://${req.get('host') ?? 'localhost'}${itemPath(item.id)}`,
      searchCouncilUrl: `/?${new URLSearchParams({ council: item.council })}`,
    };
    res.render('item', { page });
  });
  return router;
}
