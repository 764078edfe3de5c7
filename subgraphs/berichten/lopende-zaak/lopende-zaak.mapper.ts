import { portaalFrom } from '../../../lib/graphql/index.js';
import type { OverlapMap } from '../../../lib/overlap/index.js';
import { zaakSleutel } from '../bericht/zaak-link.js';
import type { MoLopendeZaak, MoZaakStatus } from '../upstream/mijnoverheid.js';
import { ZaakInMijnOverheid } from '../zaak/zaak.type.js';
import { LopendeZaak, LopendeZaakStatus } from './lopende-zaak.type.js';

const status = (s: MoZaakStatus) =>
  Object.assign(new LopendeZaakStatus(), { statustekst: s.statustekst, datum: s.datum });
const laatst = (zaak: MoLopendeZaak) => zaak.statussen.at(-1)?.datum.toISOString() ?? zaak.startdatum;

/**
 * The Lopende Zaken the MijnOverheid section lists: those of other organisations, each once,
 * last updated first. A zaak of this gemeente's own organisations is left out: the zaken
 * subgraph lists it, and `Zaak.inMijnOverheid` adds what MijnOverheid shows about it.
 */
export function mapLopendeZaken(
  zaken: readonly MoLopendeZaak[],
  overlap: OverlapMap,
  lopendeZakenUrl: string,
): Map<string, LopendeZaak> {
  const regel = overlap.lopendeZaak();
  const result = new Map<string, LopendeZaak>();
  const sorted = [...zaken].sort((a, b) => laatst(b).localeCompare(laatst(a)));
  for (const zaak of sorted) {
    const sleutel = zaakSleutel(zaak);
    if (overlap.isZaakVanGemeente(zaak.bronorganisatie) || result.has(sleutel)) continue;
    const statussen = zaak.statussen.map(status);
    result.set(
      sleutel,
      Object.assign(new LopendeZaak(), {
        bronorganisatie: zaak.bronorganisatie,
        identificatie: zaak.identificatie,
        organisatie: zaak.organisatie.naam,
        omschrijving: zaak.omschrijving,
        startdatum: zaak.startdatum,
        einddatum: zaak.einddatum,
        afgerond: zaak.einddatum !== null,
        status: statussen.at(-1) ?? null,
        statussen,
        dossierUrl: zaak.dossierUrl,
        portaal: portaalFrom(regel, lopendeZakenUrl),
      }),
    );
  }
  return result;
}

/** What MijnOverheid shows about one zaak, for `Zaak.inMijnOverheid`. */
export function mapZaakInMijnOverheid(zaak: MoLopendeZaak, lopendeZakenUrl: string): ZaakInMijnOverheid {
  const statussen = zaak.statussen.map(status);
  return Object.assign(new ZaakInMijnOverheid(), {
    omschrijving: zaak.omschrijving,
    organisatie: zaak.organisatie.naam,
    status: statussen.at(-1) ?? null,
    statussen,
    url: lopendeZakenUrl,
    dossierUrl: zaak.dossierUrl,
  });
}
