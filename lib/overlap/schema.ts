import { z } from 'zod';

const portaal = z.enum(['GEMEENTE', 'MIJN_OVERHEID']);

/** One kind of data: who owns it, where else it shows, who notifies about it, and why (B1). */
export const overlapRegel = z
  .object({
    bron: z.string().min(1),
    eigenaar: portaal,
    ookZichtbaarIn: z.array(portaal).default([]),
    meldingenDoor: z.array(portaal).default([]),
    url: z.string().url().nullable().default(null),
    uitleg: z.string().min(10),
  })
  .strict();

export const overlapKaartSchema = z
  .object({
    versie: z.literal(1),
    gemeente: z.object({ naam: z.string().min(1), portaalUrl: z.string().url() }).strict(),
    persoonsgegevens: overlapRegel,
    zaken: z
      .object({
        standaard: overlapRegel,
        /** Exceptions per zaaktype, by the catalogus `identificatie` of the zaaktype. */
        zaaktypen: z.array(overlapRegel.extend({ zaaktype: z.string().min(1) }).strict()).default([]),
      })
      .strict(),
    berichten: z.object({ standaard: overlapRegel }).strict(),
  })
  .strict();

export type OverlapRegel = z.infer<typeof overlapRegel>;
export type OverlapKaartDefinitie = z.infer<typeof overlapKaartSchema>;
export type PortaalNaamValue = z.infer<typeof portaal>;
