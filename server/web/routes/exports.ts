import { Router, type Request, type Response } from 'express';
import { audienceOf } from '../auth/session.js';
import { csvHeader, csvRecord } from '../exports/csv.js';
import { RECORD_ATTRIBUTES, toItemRecord, type ItemRecord } from '../item-record.js';
import { started, streamText } from '../exports/stream-response.js';
import type { SearchFor } from '../../query/search-access.js';
import { scanResults } from '../../query/result-stream.js';
import { parseSearchParams, type SearchParams } from '../../query/search-params.js';
import { absoluteUrl, itemPath, searchPath } from '../urls.js';

/** UTF-8 byte-order mark: without it, spreadsheets read "£" and curly quotes in council minutes as mojibake. */
const BOM = '\uFEFF';

async function* csvLines(records: AsyncIterable<ItemRecord>): AsyncGenerator<string> {
  yield BOM + csvHeader();
  for await (const record of records) yield csvRecord(record);
}

/** One JSON document, written as it goes: what was searched, when, then the items, then how many. */
async function* jsonText(req: Request, params: SearchParams, records: AsyncIterable<ItemRecord>): AsyncGenerator<string> {
  const search = {
    url: absoluteUrl(req, searchPath({ ...params, page: 1 })),
    q: params.q,
    filters: params.filters,
    from: params.from ?? null,
    to: params.to ?? null,
  };
  yield `{"search":${JSON.stringify(search)},"generated_at":${JSON.stringify(new Date().toISOString())},"items":[`;
  let count = 0;
  for await (const record of records) {
    yield `${count === 0 ? '\n' : ',\n'}${JSON.stringify(record)}`;
    count += 1;
  }
  yield `\n],"count":${count}}\n`;
}

/** GET /api/export.csv and /api/export.json : every match of a search, newest meeting first, with provenance. */
export function exportRoutes(searchFor: SearchFor): Router {
  const router = Router();

  /** The search's items as export records, started (see `started`). */
  async function recordsFor(req: Request, res: Response): Promise<[SearchParams, AsyncIterable<ItemRecord>]> {
    const params = parseSearchParams(req.query);
    const documents = await started(scanResults(searchFor(audienceOf(res)), params, RECORD_ATTRIBUTES));
    const itemUrl = (id: string) => absoluteUrl(req, itemPath(id));
    async function* records() {
      for await (const document of documents) yield toItemRecord(document, itemUrl);
    }
    return [params, records()];
  }

  router.get('/export.csv', async (req, res) => {
    const [, records] = await recordsFor(req, res);
    await streamText(res, 'text/csv; charset=utf-8; header=present', 'minutes-archive-export.csv', csvLines(records));
  });

  router.get('/export.json', async (req, res) => {
    const [params, records] = await recordsFor(req, res);
    await streamText(res, 'application/json; charset=utf-8', 'minutes-archive-export.json', jsonText(req, params, records));
  });
  return router;
}
