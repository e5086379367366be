import express, { type ErrorRequestHandler, type Express } from 'express';
import helmet from 'helmet';
import path from 'node:path';
import { HttpError, NotFound } from './errors.js';
import { formatMeetingDate } from './formatting.js';
import { GOVUK_FRONTEND_DIR, VIEWS_DIR } from './paths.js';
import { apiRoutes } from './routes/api.js';
import { itemRoutes } from './routes/items.js';
import { searchRoutes } from './routes/search.js';
import type { ArchiveSearch } from './search/archive-search.js';

export interface AppDeps {
  search: ArchiveSearch;
  /** Where unexpected errors are reported; defaults to stderr. */
  logError?: (error: unknown) => void;
}

/** Builds the web application; it listens nowhere and reads no environment. */
export function createApp({ search, logError = (error) => console.error(error) }: AppDeps): Express {
  const app = express();
  app.set('views', VIEWS_DIR);
  app.set('view engine', 'ejs');
  app.set('query parser', 'simple');
  app.disable('x-powered-by');
  app.locals.formatMeetingDate = formatMeetingDate;
  app.use(helmet());

  app.use('/assets', express.static(path.join(GOVUK_FRONTEND_DIR, 'assets'), { maxAge: '7d' }));
  app.use('/stylesheets/govuk-frontend.min.css', express.static(path.join(GOVUK_FRONTEND_DIR, 'govuk-frontend.min.css')));
  app.use('/static', express.static(path.join(VIEWS_DIR, 'static'), { maxAge: '1h' }));

  app.use('/', searchRoutes(search));
  app.use('/api', apiRoutes(search));
  app.use('/items', itemRoutes(search));

  app.use(() => {
    throw new NotFound();
  });
  app.use(errorHandler(logError));
  return app;
}

/** The one place errors become responses: JSON under /api, a page elsewhere, never a stack trace. */
function errorHandler(logError: (error: unknown) => void): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) return next(error);
    const known = error instanceof HttpError;
    // Express itself flags requests it cannot read (e.g. a malformed %-escape) with a 4xx status.
    const clientError = !known && Number.isInteger(error?.status) && error.status >= 400 && error.status < 500;
    if (!known && !clientError) logError(error);
    const status: number = known || clientError ? error.status : 500;
    const message = known
      ? error.message
      : clientError
        ? 'The address of this page could not be read. Please check the link.'
        : 'Something went wrong on our side. Please try again later.';
    res.status(status);
    if (req.originalUrl.startsWith('/api/')) {
      res.json({ error: { status, message, ...(error?.parameter ? { parameter: error.parameter } : {}) } });
    } else {
      res.render('error', { status, message });
    }
  };
}
