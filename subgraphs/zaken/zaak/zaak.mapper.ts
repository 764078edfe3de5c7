import type { OverlapMap } from '../../../lib/overlap/index.js';
import { portaalFrom } from '../../../lib/graphql/index.js';
import type { ZgwResultaattype, ZgwStatustype, ZgwZaak } from '../../../lib/zgw/types.js';
import { Zaak, ZaakResultaat, ZaakStap, ZaakStapStand, ZaakStatus, Zaaktype } from './zaak.type.js';

/**
 * Maps a ZGW zaak (with `_expand` of zaaktype, status and statustype) to a `Zaak`. The source's
 * zaak stays on it for the field resolvers that need catalogus or document data.
 */
export function mapZaak(zaak: ZgwZaak, bron: { index: number; naam: string }, overlap: OverlapMap): Zaak {
  const zaaktype = zaak._expand?.zaaktype;
  const status = zaak._expand?.status;
  const statustype = status?._expand?.statustype;
  return Object.assign(new Zaak(), {
    bronorganisatie: zaak.bronorganisatie,
    identificatie: zaak.identificatie,
    omschrijving: zaak.omschrijving || zaaktype?.omschrijving || 'Zaak',
    zaaktype: zaaktype
      ? Object.assign(new Zaaktype(), {
          identificatie: zaaktype.identificatie,
          omschrijving: zaaktype.omschrijving,
          uitleg: zaaktype.toelichting?.trim() || null,
        })
      : null,
    startdatum: zaak.startdatum,
    einddatumGepland: zaak.einddatumGepland ?? null,
    uiterlijkeEinddatumAfdoening: zaak.uiterlijkeEinddatumAfdoening ?? null,
    einddatum: zaak.einddatum ?? null,
    afgerond: Boolean(zaak.einddatum),
    status: status
      ? Object.assign(new ZaakStatus(), {
          // `statustekst` is the catalogus text meant for the resident; fall back to the short name.
          statustekst: statustype?.statustekst || statustype?.omschrijving || 'Onbekende status',
          omschrijving: statustype?.omschrijving || 'Onbekende status',
          datum: status.datumStatusGezet ? new Date(status.datumStatusGezet) : null,
          volgnummer: statustype?.volgnummer ?? null,
          eindstatus: statustype?.isEindstatus ?? false,
        })
      : null,
    portaal: portaalFrom(overlap.zaak(zaaktype?.identificatie ?? null)),
    bron: bron.naam,
    zgw: zaak,
    bronIndex: bron.index,
  });
}

/** The same zaak from two sources (bronorganisatie + identificatie) only once: the first source's. */
export function mergeZaken(lists: readonly Zaak[][]): Zaak[] {
  const seen = new Map<string, Zaak>();
  for (const zaak of lists.flat()) {
    const key = zaakSleutel(zaak);
    if (!seen.has(key)) seen.set(key, zaak);
  }
  return [...seen.values()];
}

/** The key of a zaak across zaaksystemen (docs/architecture.md §5). */
export function zaakSleutel(zaak: { bronorganisatie: string; identificatie: string }): string {
  return `${zaak.bronorganisatie}/${zaak.identificatie}`;
}

/**
 * The steps of a zaak: the statustypen of its zaaktype in order, each done, current or to come.
 * The current step is found by URL (by `volgnummer` when the statustype is of another version).
 * Once the zaak is closed every step it reached counts as done.
 */
export function mapVoortgang(zaak: Zaak, statustypen: readonly ZgwStatustype[]): ZaakStap[] {
  const huidig = zaak.zgw._expand?.status?._expand?.statustype;
  const huidigeUrl = zaak.zgw._expand?.status?.statustype ?? huidig?.url;
  const huidigVolgnummer =
    statustypen.find((s) => s.url === huidigeUrl)?.volgnummer ?? huidig?.volgnummer ?? Number.NEGATIVE_INFINITY;
  return [...statustypen]
    .sort((a, b) => a.volgnummer - b.volgnummer)
    .map((statustype) => {
      let stand = ZaakStapStand.KOMT_NOG;
      if (statustype.volgnummer < huidigVolgnummer) stand = ZaakStapStand.GEDAAN;
      else if (statustype.volgnummer === huidigVolgnummer)
        stand = zaak.afgerond ? ZaakStapStand.GEDAAN : ZaakStapStand.HUIDIG;
      return Object.assign(new ZaakStap(), {
        volgnummer: statustype.volgnummer,
        omschrijving: statustype.omschrijving,
        stand,
        eindstatus: statustype.isEindstatus ?? false,
      });
    });
}

/** The resultaat of a closed zaak, named by its resultaattype; null while there is none. */
export function mapResultaat(zaak: Zaak, resultaattypen: readonly ZgwResultaattype[]): ZaakResultaat | null {
  const resultaattype = zaak.zgw._expand?.resultaat?.resultaattype;
  if (!resultaattype) return null;
  const type = resultaattypen.find((r) => r.url === resultaattype);
  return type ? Object.assign(new ZaakResultaat(), { omschrijving: type.omschrijving }) : null;
}
