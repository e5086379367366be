import { MeiliSearchApiError, MeiliSearchRequestError, MeiliSearchRequestTimeOutError } from 'meilisearch';
import { SearchUnavailable } from '../common/errors.js';

/** What the engine (or a proxy before it) answers when it cannot answer now: timed out, overloaded, away. */
const ENGINE_BUSY = new Set([408, 429, 502, 503, 504]);

/** Engine failures become the archive's own errors here, at the boundary. */
export async function engineCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    // No answer (refused, dropped, timed out, aborted); one saying it cannot answer now; or one
    // that is not the engine's JSON at all, such as a proxy's error page.
    if (
      error instanceof MeiliSearchRequestError ||
      error instanceof MeiliSearchRequestTimeOutError ||
      (error instanceof MeiliSearchApiError && ENGINE_BUSY.has(error.response.status)) ||
      error instanceof SyntaxError
    ) {
      throw new SearchUnavailable();
    }
    if (error instanceof MeiliSearchApiError && error.cause?.code === 'index_not_found') {
      throw new SearchUnavailable('The archive has not been indexed yet. Please try again once indexing has finished.');
    }
    throw error;
  }
}
