import { MeiliSearchApiError, type MeiliSearch } from 'meilisearch';

/** Documents fetched per request unless the caller asks for another page size. */
const DOCUMENTS_PAGE = 1000;

/** Whether the engine has an index of that uid (any other failure is thrown). */
export async function indexExists(client: MeiliSearch, uid: string): Promise<boolean> {
  try {
    await client.getIndex(uid);
    return true;
  } catch (error) {
    if (error instanceof MeiliSearchApiError && error.cause?.code === 'index_not_found') return false;
    throw error;
  }
}

/** True when every setting we choose already has our value (the engine adds defaults of its own). */
export function settingsMatch(wanted: unknown, actual: unknown): boolean {
  if (Array.isArray(wanted)) {
    return Array.isArray(actual) && wanted.length === actual.length && wanted.every((value, i) => settingsMatch(value, actual[i]));
  }
  if (wanted !== null && typeof wanted === 'object') {
    if (actual === null || typeof actual !== 'object') return false;
    return Object.entries(wanted).every(([key, value]) => settingsMatch(value, (actual as Record<string, unknown>)[key]));
  }
  return wanted === actual;
}

/** Every document of an index (or those matching `filter`), with only `fields` when given, fetched page by page. */
export async function fetchAllDocuments<T extends Record<string, unknown>>(
  client: MeiliSearch,
  uid: string,
  fields: Extract<keyof T, string>[] | undefined,
  filter?: string,
  pageSize = DOCUMENTS_PAGE,
): Promise<T[]> {
  const index = client.index<T>(uid);
  const all: T[] = [];
  for (let offset = 0; ; offset += pageSize) {
    const page = await index.getDocuments({ ...(fields ? { fields } : {}), ...(filter ? { filter } : {}), limit: pageSize, offset });
    for (const document of page.results) all.push(document);
    if (page.results.length < pageSize) return all;
  }
}
