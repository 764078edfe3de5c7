import type { StoredVerwerking, VerwerkingBronCode, VerwerkingSleutel } from '../store/store.js';
import { Verwerking, VerwerkingBron } from './verwerking.type.js';
import { MachtigingSoortEnum } from '../../../lib/graphql/index.js';

/**
 * What the gateway's paths (`persoonsgegevens.naam`, `zaken.items`, `Zaak.inMijnOverheid`) mean
 * to a resident (B1). A path not listed takes the label of its parent path, so the fields under a
 * list's items read as the list itself; a path whose parents are not listed either takes the
 * label of its source.
 */
const LABELS: Readonly<Record<string, string>> = {
  persoonsgegevens: 'Persoonsgegevens',
  'persoonsgegevens.naam': 'Naam',
  'persoonsgegevens.adressering': 'Naam en adres op brieven',
  'persoonsgegevens.geboorte': 'Geboortedatum en geboorteplaats',
  'persoonsgegevens.verblijfplaats': 'Adres',
  'persoonsgegevens.gemeenteVanInschrijving': 'Gemeente waar u staat ingeschreven',
  'persoonsgegevens.burgerlijkeStaat': 'Burgerlijke staat',
  'persoonsgegevens.partners': 'Partner',
  'persoonsgegevens.kinderen': 'Kinderen',
  'persoonsgegevens.ouders': 'Ouders',
  'persoonsgegevens.nationaliteiten': 'Nationaliteit',
  'persoonsgegevens.overlijden': 'Overlijden',
  'persoonsgegevens.geheimhouding': 'Geheimhouding van uw gegevens',
  zaken: 'Uw zaken bij de gemeente',
  'zaken.totaal': 'Aantal zaken',
  'zaken.items.documenten': 'Documenten bij uw zaken',
  Zaak: 'Uw zaken bij de gemeente',
  'Zaak.documenten': 'Documenten bij uw zaken',
  berichten: 'Berichten in uw Berichtenbox',
  'berichten.ongelezen': 'Aantal ongelezen berichten',
  'berichten.lopendeZaken': 'Lopende zaken',
  'berichten.items.bijlagen': 'Bijlagen bij berichten',
  'Zaak.inMijnOverheid': 'Lopende zaken',
  'Zaak.berichten': 'Berichten in uw Berichtenbox',
  Bericht: 'Berichten in uw Berichtenbox',
};

/** The label of a path nobody listed, by the source it came from. */
const OVERIG: Readonly<Record<VerwerkingBronCode, string>> = {
  BRP: 'Persoonsgegevens',
  ZAKEN: 'Uw zaken bij de gemeente',
  MIJNOVERHEID: 'Gegevens uit MijnOverheid',
};

/** The labels of what was read, each once, in the order the paths came. */
export function gegevensLabels(bron: VerwerkingBronCode, paden: readonly string[]): string[] {
  const labels = new Set<string>();
  for (const pad of paden) {
    let label: string | undefined;
    for (let delen = pad.split('.'); delen.length > 0 && label === undefined; delen = delen.slice(0, -1)) {
      label = LABELS[delen.join('.')];
    }
    labels.add(label ?? OVERIG[bron]);
  }
  return [...labels];
}

/** A stored entry of the verwerkingenlog as the resident sees it. */
export function mapVerwerking(verwerking: StoredVerwerking): Verwerking {
  return Object.assign(new Verwerking(), {
    tijdstip: verwerking.tijdstip,
    bron: VerwerkingBron[verwerking.bron],
    gegevens: gegevensLabels(verwerking.bron, verwerking.gegevens),
    doel: verwerking.doel,
    verzoekId: verwerking.verzoekId,
    namens: verwerking.namens === null ? null : MachtigingSoortEnum[verwerking.namens],
  });
}

const CURSOR_VERSION = 'v1';

/** The opaque cursor of `volgende`: where the next page starts. */
export function cursorVan(sleutel: VerwerkingSleutel): string {
  const key: [string, string] = [sleutel.tijdstip.toISOString(), sleutel.id];
  return `${CURSOR_VERSION}.${Buffer.from(JSON.stringify(key)).toString('base64url')}`;
}

/** The place a cursor of {@link cursorVan} stands for, or null when it is not one. */
export function sleutelUit(cursor: string): VerwerkingSleutel | null {
  const [version, payload, ...rest] = cursor.split('.');
  if (version !== CURSOR_VERSION || !payload || rest.length > 0) return null;
  try {
    const key: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (!Array.isArray(key) || key.length !== 2) return null;
    const [iso, id] = key as unknown[];
    if (typeof iso !== 'string' || typeof id !== 'string' || id === '') return null;
    const tijdstip = new Date(iso);
    return Number.isNaN(tijdstip.getTime()) ? null : { tijdstip, id };
  } catch {
    return null;
  }
}
