import type { Logger } from '../logging.js';
import type { Caller } from '../internal-token.js';
import { appError } from '../errors.js';
import { niveauAtLeast, type Identity, type Niveau } from '../identity/index.js';

/** What every subgraph resolver gets, before the subgraph adds its own loaders and clients. */
export interface BaseContext {
  readonly caller: Caller;
  readonly requestId: string;
  readonly logger: Logger;
  readonly now: () => Date;
}

/** The logged-in person behind a request. */
export interface SignedInCaller {
  readonly gebruikerId: string;
  readonly identity: Identity;
}

/**
 * The person making the request, or an UNAUTHENTICATED error when the gateway sent an
 * anonymous internal token. With `minimum`, a lower assurance level gives NIVEAU_TE_LAAG,
 * carrying the level needed so a portal can offer a step-up login.
 */
export function requireSignedIn(context: BaseContext, minimum?: Niveau): SignedInCaller {
  const { caller } = context;
  if (caller.kind !== 'person') throw appError('UNAUTHENTICATED');
  if (minimum && !niveauAtLeast(caller.identity.niveau, minimum)) {
    throw appError('NIVEAU_TE_LAAG', { extensions: { vereistNiveau: minimum } });
  }
  return { gebruikerId: caller.gebruikerId, identity: caller.identity };
}
