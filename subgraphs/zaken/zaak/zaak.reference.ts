import DataLoader from 'dataloader';
import { appError } from '../../../lib/errors.js';
import { requireSignedIn, type BaseContext } from '../../../lib/graphql/index.js';
import type { ZaakBronnen } from './zaak.loader.js';
import { zaakSleutel } from './zaak.mapper.js';
import { fetchZaken, zoekSleutel } from './zaken.fetch.js';
import type { Zaak } from './zaak.type.js';

/** The part of the zaken context a reference needs: the loader made by {@link createZaakReferenceLoader}. */
type ZaakReferentieContext = BaseContext & { readonly zaakReferenties: DataLoader<string, Zaak> };

// A reference may be asked for any field, so the zaak is fetched with everything it can show.
const ALLES = zoekSleutel(['resultaat', 'zaakinformatieobjecten']);

/**
 * A per-request loader of the caller's own zaken by `bronorganisatie/identificatie`. One batch
 * asks every source once (the Zaken API has no search on a list of zaaknummers, and the caller's
 * list is short); only zaken that pass the visibility rules can be found, so a representation
 * cannot be used to read someone else's zaak, nor to learn whether it exists.
 */
export function createZaakReferenceLoader(context: ZaakBronnen): DataLoader<string, Zaak> {
  return new DataLoader<string, Zaak>(async (keys) => {
    const { zaken, onvolledig } = await fetchZaken(context, ALLES);
    const bySleutel = new Map(zaken.map((zaak) => [zaakSleutel(zaak), zaak]));
    return keys.map(
      (key): Zaak | Error =>
        bySleutel.get(key) ??
        // Not found while a source was down: it may be there, so say that rather than "not found".
        (onvolledig
          ? appError('BRON_NIET_BESCHIKBAAR', { extensions: { bron: 'Zaaksystemen' } })
          : appError('NIET_GEVONDEN')),
    );
  });
}

/**
 * `Zaak.__resolveReference`, for subgraphs that attach fields to a zaak (e.g. MijnOverheid's
 * `inMijnOverheid`). Resolves only the caller's own, visible zaken; anything else is NIET_GEVONDEN.
 * Async on purpose: a rejected promise fails only that entity, not the whole `_entities` list.
 */
export async function resolveZaakReference(reference: Record<string, unknown>, context: BaseContext): Promise<Zaak> {
  requireSignedIn(context);
  const { bronorganisatie, identificatie } = reference;
  if (typeof bronorganisatie !== 'string' || typeof identificatie !== 'string') throw appError('NIET_GEVONDEN');
  // The subgraph's context factory built this object (createZakenContext, which holds the loader
  // made above); the federation helper only knows it as a BaseContext.
  return (context as ZaakReferentieContext).zaakReferenties.load(zaakSleutel({ bronorganisatie, identificatie }));
}
