import { z } from 'zod';
import { UpstreamError } from '../../../lib/http/upstream.js';

/**
 * What the MijnOverheid REST endpoints answer, checked at the boundary: a 2xx body of another
 * shape is INVALID_RESPONSE, like non-JSON, and never half-mapped into the graph. Members we do
 * not use are ignored, as the FBS contract allows extensions.
 */

const dateTime = z.iso.datetime({ offset: true }).transform((value) => new Date(value));

const status = z.object({ gelezen: z.boolean().default(false), map: z.string().optional() });

/**
 * The zaak a bericht is about. Not in FBS PoC 0.2.0: an extension our simulator carries, as a
 * sender's zaaksysteem knows the zaak when it sends. Without it we fall back to the text.
 */
const zaakreferentie = z.object({ bronorganisatie: z.string().regex(/^\d{9}$/), identificatie: z.string().min(1) });

/** `BerichtSamenvatting` (list) and `Bericht` (one): the members both forms share. */
const berichtBasis = {
  berichtId: z.string().min(1),
  afzender: z.string(),
  onderwerp: z.string(),
  inhoud: z.string().default(''),
  tijdstipOntvangst: dateTime,
  publicatietijdstip: dateTime.optional(),
  status: status.optional(),
  zaakreferentie: zaakreferentie.optional(),
};

/** `GET /berichten` (FBS Berichtenmagazijn PoC 0.2.0, `BerichtenLijst`). */
export const fbsBerichtenLijst = z.object({
  berichten: z.array(
    z.object({
      ...berichtBasis,
      aantalBijlagen: z.number().int().min(0).optional(),
      bijlagen: z.array(z.object({ bijlageId: z.string(), naam: z.string() })).default([]),
    }),
  ),
  page: z.number().int(),
  totalPages: z.number().int(),
});

/** `GET|PATCH /berichten/{berichtId}` (`Bericht`, attachments with `mimeType`). */
export const fbsBericht = z.object({
  ...berichtBasis,
  bijlagen: z.array(z.object({ bijlageId: z.string(), naam: z.string(), mimeType: z.string() })).default([]),
});

/** `GET /zaken` of Lopende Zaken: FBS conventions (paging, `X-Ontvanger`), no public contract. */
export const lopendeZakenLijst = z.object({
  zaken: z.array(
    z.object({
      identificatie: z.string().min(1),
      bronorganisatie: z.string().regex(/^\d{9}$/),
      organisatie: z.object({ naam: z.string().min(1), oin: z.string().optional() }),
      omschrijving: z.string(),
      startdatum: z.iso.date(),
      einddatum: z.iso.date().nullable().optional(),
      statussen: z.array(z.object({ statustekst: z.string(), datum: dateTime })),
      url: z.url(),
    }),
  ),
  page: z.number().int(),
  totalPages: z.number().int(),
});

/** Parses a 2xx body, or throws INVALID_RESPONSE (the body itself is not kept). */
export function parseWire<S extends z.ZodType>(
  schema: S,
  body: unknown,
  upstream: string,
  status: number,
): z.output<S> {
  const result = schema.safeParse(body);
  if (!result.success) throw new UpstreamError(upstream, 'INVALID_RESPONSE', status);
  return result.data;
}
