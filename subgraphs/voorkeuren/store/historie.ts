import { z } from 'zod';
import {
  contactSoortSchema as contactSoort,
  kanaalSchema as kanaal,
  onderwerpSchema,
  taalSchema,
  type StoredUitzondering,
  type VoorkeurenKeuze,
} from '../voorkeur/keuzes.js';

/**
 * One change in the history, stored as data (not as a sentence) so the wording can improve
 * later. Contact details appear by kind only: a deleted address must not live on in the history.
 */
export const wijzigingSchema = z.discriminatedUnion('soort', [
  z.object({ soort: z.literal('TAAL'), taal: taalSchema }),
  z.object({ soort: z.literal('ALLEEN_DIGITAAL'), aan: z.boolean() }),
  z.object({ soort: z.literal('KANAAL'), kanaal, aan: z.boolean() }),
  z.object({
    soort: z.literal('UITZONDERING'),
    kanaal,
    onderwerp: onderwerpSchema.nullable(),
    zaaktype: z.string().nullable(),
    /** Null: the exception was removed. */
    aan: z.boolean().nullable(),
  }),
  z.object({
    soort: z.enum([
      'CONTACT_TOEGEVOEGD',
      'CONTACT_GEVERIFIEERD',
      'CONTACT_STANDAARD',
      'CONTACT_VERWIJDERD',
      'CONTACT_ONBESTELBAAR',
    ]),
    contactSoort,
  }),
]);

export type Wijziging = z.infer<typeof wijzigingSchema>;

/** The key an exception is identified by: one per channel and onderwerp or zaaktype. */
export function uitzonderingSleutel(u: Pick<StoredUitzondering, 'kanaal' | 'onderwerp' | 'zaaktype'>): string {
  return u.onderwerp !== null ? `${u.kanaal}|onderwerp|${u.onderwerp}` : `${u.kanaal}|zaaktype|${u.zaaktype ?? ''}`;
}

/** What differs between two choices, as history entries (empty when nothing changed). */
export function verschillen(voor: VoorkeurenKeuze, na: VoorkeurenKeuze): Wijziging[] {
  const wijzigingen: Wijziging[] = [];
  if (voor.taal !== na.taal) wijzigingen.push({ soort: 'TAAL', taal: na.taal });
  if (voor.alleenDigitaal !== na.alleenDigitaal) wijzigingen.push({ soort: 'ALLEEN_DIGITAAL', aan: na.alleenDigitaal });
  for (const k of kanaal.options) {
    if (voor.kanalen[k] !== na.kanalen[k]) wijzigingen.push({ soort: 'KANAAL', kanaal: k, aan: na.kanalen[k] });
  }
  const oud = new Map(voor.uitzonderingen.map((u) => [uitzonderingSleutel(u), u]));
  const nieuw = new Map(na.uitzonderingen.map((u) => [uitzonderingSleutel(u), u]));
  for (const [sleutel, u] of nieuw) {
    if (oud.get(sleutel)?.aan !== u.aan) {
      wijzigingen.push({
        soort: 'UITZONDERING',
        kanaal: u.kanaal,
        onderwerp: u.onderwerp,
        zaaktype: u.zaaktype,
        aan: u.aan,
      });
    }
  }
  for (const [sleutel, u] of oud) {
    if (!nieuw.has(sleutel)) {
      wijzigingen.push({
        soort: 'UITZONDERING',
        kanaal: u.kanaal,
        onderwerp: u.onderwerp,
        zaaktype: u.zaaktype,
        aan: null,
      });
    }
  }
  return wijzigingen;
}
