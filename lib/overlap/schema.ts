import { z } from 'zod';
import { isValidBsn } from '../identity/claims.js';

/**
 * The format of the overlap file (`schema/overlap.yaml`, or `OVERLAP_MAP_FILE`). The file itself
 * documents every field for architects; this schema is what start-up checks. Messages of the
 * checks below are Dutch, as are zod's own (the loader parses with zod's `nl` locale).
 */

const PORTALEN = ['GEMEENTE', 'MIJN_OVERHEID'] as const;
const portaal = z.enum(PORTALEN);

const slug = z
  .string()
  .regex(
    /^[a-z0-9]+(-[a-z0-9]+)*$/,
    'gebruik alleen kleine letters, cijfers en streepjes, bijvoorbeeld "in-lopende-zaken"',
  );

/** A YAML value that looks like a number (002564440) loses its leading zeros unless quoted. */
const digits = (length: number, wat: string) =>
  z
    .string({
      error: `${wat} moet tekst zijn: zet de ${length} cijfers tussen aanhalingstekens, bijvoorbeeld '002564440'`,
    })
    .regex(new RegExp(`^\\d{${length}}$`), `${wat} heeft precies ${length} cijfers`);

const rsin = digits(9, 'een RSIN').refine(isValidBsn, 'dit RSIN voldoet niet aan de elfproef');
const oin = digits(20, 'een OIN');

/** The fields every rule has: who owns a kind of data, where else it shows, who notifies, and why (B1). */
const regelVelden = {
  /** The source system, in words an architect recognises ("BRP", "Zaaksysteem van de gemeente"). */
  bron: z.string().min(1),
  /** The portal where the resident manages this data and acts on it. */
  eigenaar: portaal,
  /** Other portals that also show it. The Mijn-Omgeving's own overview is never listed here. */
  ookZichtbaarIn: z.array(portaal).default([]),
  /** Portals that notify the resident about changes (e-mail, SMS, push). */
  meldingenDoor: z.array(portaal).default([]),
  /** The page in the owner portal; items with their own page (a bericht) override it. */
  url: z
    .url({ protocol: /^https?$/ })
    .nullable()
    .default(null),
  /** One or two B1 sentences for the resident: where to manage it and who sends messages. */
  uitleg: z.string().min(20, 'schrijf een uitleg van minstens één hele zin voor inwoners'),
};

function checkRegel(
  regel: { eigenaar: string; ookZichtbaarIn: string[]; meldingenDoor: string[] },
  ctx: z.RefinementCtx,
) {
  const zichtbaar = regel.ookZichtbaarIn.indexOf(regel.eigenaar);
  if (zichtbaar >= 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['ookZichtbaarIn', zichtbaar],
      message: `${regel.eigenaar} is de eigenaar; noem de eigenaar niet ook onder ookZichtbaarIn`,
    });
  }
  for (const [veld, lijst] of [
    ['ookZichtbaarIn', regel.ookZichtbaarIn],
    ['meldingenDoor', regel.meldingenDoor],
  ] as const) {
    lijst.forEach((p, i) => {
      if (lijst.indexOf(p) !== i)
        ctx.addIssue({ code: 'custom', path: [veld, i], message: `${p} staat hier twee keer` });
    });
  }
}

export const overlapRegel = z.object(regelVelden).strict().superRefine(checkRegel);

/** A zaaktype, or a group of zaaktypen that share one rule, by the catalogus `identificatie`. */
export const zaaktypeGroep = z
  .object({
    id: slug,
    naam: z.string().min(1),
    zaaktypen: z.array(z.string().min(1)).min(1, 'noem minstens één zaaktype'),
    ...regelVelden,
  })
  .strict()
  .superRefine(checkRegel);

/**
 * A kind of Berichtenbox bericht. The Berichtenbox carries no type, so a kind is recognised by
 * its sender (one of this gemeente's organisations or another one) and by whether it is about a
 * zaak; a condition left out matches both. The first kind that matches a bericht applies.
 */
export const berichttype = z
  .object({
    id: slug,
    naam: z.string().min(1),
    afzender: z.enum(['GEMEENTE', 'ANDERE_ORGANISATIE']).optional(),
    overZaak: z.boolean().optional(),
    ...regelVelden,
  })
  .strict()
  .superRefine(checkRegel);

/** One organisation of this gemeente: zaken with its RSIN as bronorganisatie are "ours". */
export const organisatie = z
  .object({
    naam: z.string().min(1),
    rsin,
    /** Defaults to `00000001` + RSIN + `000`, the OIN of an organisation with an RSIN. */
    oin: oin.optional(),
  })
  .strict()
  .transform((o) => ({ ...o, oin: o.oin ?? `00000001${o.rsin}000` }));

const patroon = z
  .string()
  .min(1)
  .refine((value) => {
    try {
      new RegExp(value, 'u');
      return true;
    } catch {
      return false;
    }
  }, 'dit is geen geldige reguliere expressie');

export const overlapKaartSchema = z
  .object({
    versie: z.literal(1, 'alleen versie 1 bestaat'),
    gemeente: z
      .object({
        naam: z.string().min(1),
        portaalUrl: z.url({ protocol: /^https?$/ }),
        organisaties: z.array(organisatie).min(1, 'noem minstens één organisatie (de gemeente zelf)'),
        /** How this gemeente's zaaknummers look, to link its berichten to zaken by their text. */
        zaaknummerPatroon: patroon.nullable().default(null),
      })
      .strict(),
    persoonsgegevens: overlapRegel,
    zaken: z
      .object({
        /** Zaaktypen no group names. */
        standaard: overlapRegel,
        groepen: z.array(zaaktypeGroep).default([]),
      })
      .strict(),
    /** Lopende Zaken of other organisations (those of this gemeente are zaken above). */
    lopendeZaken: overlapRegel,
    berichten: z
      .object({
        /** Berichten no berichttype matches. */
        standaard: overlapRegel,
        berichttypen: z.array(berichttype).default([]),
      })
      .strict(),
  })
  .strict()
  .superRefine((kaart, ctx) => {
    // One zaaktype, one rule: otherwise the map would say two things about one zaak.
    const groepVan = new Map<string, number>();
    kaart.zaken.groepen.forEach((groep, g) => {
      groep.zaaktypen.forEach((zaaktype, z) => {
        const eerder = groepVan.get(zaaktype);
        if (eerder === undefined) groepVan.set(zaaktype, g);
        else {
          ctx.addIssue({
            code: 'custom',
            path: ['zaken', 'groepen', g, 'zaaktypen', z],
            message: `zaaktype ${zaaktype} staat ook in groep "${kaart.zaken.groepen[eerder]?.id}"; een zaaktype hoort bij één groep`,
          });
        }
      });
    });
    const uniek = (lijst: readonly { id: string }[], pad: (string | number)[]) =>
      lijst.forEach((item, i) => {
        if (lijst.findIndex((other) => other.id === item.id) !== i) {
          ctx.addIssue({ code: 'custom', path: [...pad, i, 'id'], message: `id "${item.id}" is al gebruikt` });
        }
      });
    uniek(kaart.zaken.groepen, ['zaken', 'groepen']);
    uniek(kaart.berichten.berichttypen, ['berichten', 'berichttypen']);
    kaart.gemeente.organisaties.forEach((o, i) => {
      if (kaart.gemeente.organisaties.findIndex((other) => other.rsin === o.rsin) !== i) {
        ctx.addIssue({
          code: 'custom',
          path: ['gemeente', 'organisaties', i, 'rsin'],
          message: `RSIN ${o.rsin} staat er al`,
        });
      }
    });
  });

export type OverlapRegel = z.infer<typeof overlapRegel>;
export type ZaaktypeGroep = z.infer<typeof zaaktypeGroep>;
export type Berichttype = z.infer<typeof berichttype>;
export type Organisatie = z.infer<typeof organisatie>;
export type OverlapKaartDefinitie = z.infer<typeof overlapKaartSchema>;
export type PortaalNaamValue = z.infer<typeof portaal>;
