import { Router, type Request, type Response } from 'express';
import { audienceOf } from '../auth/session.js';
import { councilIndex, officerIndex, topicIndex, type BrowseIndexPage } from '../browse-index.js';
import { buildBrowsePage, browseParams, officerRoles, subjectName, type BrowseSubject, type OfficerRole } from '../browse-page.js';
import { NotFound } from '../../common/errors.js';
import type { SearchFor } from '../../query/search-access.js';
import { scanResults } from '../../query/result-stream.js';
import type { SearchDocument } from '../../index/search-document.js';
import { BROWSE_INDEX_PATHS } from '../urls.js';
import { memberPage, membersPage } from '../member-pages.js';
import { splitPersonValue } from '../../index/people.js';

/**
 * GET /councils/:council, /councils/:council/committees/:committee,
 * /officers/:officer and /topics/:topic : one council, committee, officer or
 * topic, as a search with that filter fixed; /councils/:council/members and
 * /councils/:council/members/:member : a council's members, and one of them. The name in the path is the
 * facet value itself, so each page has one lasting address. GET /councils,
 * /topics and /officers list them.
 */
export function browseRoutes(searchFor: SearchFor): Router {
  const router = Router();

  async function render(res: Response, subject: BrowseSubject): Promise<void> {
    const params = browseParams(subject);
    const search = searchFor(audienceOf(res));
    const result = await search.search(params);
    if (result.total === 0) throw new NotFound(`The archive holds no items for the ${subject.kind} “${subjectName(subject)}”.`);
    let roles: OfficerRole[] = [];
    const variants = new Set<string>();
    if (subject.kind === 'officer') {
      const documents: SearchDocument[] = [];
      for await (const document of scanResults(search, params, [
        'officers',
        'officer_names',
        'officer_variants',
        'meeting_date',
        'council',
      ])) {
        documents.push(document);
        for (const value of document.officer_variants ?? []) {
          const { person, what } = splitPersonValue(value);
          if (person === subject.officer) variants.add(what);
        }
      }
      roles = officerRoles(subject.officer, documents);
    }
    res.render('browse', { page: buildBrowsePage(subject, params, result, roles, [...variants].sort()) });
  }

  const index = (list: (search: ReturnType<SearchFor>) => Promise<BrowseIndexPage>) => async (_req: Request, res: Response) => {
    res.render('browse-index', { page: await list(searchFor(audienceOf(res))) });
  };
  router.get(BROWSE_INDEX_PATHS.council, index(councilIndex));
  router.get(BROWSE_INDEX_PATHS.topic, index(topicIndex));
  router.get(BROWSE_INDEX_PATHS.officer, index(officerIndex));
  router.get('/councils/:council', (req, res) => render(res, { kind: 'council', council: req.params.council }));
  router.get('/councils/:council/committees/:committee', (req, res) =>
    render(res, { kind: 'committee', council: req.params.council, committee: req.params.committee }),
  );
  router.get('/councils/:council/members', async (req, res) => {
    const page = await membersPage(searchFor(audienceOf(res)), req.params.council);
    if (!page) throw new NotFound(`The archive names no members of “${req.params.council}”.`);
    res.render('members', { page });
  });
  router.get('/councils/:council/members/:member', async (req, res) => {
    const page = await memberPage(searchFor(audienceOf(res)), req.params.council, req.params.member);
    if (!page) throw new NotFound(`The archive holds nothing of “${req.params.member}” in the minutes of ${req.params.council}.`);
    res.render('member', { page });
  });
  router.get('/officers/:officer', (req, res) => render(res, { kind: 'officer', officer: req.params.officer }));
  router.get('/topics/:topic', (req, res) => render(res, { kind: 'topic', topic: req.params.topic }));
  return router;
}
