import DataLoader from 'dataloader';
import { appError } from '../../../lib/errors.js';
import type { BaseContext } from '../../../lib/graphql/index.js';
import type { Identity } from '../../../lib/identity/index.js';
import type { OverlapMap } from '../../../lib/overlap/index.js';
import type { Catalogus } from '../../../lib/zgw/catalogus.js';
import type { ZaakExpansion, ZaakZoekResultaat, ZgwActor, ZgwClient } from '../../../lib/zgw/client.js';
import type { ZgwInformatieObject, ZgwResultaattype, ZgwStatustype } from '../../../lib/zgw/types.js';

/**
 * What one call to a zaaksysteem asks: the expansions (a key made by `expandKey`) and the filters
 * the source applies itself. Each distinct key is one call per request.
 */
export interface ZaakZoekSleutel {
  readonly expand: string;
  readonly identificatie: string | null;
  readonly bronorganisatie: string | null;
}

/** One zaaksysteem as a request sees it: its client, the shared catalogus, and this request's loaders. */
export interface ZaakBron {
  readonly index: number;
  readonly naam: string;
  readonly client: ZgwClient;
  /** The caller's zaken, one call per distinct set of expansions and filters in this request. */
  readonly zaken: DataLoader<ZaakZoekSleutel, ZaakZoekResultaat, string>;
  readonly statustypen: DataLoader<string, ZgwStatustype[]>;
  readonly resultaattypen: DataLoader<string, ZgwResultaattype[]>;
  /** Informatieobjecten by URL, batched into one `_zoek` per tick; null without a Documenten API. */
  readonly documenten: DataLoader<string, ZgwInformatieObject | null> | null;
}

/**
 * What fetching the caller's zaken needs from a request: its zaaksystemen with their loaders, the
 * overlap map, and the request's logger and clock. The zaken resolvers, the entity reference and
 * the request context all build on this, so none of them depends on the others.
 */
export interface ZaakBronnen extends BaseContext {
  readonly bronnen: readonly ZaakBron[];
  readonly overlap: OverlapMap;
}

/** The ZGW audit-trail actor for the caller: the pseudonym, never the BSN. */
export function actorFor(gebruikerId: string, identity: Identity): ZgwActor {
  return {
    userId: gebruikerId,
    userRepresentation: identity.soort === 'INWONER' ? 'Inwoner via Mijn-Omgeving' : 'Ondernemer via Mijn-Omgeving',
  };
}

// Newest first at the source, so a list cut off after `maxPages` loses the oldest zaken.
const ORDERING = '-startdatum';

/**
 * The loaders of one request for every zaaksysteem: fresh per request, so nothing about one
 * resident is kept for another. The catalogus underneath is shared (the same for everyone).
 * One result or Error per key, in key order (DataLoader's contract).
 */
export function createZaakBronLoaders(
  sources: readonly ZgwClient[],
  catalogi: readonly Catalogus[],
  base: BaseContext,
): ZaakBron[] {
  const person = base.caller.kind === 'person' ? base.caller : null;
  const requireSignedInFor = (): { identity: Identity; actor: ZgwActor } => {
    if (!person) throw appError('UNAUTHENTICATED');
    return { identity: person.identity, actor: actorFor(person.gebruikerId, person.identity) };
  };
  return sources.map((client, index): ZaakBron => {
    const catalogus = catalogi[index] as Catalogus;
    const documenten = client.documenten;
    return {
      index,
      naam: client.source.naam,
      client,
      zaken: new DataLoader<ZaakZoekSleutel, ZaakZoekResultaat, string>(
        async (keys) =>
          Promise.all(
            keys.map(async (key) => {
              const { identity, actor } = requireSignedInFor();
              const expand = key.expand === '' ? [] : (key.expand.split(',') as ZaakExpansion[]);
              return client
                .zoekZaken(identity, actor, {
                  expand,
                  ordering: ORDERING,
                  identificatie: key.identificatie ?? undefined,
                  bronorganisatie: key.bronorganisatie ?? undefined,
                })
                .catch((e: unknown) => toError(e));
            }),
          ),
        {
          batch: false,
          cacheKeyFn: (key) => JSON.stringify([key.expand, key.identificatie, key.bronorganisatie]),
        },
      ),
      statustypen: new DataLoader((urls) =>
        Promise.all(urls.map((url) => catalogus.statustypen(url).catch((e: unknown) => toError(e)))),
      ),
      resultaattypen: new DataLoader((urls) =>
        Promise.all(urls.map((url) => catalogus.resultaattypen(url).catch((e: unknown) => toError(e)))),
      ),
      documenten: documenten
        ? new DataLoader(async (urls) => {
            const { actor } = requireSignedInFor();
            const found = await documenten.informatieobjecten(urls, actor);
            const byUrl = new Map(found.map((document) => [document.url, document]));
            return urls.map((url) => byUrl.get(url) ?? null);
          })
        : null,
    };
  });
}

/** DataLoader fails a single key when its slot holds an Error. */
function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
