import type { ApolloServerPlugin } from '@apollo/server';

/**
 * Every subgraph resolves `me`, so an anonymous request gets the same UNAUTHENTICATED error
 * from each of them. A client should see it once.
 */
export function dedupeErrorsPlugin<C extends object>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          const seen = new Set<string>();
          response.body.singleResult.errors = response.body.singleResult.errors.filter((e) => {
            const key = JSON.stringify([e.message, e.extensions?.['code'], e.path]);
            if (seen.has(key)) return false;
            seen.add(key);
            return true;
          });
        },
      };
    },
  };
}
