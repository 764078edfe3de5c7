import { BronStatusCode, bronStatus, logBronFout, type BronStatus } from '../../../lib/graphql/index.js';
import { NotApplicableError, type NotApplicableReason, type ZaakExpansion } from '../../../lib/zgw/client.js';
import type { ZaakBronnen, ZaakZoekSleutel } from './zaak.loader.js';
import { mapZaak, mergeZaken } from './zaak.mapper.js';
import type { Zaak } from './zaak.type.js';

/** The caller's zaken from every source, merged, with the status of each source. */
export interface FetchedZaken {
  bronnen: BronStatus[];
  /** Merged and deduplicated, not yet sorted or filtered. */
  zaken: Zaak[];
  /** True when a source that applies to this login did not answer. */
  onvolledig: boolean;
}

/** The key of a set of expansions, so that the same set in any order shares one call. */
export function expandKey(expand: Iterable<ZaakExpansion>): string {
  return [...new Set(expand)].sort().join(',');
}

/** The loader key for these expansions, optionally narrowed to one zaaknummer or organisation. */
export function zoekSleutel(
  expand: Iterable<ZaakExpansion>,
  filter: { identificatie?: string | null; bronorganisatie?: string | null } = {},
): ZaakZoekSleutel {
  return {
    expand: expandKey(expand),
    identificatie: filter.identificatie ?? null,
    bronorganisatie: filter.bronorganisatie ?? null,
  };
}

/** What to tell a resident when a source cannot search for their kind of login. */
const NIET_VAN_TOEPASSING: Readonly<Record<NotApplicableReason, (naam: string) => string>> = {
  GEEN_RSIN: (naam) =>
    `${naam} kan zaken van organisaties alleen vinden met een RSIN. Uw organisatie heeft geen RSIN, bijvoorbeeld omdat het een eenmanszaak is. Mist u een zaak? Neem dan contact op met de gemeente.`,
};

/**
 * Asks every zaaksysteem at once (one call each, through the request's loaders) for the caller's
 * zaken with the given expansions and filters. A source that fails leaves the others' zaken visible and says
 * so in its own `bron`; the failure is logged with its kind, never with the resident's identity.
 */
export async function fetchZaken(context: ZaakBronnen, key: ZaakZoekSleutel): Promise<FetchedZaken> {
  const results = await Promise.all(
    context.bronnen.map(async (bron): Promise<{ bron: BronStatus; zaken: Zaak[]; fout: boolean }> => {
      try {
        const { zaken, afgekapt } = await bron.zaken.load(key);
        const mapped = zaken.map((zaak) => mapZaak(zaak, bron, context.overlap));
        return {
          bron: afgekapt
            ? bronStatus(bron.naam, BronStatusCode.ONVOLLEDIG, {
                melding: `${bron.naam} heeft meer zaken dan we in één keer kunnen laten zien. U ziet hier de nieuwste.`,
                opgehaaldOp: context.now(),
              })
            : bronStatus(bron.naam, BronStatusCode.OK, { opgehaaldOp: context.now() }),
          zaken: mapped,
          fout: false,
        };
      } catch (error) {
        if (error instanceof NotApplicableError) {
          return {
            bron: bronStatus(bron.naam, BronStatusCode.NIET_VAN_TOEPASSING, {
              melding: NIET_VAN_TOEPASSING[error.reden](bron.naam),
            }),
            zaken: [],
            fout: false,
          };
        }
        logBronFout(error, context, bron.naam);
        return {
          bron: bronStatus(bron.naam, BronStatusCode.NIET_BESCHIKBAAR, {
            melding: `We kunnen de zaken uit ${bron.naam} nu niet ophalen. Probeer het later opnieuw.`,
          }),
          zaken: [],
          fout: true,
        };
      }
    }),
  );
  return {
    bronnen: results.map((r) => r.bron),
    zaken: mergeZaken(results.map((r) => r.zaken)),
    onvolledig: results.some((r) => r.fout),
  };
}
