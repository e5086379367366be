import express, { Router } from 'express';
import rateLimit from 'express-rate-limit';
import type { AccountStore } from '../auth/accounts.js';
import { newSession, signedInOfficer, type SessionData } from '../auth/session.js';
import { HttpError } from '../../common/errors.js';

/** Where to go after signing in: only a path on this site, never another origin. */
function safeReturnPath(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])/.test(value) ? value : '/';
}

/** GET/POST /sign-in and POST /sign-out, for officers with an account; `clock` dates new sessions. */
export function sessionRoutes(accounts: AccountStore | undefined, clock: () => number): Router {
  const router = Router();
  const form = express.urlencoded({ extended: false, limit: '4kb', parameterLimit: 5 });
  const attempts = rateLimit({
    windowMs: 15 * 60 * 1000,
    limit: 20,
    // Only failures count: officers signing in from one office address are not guessing.
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    handler: () => {
      throw new HttpError(429, 'Too many sign-in attempts. Please wait 15 minutes and try again.');
    },
  });
  const enabled = async () => ((await accounts?.count()) ?? 0) > 0;

  router.get('/sign-in', async (req, res) => {
    res.render('sign-in', { returnTo: safeReturnPath(req.query.return_to), error: undefined, enabled: await enabled() });
  });

  router.post('/sign-in', attempts, form, async (req, res) => {
    const { username, password } = (req.body ?? {}) as Record<string, unknown>;
    const returnTo = safeReturnPath((req.body as Record<string, unknown> | undefined)?.return_to);
    const account =
      typeof username === 'string' && typeof password === 'string' ? await accounts?.authenticate(username, password) : undefined;
    if (!account) {
      res.status(401).render('sign-in', { returnTo, error: 'The username or password is not right.', enabled: await enabled() });
      return;
    }
    Object.assign(req.session as SessionData, newSession(account, clock()));
    res.redirect(303, returnTo);
  });

  // Signing out ends the account's sessions everywhere: a copy of the cookie opens nothing afterwards.
  router.post('/sign-out', async (req, res) => {
    const officer = signedInOfficer(res);
    req.session = null;
    if (officer) await accounts?.endSessions(officer);
    res.redirect(303, '/');
  });
  return router;
}
