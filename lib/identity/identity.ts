import { z } from 'zod';

/** Assurance levels, lowest first (eIDAS / DigiD / eHerkenning normalised). */
export const NIVEAUS = ['BASIS', 'MIDDEN', 'SUBSTANTIEEL', 'HOOG'] as const;
export type Niveau = (typeof NIVEAUS)[number];

export type Middel = 'DIGID' | 'EHERKENNING';
export type GebruikerSoort = 'INWONER' | 'ONDERNEMER';

/** The sources a machtiging can cover; each is one subgraph's data. */
export const BRONNEN = ['brp', 'zaken', 'berichten', 'voorkeuren'] as const;
export type Bron = (typeof BRONNEN)[number];

/**
 * Acting for someone else: DigiD Machtigen (a person for a person) or eHerkenning
 * ketenmachtiging (an intermediary organisation for an organisation). The identity's own
 * identifier is then the represented person's or organisation's: every section answers for them,
 * and only for the sources the machtiging's dienst covers (`bronnen`, from the gateway's
 * configuration).
 */
export const namensSchema = z
  .object({
    soort: z.enum(['DIGID_MACHTIGEN', 'EHERKENNING_KETENMACHTIGING']),
    /** The dienst (service) the machtiging was given for, as the broker names it. */
    dienst: z.string().min(1).max(200),
    /**
     * Who acts: a resident (DigiD Machtigen) or the intermediary by KvK number. The acting
     * resident's BSN is checked at the gateway and then dropped: no source needs it, so it never
     * travels to a subgraph.
     */
    vertegenwoordiger: z.discriminatedUnion('soort', [
      z.object({ soort: z.literal('INWONER') }).readonly(),
      z.object({ soort: z.literal('ONDERNEMER'), kvk: z.string().regex(/^\d{8}$/) }).readonly(),
    ]),
    bronnen: z.array(z.enum(BRONNEN)).readonly(),
  })
  .readonly();

export type Namens = z.infer<typeof namensSchema>;

/**
 * The normalised identity of the logged-in person, the same whichever broker issued the token:
 * a resident by BSN (DigiD), or an entrepreneur by KvK number, optionally restricted to one
 * vestiging (eHerkenning); with `namens` when someone acts for them. One schema: the internal
 * token is checked against it, and the type is inferred from it.
 */
export const identitySchema = z.discriminatedUnion('soort', [
  z
    .object({
      soort: z.literal('INWONER'),
      middel: z.literal('DIGID'),
      niveau: z.enum(NIVEAUS),
      bsn: z.string().regex(/^\d{9}$/),
      namens: namensSchema.optional(),
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
      namens: namensSchema.optional(),
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
