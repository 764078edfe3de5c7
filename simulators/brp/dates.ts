/** The v2 `AbstractDatum` union: a full, partial or unknown date with its Dutch long form. */
export type Datum =
  | { type: 'Datum'; datum: string; langFormaat: string }
  | { type: 'JaarMaandDatum'; jaar: number; maand: number; langFormaat: string }
  | { type: 'JaarDatum'; jaar: number; langFormaat: string }
  | { type: 'DatumOnbekend'; onbekend: true; langFormaat: string };

const MAANDEN = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
] as const;

function maandNaam(maand: number): string {
  return MAANDEN[maand - 1] ?? String(maand);
}

/**
 * Converts a GBA date (`yyyymmdd`, `00` for an unknown day or month, `00000000` when wholly
 * unknown) to the v2 typed date. Returns `undefined` for an absent or malformed value so callers
 * can leave the field out, as the API does for data it does not have.
 */
export function toDatum(gba: string | undefined): Datum | undefined {
  if (gba === undefined || !/^\d{8}$/.test(gba)) return undefined;
  const jaar = Number(gba.slice(0, 4));
  const maand = Number(gba.slice(4, 6));
  const dag = Number(gba.slice(6, 8));
  if (jaar === 0) return { type: 'DatumOnbekend', onbekend: true, langFormaat: 'onbekend' };
  if (maand === 0) return { type: 'JaarDatum', jaar, langFormaat: String(jaar) };
  if (dag === 0) return { type: 'JaarMaandDatum', jaar, maand, langFormaat: `${maandNaam(maand)} ${jaar}` };
  return {
    type: 'Datum',
    datum: `${gba.slice(0, 4)}-${gba.slice(4, 6)}-${gba.slice(6, 8)}`,
    langFormaat: `${dag} ${maandNaam(maand)} ${jaar}`,
  };
}

/** The calendar date in the Netherlands at `now`: a BRP age changes at local midnight, not UTC. */
const AMSTERDAM_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function dutchCalendarDate(now: Date): { jaar: number; maand: number; dag: number } {
  const parts = AMSTERDAM_DATE.formatToParts(now);
  const part = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  return { jaar: part('year'), maand: part('month'), dag: part('day') };
}

/**
 * Age in whole years on `now`, as the BRP API computes `leeftijd`: only from a full birth date,
 * or from year and month when the current month is not the birth month (so the birthday is
 * certain to have passed or not). Otherwise `undefined`: the API then leaves `leeftijd` out.
 */
export function leeftijdOp(geboorte: Datum | undefined, now: Date): number | undefined {
  if (geboorte === undefined) return undefined;
  const today = dutchCalendarDate(now);
  switch (geboorte.type) {
    case 'Datum': {
      const [jaar, maand, dag] = geboorte.datum.split('-').map(Number) as [number, number, number];
      const hadBirthday = today.maand > maand || (today.maand === maand && today.dag >= dag);
      return today.jaar - jaar - (hadBirthday ? 0 : 1);
    }
    case 'JaarMaandDatum':
      if (today.maand === geboorte.maand) return undefined;
      return today.jaar - geboorte.jaar - (today.maand > geboorte.maand ? 0 : 1);
    case 'JaarDatum':
    case 'DatumOnbekend':
      return undefined;
  }
}
