import { Client, fetchExchange } from '@urql/core';

/**
 * The one GraphQL client: it talks to the portal's own back-end only, which adds the resident's
 * token. No cache: every page shows what the sources say now, and nothing personal stays in
 * memory after it is left.
 */
export const client = new Client({
  url: '/api/graphql',
  exchanges: [fetchExchange],
  requestPolicy: 'network-only',
  // Always POST: a GET would put the request in URLs, logs and the browser's history.
  preferGetMethod: false,
  fetchOptions: { credentials: 'same-origin', headers: { accept: 'application/json' } },
});
