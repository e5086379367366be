import cookieSession from 'cookie-session';
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import rateLimit from 'express-rate-limit';
import helmet from 'helmet';
import path from 'node:path';
import type { AccountStore } from './auth/accounts.js';
import { identifyOfficer } from './auth/session.js';
import type { TrustProxy } from '../common/config.js';
import { HttpError, NotFound } from '../common/errors.js';
import { formatMeetingDate } from './formatting.js';
import { GOVUK_FRONTEND_DIR, VIEWS_DIR } from '../common/paths.js';
import { apiDocsRoutes } from './routes/api-docs.js';
import { apiRoutes } from './routes/api.js';
import { browseRoutes } from './routes/browse.js';
import { exportRoutes } from './routes/exports.js';
import { feedRoutes } from './routes/feed.js';
import { itemRoutes } from './routes/items.js';
import { meetingRoutes } from './routes/meetings.js';
import { searchRoutes } from './routes/search.js';
import { sessionRoutes } from './routes/session.js';
import type { SearchFor } from '../query/search-access.js';
import type { Spelling } from '../query/spelling.js';
import { BROWSE_INDEX_PATHS } from './urls.js';

export interface AppDeps {
  /** The search each audience may use (see `createSearchAccess`). */
  searchFor: SearchFor;
  /** Signs session cookies; at least 32 characters. */
  sessionSecret: string;
  /** Officer accounts; without them nobody can sign in. */
  accounts?: AccountStore;
  /** How long a sign-in lasts; default 8 hours. */
  sessionHours?: number;
  /** Milliseconds since the epoch, for dating sessions; default the system clock. */
  clock?: () => number;
  /** Mark cookies Secure (when served over HTTPS). */
  secureCookies?: boolean;
  /** API requests per minute from one address; 0 turns the limit off. */
  apiRateLimit?: number;
  /** Requests per minute from one address to the pages that search (search, browse, items); 0 turns the limit off. */
  pageRateLimit?: number;
  /** Which reverse proxies' X-Forwarded-For gives the client address (for rate limits). */
  trustProxy?: TrustProxy;
  /** The address users reach the archive at, for absolute links; default: the address the server answered on. */
  publicUrl?: string;
  /** "Did you mean …?" for searches that find nothing; without it, none is offered. */
  spelling?: Spelling;
  /** Where unexpected errors are reported; defaults to stderr. */
  logError?: (error: unknown) => void;
}

/** Longest URL served: every parameter has its own limit, this bounds them all. */
const MAX_URL_LENGTH = 8 * 1024;

const SESSION_COOKIE = 'archive_session';

/** How long anyone may keep an anonymous answer: the index changes only when an ingest runs. */
const PUBLIC_MAX_AGE_SECONDS = 5 * 60;

/** Builds the web application; it listens nowhere and reads no environment. */
export function createApp(deps: AppDeps): Express {
  const { searchFor, accounts, clock = Date.now, logError = (error) => console.error(error) } = deps;
  const sessionMaxAgeMs = (deps.sessionHours ?? 8) * 60 * 60 * 1000;
  if (deps.sessionSecret.length < 32) throw new Error('The session secret must be at least 32 characters');
  const app = express();
  app.set('views', VIEWS_DIR);
  app.set('view engine', 'ejs');
  app.set('query parser', 'simple');
  app.set('trust proxy', deps.trustProxy ?? false);
  app.disable('x-powered-by');
  app.locals.formatMeetingDate = formatMeetingDate;
  app.locals.browseIndexPaths = BROWSE_INDEX_PATHS;
  if (deps.publicUrl) app.locals.publicUrl = deps.publicUrl;

  app.use(securityHeaders());
  app.use(limitUrlLength);
  app.use('/assets', express.static(path.join(GOVUK_FRONTEND_DIR, 'assets'), { maxAge: '7d' }));
  app.use('/stylesheets/govuk-frontend.min.css', express.static(path.join(GOVUK_FRONTEND_DIR, 'govuk-frontend.min.css'), { maxAge: '1h' }));
  app.use('/static', express.static(path.join(VIEWS_DIR, 'static'), { maxAge: '1h' }));

  app.use(
    cookieSession({
      name: SESSION_COOKIE,
      keys: [deps.sessionSecret],
      httpOnly: true,
      sameSite: 'lax',
      secure: deps.secureCookies ?? false,
      maxAge: sessionMaxAgeMs,
    }),
  );
  app.use(cachePolicy);
  app.use(sameOriginPosts(deps.publicUrl));
  app.use(identifyOfficer({ accounts, maxAgeMs: sessionMaxAgeMs, clock }));
  // The header marks the section a page belongs to (aria-current).
  app.use((req, res, next) => {
    res.locals.currentPath = req.path;
    next();
  });

  app.use('/', sessionRoutes(accounts, clock));
  app.use(
    '/api',
    rateLimitFor(deps.apiRateLimit ?? 300),
    apiRoutes(searchFor, deps.spelling),
    exportRoutes(searchFor),
    feedRoutes(searchFor),
    apiDocsRoutes(),
  );
  // The pages below ask the engine (an address that is none of them counts too).
  app.use(rateLimitFor(deps.pageRateLimit ?? 300));
  app.use('/', searchRoutes(searchFor, deps.spelling));
  app.use('/items', itemRoutes(searchFor));
  app.use('/meetings', meetingRoutes(searchFor));
  app.use('/', browseRoutes(searchFor));

  app.use(() => {
    throw new NotFound();
  });
  app.use(errorHandler(logError));
  return app;
}

/** A strict policy: nothing inline, nothing from elsewhere. */
function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
    },
    // With no-referrer, browsers send "Origin: null" with our own forms, and sign-in would be refused.
    referrerPolicy: { policy: 'same-origin' },
  });
}

const limitUrlLength: RequestHandler = (req, _res, next) => {
  next(
    req.originalUrl.length > MAX_URL_LENGTH
      ? new HttpError(414, 'The address is too long. Please use fewer or shorter search terms.')
      : undefined,
  );
};

/**
 * What a session can change is the requester's alone and kept nowhere; an anonymous answer may be
 * kept for a while by anyone. Both vary on Cookie: the same address answers an officer differently.
 */
const cachePolicy: RequestHandler = (req, res, next) => {
  // Any session cookie, even one that no longer opens anything: its answer may clear it.
  const withSession = (req.get('cookie') ?? '').split(';').some((cookie) => cookie.trim().startsWith(`${SESSION_COOKIE}=`));
  const shared = (req.method === 'GET' || req.method === 'HEAD') && !withSession;
  res.vary('Cookie');
  res.set('Cache-Control', shared ? `public, max-age=${PUBLIC_MAX_AGE_SECONDS}` : 'private, no-store');
  next();
};

/** A URL's scheme, host and port, as browsers send them in Origin; undefined for an opaque origin ("null"). */
function originOf(url: string): string | undefined {
  const origin = URL.canParse(url) ? new URL(url).origin : 'null';
  return origin === 'null' ? undefined : origin;
}

/** Sign-in and sign-out must come from this site's own pages: the same scheme, host and port. */
function sameOriginPosts(publicUrl: string | undefined): RequestHandler {
  const configured = publicUrl ? originOf(publicUrl) : undefined;
  return (req, _res, next) => {
    const origin = req.get('origin');
    if (req.method !== 'POST' || origin === undefined) return next();
    const sent = originOf(origin);
    if (sent === undefined || (sent !== originOf(`${req.protocol}://${req.get('host')}`) && sent !== configured)) {
      return next(new HttpError(403, 'This form can only be sent from the archive itself.'));
    }
    next();
  };
}

/** At most `perMinute` requests a minute from one address (0: no limit); past it, 429 with a readable message. */
function rateLimitFor(perMinute: number): RequestHandler {
  if (perMinute === 0) return (_req, _res, next) => next();
  return rateLimit({
    windowMs: 60 * 1000,
    limit: perMinute,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    handler: () => {
      throw new HttpError(429, 'Too many requests from your address. Please wait a minute and try again.');
    },
  });
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
        ? 'The request could not be read. Please check the link or form.'
        : 'Something went wrong on our side. Please try again later.';
    // An error is of its moment (a limit reached, the engine restarting): no cache keeps it.
    res.status(status).set('Cache-Control', 'no-store');
    if (req.originalUrl.startsWith('/api/')) {
      res.json({ error: { status, message, ...(error?.parameter ? { parameter: error.parameter } : {}) } });
    } else {
      res.render('error', { status, message });
    }
  };
}
