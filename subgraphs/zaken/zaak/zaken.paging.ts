import { appError } from '../../../lib/errors.js';
import { isValidBsn } from '../../../lib/identity/claims.js';
import { ZaakStatusFilter, type Zaak, type ZaakFilter } from './zaak.type.js';

/** Page size when the portal gives none, and the largest it may ask for. */
export const STANDAARD_PAGINA = 10;
export const MAX_PAGINA = 50;

/** Where a page starts: the sort key of the last zaak of the previous page. */
interface SortKey {
  startdatum: string;
  identificatie: string;
  bronorganisatie: string;
}

/** A checked request for one page of zaken. */
export interface ZakenVraag {
  status: ZaakStatusFilter;
  vanaf: string | null;
  totEnMet: string | null;
  /** One zaaknummer; the zaaksystemen are asked for that zaak only. */
  identificatie: string | null;
  /** One organisation (RSIN); the zaaksystemen are asked for its zaken only. */
  bronorganisatie: string | null;
  eerste: number;
  na: SortKey | null;
}

/** BAD_USER_INPUT with a message a resident (and a front-end developer) can act on. */
function invalid(name: string, message: string): never {
  throw appError('BAD_USER_INPUT', { message, extensions: { invalidParams: [{ name, reason: message }] } });
}

/** A calendar date JJJJ-MM-DD that exists (not 2026-02-30). */
function datum(name: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const parsed = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!parsed || parsed.toISOString().slice(0, 10) !== value) {
    invalid(name, `De datum "${value}" bestaat niet of heeft niet de vorm JJJJ-MM-DD, bijvoorbeeld 2026-03-31.`);
  }
  return value;
}

/** The longest `identificatie` the Zaken API stores. */
const MAX_ZAAKNUMMER = 40;

/** A zaaknummer as the Zaken API can hold it: 1 to 40 characters, no spaces at either end, nothing invisible. */
function zaaknummer(name: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (value.trim() === '') invalid(name, 'Het zaaknummer is leeg. Vul een zaaknummer in, of laat het veld weg.');
  if (value.length > MAX_ZAAKNUMMER) {
    invalid(name, `Een zaaknummer heeft hoogstens ${MAX_ZAAKNUMMER} tekens. Dit zaaknummer heeft er ${value.length}.`);
  }
  if (value.trim() !== value || /\p{C}/u.test(value)) {
    invalid(name, 'Het zaaknummer heeft een spatie aan het begin of eind, of een teken dat u niet ziet. Haal dat weg.');
  }
  return value;
}

/** An RSIN: nine digits that pass the elfproef, like a BSN. */
function rsin(name: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (!/^\d{9}$/.test(value)) {
    invalid(name, 'De organisatie moet een RSIN zijn: 9 cijfers, bijvoorbeeld 002564440.');
  }
  if (!isValidBsn(value)) invalid(name, `Het RSIN ${value} bestaat niet. Kijk of de 9 cijfers goed zijn.`);
  return value;
}

const CURSOR_VERSION = 'z1';

/** The opaque cursor after `zaak`: its sort key, so a page starts right after it even if zaken were added. */
export function cursorNa(zaak: Zaak): string {
  const key: [string, string, string] = [zaak.startdatum, zaak.identificatie, zaak.bronorganisatie];
  return `${CURSOR_VERSION}.${Buffer.from(JSON.stringify(key)).toString('base64url')}`;
}

function parseCursor(value: string): SortKey {
  const [version, payload] = value.split('.');
  try {
    if (version === CURSOR_VERSION && payload) {
      const key: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      if (Array.isArray(key) && key.length === 3 && key.every((part) => typeof part === 'string')) {
        const [startdatum, identificatie, bronorganisatie] = key as [string, string, string];
        return { startdatum, identificatie, bronorganisatie };
      }
    }
  } catch {
    // Falls through to the error below: a damaged cursor is the caller's mistake.
  }
  return invalid('na', 'Deze vervolgpagina bestaat niet. Begin opnieuw bij de eerste pagina.');
}

/**
 * Checks the arguments of `zaken` before any zaaksysteem is asked. A request that is valid
 * GraphQL but makes no sense is refused with BAD_USER_INPUT: a page size out of range, a date
 * that does not exist, a date range the wrong way round, a zaaknummer or RSIN that cannot exist, a
 * damaged cursor.
 */
export function parseZakenVraag(filter: ZaakFilter | null | undefined, eerste: number, na: string | null): ZakenVraag {
  if (!Number.isInteger(eerste) || eerste < 1 || eerste > MAX_PAGINA) {
    invalid('eerste', `U kunt per keer 1 tot en met ${MAX_PAGINA} zaken opvragen. U vroeg om ${eerste}.`);
  }
  const vanaf = datum('filter.startdatumVanaf', filter?.startdatumVanaf);
  const totEnMet = datum('filter.startdatumTotEnMet', filter?.startdatumTotEnMet);
  if (vanaf && totEnMet && vanaf > totEnMet) {
    invalid(
      'filter.startdatumVanaf',
      `De begindatum (${vanaf}) ligt na de einddatum (${totEnMet}). Kies een begindatum die op of voor de einddatum ligt.`,
    );
  }
  return {
    status: filter?.status ?? ZaakStatusFilter.ALLE,
    vanaf,
    totEnMet,
    identificatie: zaaknummer('filter.identificatie', filter?.identificatie),
    bronorganisatie: rsin('filter.bronorganisatie', filter?.bronorganisatie),
    eerste,
    na: na === null || na === undefined ? null : parseCursor(na),
  };
}

/** Sort order of the list: newest startdatum first; ties by zaaknummer, so the order is total. */
export function vergelijkZaken(a: SortKey, b: SortKey): number {
  return (
    b.startdatum.localeCompare(a.startdatum) ||
    b.identificatie.localeCompare(a.identificatie) ||
    b.bronorganisatie.localeCompare(a.bronorganisatie)
  );
}

/**
 * Whether `zaak` passes the filter part of `vraag`. The zaaksystemen already filter on zaaknummer
 * and organisation; checked again here, so a source that ignores those filters cannot show more.
 */
export function pastBijFilter(zaak: Zaak, vraag: ZakenVraag): boolean {
  if (vraag.identificatie !== null && zaak.identificatie !== vraag.identificatie) return false;
  if (vraag.bronorganisatie !== null && zaak.bronorganisatie !== vraag.bronorganisatie) return false;
  if (vraag.status === ZaakStatusFilter.OPEN && zaak.afgerond) return false;
  if (vraag.status === ZaakStatusFilter.AFGEROND && !zaak.afgerond) return false;
  if (vraag.vanaf && zaak.startdatum < vraag.vanaf) return false;
  if (vraag.totEnMet && zaak.startdatum > vraag.totEnMet) return false;
  return true;
}

/**
 * One page of the merged, deduplicated list: filtered, sorted, starting after the cursor. The
 * cursor is a sort key, not an offset, so a zaak added between two page requests does not shift
 * the next page.
 */
export function pagina(
  zaken: readonly Zaak[],
  vraag: ZakenVraag,
): { items: Zaak[]; totaal: number; volgende: string | null } {
  const passend = zaken.filter((zaak) => pastBijFilter(zaak, vraag)).sort(vergelijkZaken);
  const na = vraag.na;
  const rest = na ? passend.filter((zaak) => vergelijkZaken(zaak, na) > 0) : passend;
  const items = rest.slice(0, vraag.eerste);
  const laatste = items.at(-1);
  return {
    items,
    totaal: passend.length,
    volgende: laatste && rest.length > items.length ? cursorNa(laatste) : null,
  };
}
