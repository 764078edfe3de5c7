import { z } from 'zod';

/**
 * The vocabulary of a resident's preferences, in one place: the lists, the zod schemas that
 * check stored data against them, and the types. The store, the history and the GraphQL types
 * all take their values from here.
 */

/** The channels over which a resident can be told about their zaken, in the order residents asked for. */
export const KANALEN = ['EMAIL', 'SMS', 'MIJN_OVERHEID'] as const;
export type KanaalNaam = (typeof KANALEN)[number];
export const kanaalSchema = z.enum(KANALEN);

export const TALEN = ['nl', 'en'] as const;
export type TaalCode = (typeof TALEN)[number];
export const taalSchema = z.enum(TALEN);

/**
 * What a melding is about. Part B derives it from the statustype: the first status
 * (ZAAK_ONTVANGEN), the eindstatus (ZAAK_AFGEROND) or one in between (ZAAK_STATUS).
 */
export const ONDERWERPEN = ['ZAAK_ONTVANGEN', 'ZAAK_STATUS', 'ZAAK_AFGEROND'] as const;
export type OnderwerpCode = (typeof ONDERWERPEN)[number];
export const onderwerpSchema = z.enum(ONDERWERPEN);

export const CONTACT_SOORTEN = ['EMAIL', 'TELEFOON'] as const;
export type ContactSoortCode = (typeof CONTACT_SOORTEN)[number];
export const contactSoortSchema = z.enum(CONTACT_SOORTEN);

/**
 * A resident's own choice for one channel that differs from the channel's on/off: for one
 * onderwerp or for one zaaktype (by its catalogus `identificatie`, as in the overlap map).
 * Exactly one of `onderwerp` and `zaaktype` is set.
 */
export interface StoredUitzondering {
  readonly kanaal: KanaalNaam;
  readonly onderwerp: OnderwerpCode | null;
  readonly zaaktype: string | null;
  readonly aan: boolean;
}

/** What a resident chose (without when). */
export interface VoorkeurenKeuze {
  readonly taal: TaalCode;
  readonly alleenDigitaal: boolean;
  readonly kanalen: Readonly<Record<KanaalNaam, boolean>>;
  readonly uitzonderingen: readonly StoredUitzondering[];
}

/** What a resident has before choosing anything: MijnOverheid tells them, we add no e-mail or SMS. */
export const STANDAARD_VOORKEUREN: VoorkeurenKeuze = {
  taal: 'nl',
  alleenDigitaal: false,
  kanalen: { EMAIL: false, SMS: false, MIJN_OVERHEID: true },
  uitzonderingen: [],
};
