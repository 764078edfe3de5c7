import { UpstreamError, type UpstreamClient, type UpstreamRequest } from '../http/upstream.js';
import type { ZgwPage } from './types.js';

/**
 * Follows a ZGW (Django REST framework) paginated list. `next` links are only followed within
 * `base`: a source cannot send the client, with its credentials, anywhere else. `afgekapt` is true
 * when there was more than `maxPages` pages (or a next page elsewhere).
 */
export async function collectPages<T>(
  name: string,
  http: UpstreamClient,
  first: UpstreamRequest,
  base: string,
  maxPages: number,
  headers: () => Promise<Record<string, string>>,
): Promise<{ results: T[]; afgekapt: boolean }> {
  const results: T[] = [];
  let request: UpstreamRequest = first;
  for (let page = 0; page < maxPages; page++) {
    const { body }: { body: ZgwPage<T> | null } = await http.json<ZgwPage<T> | null>({
      ...request,
      headers: await headers(),
    });
    if (!body || !Array.isArray(body.results)) throw new UpstreamError(name, 'INVALID_RESPONSE', 200);
    results.push(...body.results);
    const next = typeof body.next === 'string' && body.next !== '' ? body.next : null;
    if (next === null) return { results, afgekapt: false };
    // Not followed, and reported as incomplete: the rest is somewhere we do not send credentials.
    if (!next.startsWith(`${base}/`)) return { results, afgekapt: true };
    request = { ...request, url: next };
  }
  return { results, afgekapt: true };
}
