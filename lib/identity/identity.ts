import { z } from 'zod';

/** Assurance levels, lowest first (eIDAS / DigiD / eHerkenning normalised). */
export const NIVEAUS = ['BASIS', 'MIDDEN', 'SUBSTANTIEEL', 'HOOG'] as const;
export type Niveau = (typeof NIVEAUS)[number];

export type Middel = 'DIGID' | 'EHERKENNING';
export type GebruikerSoort = 'INWONER' | 'ONDERNEMER';

/**
 * The normalised identity of the logged-in person, the same whichever broker issued the token:
 * a resident by BSN (DigiD), or an entrepreneur by KvK number, optionally restricted to one
 * vestiging (eHerkenning). One schema: the internal token is checked against it, and the type is
 * inferred from it.
 */
export const identitySchema = z.discriminatedUnion('soort', [
  z
    .object({
      soort: z.literal('INWONER'),
      middel: z.literal('DIGID'),
      niveau: z.enum(NIVEAUS),
      bsn: z.string().regex(/^\d{9}$/),
    })
    .readonly(),
  z
    .object({
      soort: z.literal('ONDERNEMER'),
      middel: z.literal('EHERKENNING'),
      niveau: z.enum(NIVEAUS),
      kvk: z.string().regex(/^\d{8}$/),
      vestiging: z
        .string()
        .regex(/^\d{12}$/)
        .optional(),
      rsin: z
        .string()
        .regex(/^\d{9}$/)
        .optional(),
    })
    .readonly(),
]);

export type Identity = z.infer<typeof identitySchema>;
/** A resident, identified by BSN (DigiD). */
export type InwonerIdentity = Extract<Identity, { soort: 'INWONER' }>;
/** An entrepreneur, identified by KvK number, optionally restricted to one vestiging (eHerkenning). */
export type OndernemerIdentity = Extract<Identity, { soort: 'ONDERNEMER' }>;

/** True when `actual` is at least `required`. */
export function niveauAtLeast(actual: Niveau, required: Niveau): boolean {
  return NIVEAUS.indexOf(actual) >= NIVEAUS.indexOf(required);
}

/** The identifier this identity stands for, as `bsn:…` or `kvk:…[:vestiging]`. Never log it. */
export function identifierOf(identity: Identity): string {
  return identity.soort === 'INWONER'
    ? `bsn:${identity.bsn}`
    : `kvk:${identity.kvk}${identity.vestiging ? `:${identity.vestiging}` : ''}`;
}
