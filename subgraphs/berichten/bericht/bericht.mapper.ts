import { portaalFrom } from '../../../lib/graphql/index.js';
import type { OverlapMap } from '../../../lib/overlap/index.js';
import type { BerichtenDeps } from '../context.js';
import { mapLopendeZaken } from '../lopende-zaak/lopende-zaak.mapper.js';
import type { LopendeZaak } from '../lopende-zaak/lopende-zaak.type.js';
import type { MoBericht, MoLopendeZaak } from '../upstream/mijnoverheid.js';
import { BerichtenZaak } from '../zaak/zaak.type.js';
import { Bericht, Bijlage } from './bericht.type.js';
import { zaakSleutel, zaakVanBericht } from './zaak-link.js';

/** What mapping a bericht needs besides the bericht itself. */
export interface BerichtMapping {
  readonly overlap: OverlapMap;
  readonly afzenderNaam: (oin: string) => string;
  readonly berichtUrl: (id: string) => string;
  /** All of the resident's Lopende Zaken (for linking by zaaknummer); empty when unknown. */
  readonly lopendeZaken: readonly MoLopendeZaak[];
  /** The Lopende Zaken the section lists (other organisations), by zaak key. */
  readonly getoond: ReadonlyMap<string, LopendeZaak>;
}

/** The mapping for a request, from the subgraph's dependencies and the resident's Lopende Zaken. */
export function berichtMapping(
  deps: Pick<BerichtenDeps, 'overlap' | 'afzenderNaam' | 'berichtUrl' | 'lopendeZakenUrl'>,
  lopendeZaken: readonly MoLopendeZaak[],
): BerichtMapping {
  return {
    overlap: deps.overlap,
    afzenderNaam: deps.afzenderNaam,
    berichtUrl: deps.berichtUrl,
    lopendeZaken,
    getoond: mapLopendeZaken(lopendeZaken, deps.overlap, deps.lopendeZakenUrl),
  };
}

/**
 * A Berichtenbox bericht as the graph shows it. A bericht about a zaak of this gemeente points to
 * that zaak (`zaak`, the same item as under zaken); one about a listed lopende zaak of another
 * organisation points to it (`lopendeZaak`). The berichttype, and so the `portaal.uitleg`, follows
 * from the sender and that link.
 */
export function mapBericht(bericht: MoBericht, mapping: BerichtMapping): Bericht {
  const { overlap } = mapping;
  const referentie = zaakVanBericht(bericht, mapping.lopendeZaken, overlap);
  const vanGemeente = referentie !== null && overlap.isZaakVanGemeente(referentie.bronorganisatie);
  const zaak = vanGemeente
    ? Object.assign(new BerichtenZaak(), {
        bronorganisatie: referentie.bronorganisatie,
        identificatie: referentie.identificatie,
      })
    : null;
  const lopendeZaak = referentie && !vanGemeente ? (mapping.getoond.get(zaakSleutel(referentie)) ?? null) : null;
  const regel = overlap.bericht({ afzenderOin: bericht.afzender, overZaak: zaak !== null || lopendeZaak !== null });
  return Object.assign(new Bericht(), {
    id: bericht.id,
    onderwerp: bericht.onderwerp,
    afzender: mapping.afzenderNaam(bericht.afzender),
    ontvangen: bericht.ontvangen,
    gelezen: bericht.gelezen,
    map: bericht.map,
    aantalBijlagen: bericht.aantalBijlagen,
    bijlagen: bericht.bijlagen.map((b) =>
      Object.assign(new Bijlage(), { id: b.id, naam: b.naam, berichtId: bericht.id, bekendMimeType: b.mimeType }),
    ),
    zaak,
    lopendeZaak,
    portaal: portaalFrom(regel, mapping.berichtUrl(bericht.id)),
  });
}

/** Newest first, each bericht once (pages read one after another may overlap when one arrives meanwhile). */
export function mapBerichten(berichten: readonly MoBericht[], mapping: BerichtMapping): Bericht[] {
  const uniek = new Map(berichten.map((b) => [b.id, b]));
  return [...uniek.values()]
    .map((b) => mapBericht(b, mapping))
    .sort((a, b) => b.ontvangen.getTime() - a.ontvangen.getTime());
}
