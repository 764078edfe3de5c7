import { UpstreamError } from '../http/upstream.js';
import { BronStatus, BronStatusCode } from './types.js';

/** Plain-language (B1) sentences for a section whose source did not answer fully. */
export const BRON_MELDINGEN = {
  nietBeschikbaar: (wat: string) => `We kunnen ${wat} nu niet ophalen. Probeer het later opnieuw.`,
  onvolledig: (wat: string) => `We konden niet al ${wat} ophalen. Wat u hier ziet, is dus misschien niet alles.`,
  teDruk: (wat: string) =>
    `Het is nu erg druk. We kunnen ${wat} daarom nu niet ophalen. Probeer het over een paar minuten opnieuw.`,
} as const;

/**
 * The `bron.melding` for a source that failed. A source that limits its callers (429) will answer
 * again soon, which is worth telling the resident; every other failure reads the same to them.
 */
export function bronMelding(error: unknown, wat: string): string {
  return error instanceof UpstreamError && error.kind === 'RATE_LIMITED'
    ? BRON_MELDINGEN.teDruk(wat)
    : BRON_MELDINGEN.nietBeschikbaar(wat);
}

/** Builds a {@link BronStatus}. `melding` stays null when all went well. */
export function bronStatus(
  naam: string,
  status: BronStatusCode,
  { melding = null, opgehaaldOp = null }: { melding?: string | null; opgehaaldOp?: Date | null } = {},
): BronStatus {
  return Object.assign(new BronStatus(), { naam, status, melding, opgehaaldOp });
}

/**
 * The status of a section with several sources: OK when all are OK (or not applicable),
 * NIET_BESCHIKBAAR when none answered, ONVOLLEDIG in between.
 */
export function combineBronnen(naam: string, bronnen: readonly BronStatus[], wat: string, now: Date): BronStatus {
  const relevant = bronnen.filter((b) => b.status !== BronStatusCode.NIET_VAN_TOEPASSING);
  if (relevant.length === 0) {
    return bronStatus(naam, BronStatusCode.NIET_VAN_TOEPASSING, {
      melding: bronnen[0]?.melding ?? null,
    });
  }
  const failed = relevant.filter((b) => b.status !== BronStatusCode.OK);
  if (failed.length === 0) return bronStatus(naam, BronStatusCode.OK, { opgehaaldOp: now });
  if (failed.length === relevant.length && failed.every((b) => b.status === BronStatusCode.NIET_BESCHIKBAAR)) {
    return bronStatus(naam, BronStatusCode.NIET_BESCHIKBAAR, { melding: BRON_MELDINGEN.nietBeschikbaar(wat) });
  }
  return bronStatus(naam, BronStatusCode.ONVOLLEDIG, { melding: BRON_MELDINGEN.onvolledig(wat), opgehaaldOp: now });
}
