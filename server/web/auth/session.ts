import { randomBytes } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Audience } from '../../index/visibility.js';
import type { Account, AccountStore } from './accounts.js';

/** What the signed session cookie holds. */
export interface SessionData {
  /** Random: no two sign-ins give the same cookie. */
  id?: string;
  username?: string;
  /** When the officer signed in, in milliseconds since the epoch. */
  issuedAt?: number;
  /** The account's session stamp at sign-in (see `Account`). */
  stamp?: string;
}

/** How sessions are judged: against which accounts, for how long, by which clock. */
export interface SessionRules {
  accounts: AccountStore | undefined;
  maxAgeMs: number;
  /** Milliseconds since the epoch. */
  clock: () => number;
}

/** A new session for an account that has just signed in. */
export function newSession(account: Account, now: number): Required<SessionData> {
  return { id: randomBytes(16).toString('base64url'), username: account.username, issuedAt: now, stamp: account.sessionStamp };
}

/**
 * A session opens its account only while it is younger than `maxAgeMs` and carries the
 * account's current stamp: a sign-out, a new password or the account's removal ends it.
 */
function sessionIsCurrent(session: SessionData, account: Account | undefined, now: number, maxAgeMs: number): boolean {
  const age = typeof session.issuedAt === 'number' ? now - session.issuedAt : NaN;
  return account !== undefined && session.stamp === account.sessionStamp && age >= 0 && age < maxAgeMs;
}

/** The signed-in officer, if any; set by `identifyOfficer`. */
export function signedInOfficer(res: Response): string | undefined {
  return res.locals.officer as string | undefined;
}

export function audienceOf(res: Response): Audience {
  return signedInOfficer(res) ? 'officer' : 'public';
}

/** Sets the signed-in officer from the session cookie, and drops a cookie that no longer opens anything. */
export function identifyOfficer({ accounts, maxAgeMs, clock }: SessionRules) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const session = req.session as SessionData | null | undefined;
    res.locals.officer = undefined;
    if (session?.username) {
      const account = await accounts?.account(session.username);
      if (sessionIsCurrent(session, account, clock(), maxAgeMs)) res.locals.officer = session.username;
      else req.session = null;
    }
    next();
  };
}
