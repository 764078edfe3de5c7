import type { OverlapMap } from '../../../lib/overlap/index.js';
import { portaalFrom } from '../../../lib/graphql/index.js';
import type { ZgwZaak } from '../../../lib/zgw/types.js';
import { Zaak, ZaakStatus } from './zaak.type.js';

/** Maps a ZGW zaak (with `_expand` of zaaktype, status and statustype) to a `Zaak`. */
export function mapZaak(zaak: ZgwZaak, bron: string, overlap: OverlapMap): Zaak {
  const zaaktype = zaak._expand?.zaaktype;
  const status = zaak._expand?.status;
  const statustype = status?._expand?.statustype;
  return Object.assign(new Zaak(), {
    bronorganisatie: zaak.bronorganisatie,
    identificatie: zaak.identificatie,
    omschrijving: zaak.omschrijving || zaaktype?.omschrijving || 'Zaak',
    zaaktype: zaaktype?.omschrijving ?? null,
    startdatum: zaak.startdatum,
    einddatum: zaak.einddatum ?? null,
    afgerond: Boolean(zaak.einddatum),
    status: status
      ? Object.assign(new ZaakStatus(), {
          // `statustekst` is the catalogus text meant for the resident; fall back to the short name.
          statustekst: statustype?.statustekst || statustype?.omschrijving || 'Onbekende status',
          datum: status.datumStatusGezet ? new Date(status.datumStatusGezet) : null,
          volgnummer: statustype?.volgnummer ?? null,
          eindstatus: statustype?.isEindstatus ?? false,
        })
      : null,
    portaal: portaalFrom(overlap.zaak(zaaktype?.identificatie ?? null)),
    bron,
  });
}

/** Newest first; the same zaak from two sources (bronorganisatie + identificatie) only once. */
export function mergeZaken(lists: readonly Zaak[][]): Zaak[] {
  const seen = new Map<string, Zaak>();
  for (const zaak of lists.flat()) {
    const key = `${zaak.bronorganisatie}/${zaak.identificatie}`;
    if (!seen.has(key)) seen.set(key, zaak);
  }
  return [...seen.values()].sort((a, b) => b.startdatum.localeCompare(a.startdatum));
}
