import { assertNever } from '../../../lib/errors.js';
import { BronStatusCode, bronStatus } from '../../../lib/graphql/index.js';
import { mapContactgegeven } from '../contactgegeven/contactgegeven.mapper.js';
import type { Wijziging } from '../store/historie.js';
import {
  KANALEN,
  STANDAARD_VOORKEUREN,
  type ContactSoortCode,
  type HistorieRegel,
  type KanaalNaam,
  type StoredContactgegeven,
  type StoredVoorkeuren,
  type VerificatieBeleid,
} from '../store/store.js';
import {
  Kanaal,
  KanaalVoorkeur,
  Onderwerp,
  Taal,
  Uitzondering,
  VoorkeurWijziging,
  Voorkeuren,
} from './voorkeuren.type.js';

export interface VoorkeurenBron {
  gebruikerId: string;
  stored: StoredVoorkeuren | null;
  contacten: readonly StoredContactgegeven[];
  beleid: VerificatieBeleid;
  now: Date;
}

const WOORDEN: Record<ContactSoortCode, { adres: string; bericht: string; kanaal: string }> = {
  EMAIL: { adres: 'e-mailadres', bericht: 'e-mail', kanaal: 'e-mail' },
  TELEFOON: { adres: 'mobiel nummer', bericht: 'sms', kanaal: 'sms' },
};

/**
 * Why a channel that is on cannot be used now (B1), or null. Meldingen only go to the default
 * detail of a kind, and only once it is verified and not bounced.
 */
function kanaalMelding(kanaal: KanaalNaam, aan: boolean, contacten: readonly StoredContactgegeven[]): string | null {
  if (!aan || kanaal === 'MIJN_OVERHEID') return null;
  const soort: ContactSoortCode = kanaal === 'EMAIL' ? 'EMAIL' : 'TELEFOON';
  const w = WOORDEN[soort];
  const vanSoort = contacten.filter((c) => c.soort === soort);
  const standaard = vanSoort.find((c) => c.standaard);
  if (standaard?.onbestelbaarSinds) {
    return `Onze laatste ${w.bericht} kwam niet aan. Controleer uw ${w.adres} of voeg een ander toe.`;
  }
  if (standaard) return null;
  if (vanSoort.length > 0) {
    return `Bevestig eerst uw ${w.adres} met de code die we u stuurden. Tot dan sturen we geen ${w.bericht}.`;
  }
  return `U hebt nog geen ${w.adres} opgegeven. Voeg er een toe om ${w.bericht} te krijgen.`;
}

/** Stored preferences (or the defaults, when none are stored) and contact details as the GraphQL type. */
export function mapVoorkeuren({ gebruikerId, stored, contacten, beleid, now }: VoorkeurenBron): Voorkeuren {
  const v = stored ?? { ...STANDAARD_VOORKEUREN, gewijzigdOp: null };
  return Object.assign(new Voorkeuren(), {
    gebruikerId,
    bron: bronStatus('Voorkeuren', BronStatusCode.OK, { opgehaaldOp: now }),
    taal: v.taal === 'en' ? Taal.EN : Taal.NL,
    alleenDigitaal: v.alleenDigitaal,
    kanalen: KANALEN.map((kanaal) =>
      Object.assign(new KanaalVoorkeur(), {
        kanaal: Kanaal[kanaal],
        aan: v.kanalen[kanaal],
        uitzonderingen: v.uitzonderingen
          .filter((u) => u.kanaal === kanaal)
          .map((u) =>
            Object.assign(new Uitzondering(), {
              onderwerp: u.onderwerp === null ? null : Onderwerp[u.onderwerp],
              zaaktype: u.zaaktype,
              aan: u.aan,
            }),
          ),
        melding: kanaalMelding(kanaal, v.kanalen[kanaal], contacten),
      }),
    ),
    contactgegevens: contacten.map((c) => mapContactgegeven(c, beleid, now)),
    zelfGekozen: stored !== null,
    gewijzigdOp: v.gewijzigdOp,
  });
}

const KANAAL_NAAM: Record<KanaalNaam, string> = { EMAIL: 'e-mail', SMS: 'sms', MIJN_OVERHEID: 'MijnOverheid' };
const ONDERWERP_NAAM: Record<Onderwerp, string> = {
  ZAAK_ONTVANGEN: 'Aanvraag ontvangen',
  ZAAK_STATUS: 'Zaak een stap verder',
  ZAAK_AFGEROND: 'Zaak afgerond',
};
const hoofdletter = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** One history entry as a sentence a resident understands (B1). */
export function beschrijfWijziging(w: Wijziging): string {
  switch (w.soort) {
    case 'TAAL':
      return `Taal van meldingen: ${w.taal === 'en' ? 'Engels' : 'Nederlands'}.`;
    case 'ALLEEN_DIGITAAL':
      return w.aan ? 'U krijgt geen post op papier als het ook digitaal kan.' : 'U krijgt weer post op papier.';
    case 'KANAAL':
      return `Meldingen via ${KANAAL_NAAM[w.kanaal]}: ${w.aan ? 'aan' : 'uit'}.`;
    case 'UITZONDERING': {
      const waarvoor = w.onderwerp !== null ? `"${ONDERWERP_NAAM[w.onderwerp]}"` : `zaaktype ${w.zaaktype ?? ''}`;
      const kanaal = KANAAL_NAAM[w.kanaal];
      if (w.aan === null) return `Uitzondering voor ${waarvoor} bij ${kanaal} weggehaald.`;
      return `Voor ${waarvoor}: meldingen via ${kanaal} ${w.aan ? 'aan' : 'uit'}.`;
    }
    case 'CONTACT_TOEGEVOEGD':
      return `${hoofdletter(WOORDEN[w.contactSoort].adres)} toegevoegd.`;
    case 'CONTACT_GEVERIFIEERD':
      return `${hoofdletter(WOORDEN[w.contactSoort].adres)} bevestigd.`;
    case 'CONTACT_STANDAARD':
      return `Ander ${WOORDEN[w.contactSoort].adres} gekozen voor meldingen.`;
    case 'CONTACT_VERWIJDERD':
      return `${hoofdletter(WOORDEN[w.contactSoort].adres)} verwijderd.`;
    case 'CONTACT_ONBESTELBAAR':
      return `Onze ${WOORDEN[w.contactSoort].bericht} kwam niet aan. Het ${WOORDEN[w.contactSoort].adres} werkt niet.`;
    default:
      return assertNever(w);
  }
}

/** A history entry as the GraphQL type, each change as a B1 sentence. */
export function mapHistorie(regel: HistorieRegel): VoorkeurWijziging {
  return Object.assign(new VoorkeurWijziging(), {
    op: regel.op,
    doorGemeente: regel.door === 'SYSTEEM',
    wijzigingen: regel.wijzigingen.map(beschrijfWijziging),
  });
}
