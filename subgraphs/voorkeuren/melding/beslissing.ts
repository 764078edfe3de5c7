import { assertNever } from '../../../lib/errors.js';
import {
  STANDAARD_VOORKEUREN,
  type BruikbareContactgegevens,
  type OnderwerpCode,
  type VoorkeurenKeuze,
} from '../store/store.js';

/** The channels we send over ourselves; MIJN_OVERHEID is MijnOverheid's own. */
export const MELDING_KANALEN = ['EMAIL', 'SMS'] as const;
export type MeldingKanaal = (typeof MELDING_KANALEN)[number];

/** Why no message went out on a channel. */
export type OnderdrukReden =
  /** The zaaksysteem marks this status as one residents are not told about (`informeren` false). */
  | 'STATUS_NIET_INFORMEREN'
  /** The resident did not choose this channel (for this zaaktype or onderwerp). */
  | 'KANAAL_UIT'
  /** MijnOverheid already tells the resident about this zaaktype, and they did not ask us too. */
  | 'MIJN_OVERHEID_MELDT'
  /** No verified, deliverable address or number. */
  | 'GEEN_BRUIKBAAR_CONTACT';

/** A status change as the decision needs it. */
export interface StatusWijziging {
  /** The zaaktype's catalogus `identificatie` (as in the overlap map), when known. */
  readonly zaaktype: string | null;
  /** The statustype's `informeren`. */
  readonly informeren: boolean;
  readonly eersteStatus: boolean;
  readonly eindstatus: boolean;
}

export interface BeslisInput {
  readonly wijziging: StatusWijziging;
  /** Null: the resident never chose anything (the defaults apply). */
  readonly voorkeuren: VoorkeurenKeuze | null;
  readonly contact: BruikbareContactgegevens;
  /**
   * True when MijnOverheid announces this status change to this resident: the overlap map says
   * it does for the zaaktype (and, where the adapter can tell, the resident subscribed).
   */
  readonly mijnOverheidMeldt: boolean;
}

export type KanaalBeslissing =
  | { readonly kanaal: MeldingKanaal; readonly versturen: true; readonly contactId: string }
  | { readonly kanaal: MeldingKanaal; readonly versturen: false; readonly reden: OnderdrukReden };

/** What a status change is about, for onderwerp exceptions. */
export function onderwerpVan(wijziging: StatusWijziging): OnderwerpCode {
  if (wijziging.eindstatus) return 'ZAAK_AFGEROND';
  if (wijziging.eersteStatus) return 'ZAAK_ONTVANGEN';
  return 'ZAAK_STATUS';
}

const CONTACT_SOORT = { EMAIL: 'EMAIL', SMS: 'TELEFOON' } as const;

/**
 * Decides, per channel, whether to send a melding about a status change (pure; table-tested).
 *
 * Whether the resident wants the channel: a zaaktype exception wins over an onderwerp exception,
 * which wins over the channel's on/off. When MijnOverheid announces the change, we stay silent
 * unless the resident explicitly asked for this channel for this zaaktype (an exception with
 * aan=true): only that is a choice for a second message. Unverified or bouncing contact details
 * never reach `contact`, so they are never used.
 */
export function beslis(input: BeslisInput): KanaalBeslissing[] {
  const keuze = input.voorkeuren ?? STANDAARD_VOORKEUREN;
  const { wijziging } = input;
  const onderwerp = onderwerpVan(wijziging);
  return MELDING_KANALEN.map((kanaal): KanaalBeslissing => {
    if (!wijziging.informeren) return { kanaal, versturen: false, reden: 'STATUS_NIET_INFORMEREN' };
    const perZaaktype = keuze.uitzonderingen.find(
      (u) => u.kanaal === kanaal && wijziging.zaaktype !== null && u.zaaktype === wijziging.zaaktype,
    );
    const perOnderwerp = keuze.uitzonderingen.find((u) => u.kanaal === kanaal && u.onderwerp === onderwerp);
    const gewild = perZaaktype?.aan ?? perOnderwerp?.aan ?? keuze.kanalen[kanaal];
    if (!gewild) return { kanaal, versturen: false, reden: 'KANAAL_UIT' };
    if (input.mijnOverheidMeldt && perZaaktype?.aan !== true) {
      return { kanaal, versturen: false, reden: 'MIJN_OVERHEID_MELDT' };
    }
    const contact = input.contact[CONTACT_SOORT[kanaal]];
    if (!contact) return { kanaal, versturen: false, reden: 'GEEN_BRUIKBAAR_CONTACT' };
    return { kanaal, versturen: true, contactId: contact.id };
  });
}

/** The reason in B1 Dutch, as the resident reads it in `me.meldingen`. */
export function redenTekst(reden: OnderdrukReden): string {
  switch (reden) {
    case 'STATUS_NIET_INFORMEREN':
      return 'Bij deze stap sturen wij geen bericht.';
    case 'KANAAL_UIT':
      return 'U heeft niet gekozen voor berichten via dit kanaal.';
    case 'MIJN_OVERHEID_MELDT':
      return 'U kreeg hierover al bericht van MijnOverheid.';
    case 'GEEN_BRUIKBAAR_CONTACT':
      return 'Wij hebben geen gecontroleerd adres of nummer van u.';
    default:
      return assertNever(reden);
  }
}
