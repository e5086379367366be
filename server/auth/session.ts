import type { NextFunction, Request, Response } from 'express';
import type { Audience } from '../search/access.js';
import type { AccountStore } from './accounts.js';

/** What the signed session cookie holds. */
export interface SessionData {
  username?: string;
}

/** The signed-in officer, if any; set by `identifyOfficer`. */
export function signedInOfficer(res: Response): string | undefined {
  return res.locals.officer as string | undefined;
}

export function audienceOf(res: Response): Audience {
  return signedInOfficer(res) ? 'officer' : 'public';
}

/** Trusts a session only for an account that still exists: removing an account signs it out. */
export function identifyOfficer(accounts: AccountStore | undefined) {
  return (req: Request, res: Response, next: NextFunction) => {
    const username = (req.session as SessionData | null | undefined)?.username;
    res.locals.officer = username && accounts?.has(username) ? username : undefined;
    next();
  };
}
