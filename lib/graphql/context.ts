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
  /** The assurance level this subgraph's data needs (its `LEES_NIVEAU`); changes may need more. */
  readonly leesNiveau: Niveau;
  /** This subgraph's name: the source a machtiging must cover to read or change its data. */
  readonly bron: string;
}

/** The logged-in person behind a request. */
export interface SignedInCaller {
  readonly gebruikerId: string;
  readonly identity: Identity;
}

/**
 * Who is logged in, whatever their level or machtiging: for `me.id` and `me.authenticatie` only.
 * UNAUTHENTICATED when the gateway sent an anonymous internal token.
 */
export function requireCaller(context: BaseContext): SignedInCaller {
  const { caller } = context;
  if (caller.kind !== 'person') throw appError('UNAUTHENTICATED');
  return { gebruikerId: caller.gebruikerId, identity: caller.identity };
}

/**
 * The person whose data is asked for, or a coded error: UNAUTHENTICATED for an anonymous
 * request; NIVEAU_TE_LAAG for a login below `minimum` (default: the subgraph's
 * {@link BaseContext.leesNiveau}), carrying the level needed so a portal can offer a step-up
 * login; FORBIDDEN when someone acts for them under a machtiging that does not cover this source.
 */
export function requireSignedIn(context: BaseContext, minimum: Niveau = context.leesNiveau): SignedInCaller {
  const signedIn = requireCaller(context);
  const { identity } = signedIn;
  if (!niveauAtLeast(identity.niveau, minimum)) {
    throw appError('NIVEAU_TE_LAAG', { extensions: { vereistNiveau: minimum } });
  }
  if (identity.namens && !(identity.namens.bronnen as readonly string[]).includes(context.bron)) {
    throw appError('FORBIDDEN', { message: 'Uw machtiging geldt niet voor deze gegevens.' });
  }
  return signedIn;
}
