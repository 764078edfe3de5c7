/** A normalised value, or why the input is not one, in plain Dutch (B1) for the resident. */
export type Normalisatie = { ok: true; waarde: string } | { ok: false; melding: string };

const EMAIL_MELDING = 'Dit is geen geldig e-mailadres. Een e-mailadres ziet er zo uit: naam@voorbeeld.nl.';
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const TOP_LEVEL = /^(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})$/;

/**
 * Checks the syntax of an e-mail address the way a mail provider accepts it in practice (no
 * quoted local parts, no IP literals: NotifyNL refuses those too) and lower-cases the domain,
 * which is case-insensitive. Whether the address exists is what the verification code proves.
 */
export function normaliseerEmail(invoer: string): Normalisatie {
  const adres = invoer.trim();
  if (adres.length === 0) return { ok: false, melding: 'Vul een e-mailadres in.' };
  const at = adres.lastIndexOf('@');
  if (adres.length > 254 || at < 1 || at > 64) return { ok: false, melding: EMAIL_MELDING };
  const local = adres.slice(0, at);
  const labels = adres
    .slice(at + 1)
    .toLowerCase()
    .split('.');
  const valid =
    LOCAL_PART.test(local) &&
    labels.length >= 2 &&
    labels.every((label) => DOMAIN_LABEL.test(label)) &&
    TOP_LEVEL.test(labels.at(-1) ?? '');
  return valid ? { ok: true, waarde: `${local}@${labels.join('.')}` } : { ok: false, melding: EMAIL_MELDING };
}

const TELEFOON_MELDING =
  'Dit is geen geldig mobiel nummer. Schrijf een Nederlands nummer zo: 06 12345678. ' +
  'Een buitenlands nummer begint met + en de landcode, zoals +32 470 12 34 56.';
const GEEN_MOBIEL =
  'Dit is geen mobiel nummer. Wij kunnen alleen een sms sturen naar een mobiel nummer, zoals 06 12345678.';

/**
 * Normalises a mobile number to E.164 (`+316…`). Dutch numbers are accepted in every common
 * notation (06-12345678, +31 6 …, +31 (0)6 …, 0031 6 …) and must be mobile (06): a landline
 * cannot receive an SMS. Foreign numbers need their country code; their mobile ranges differ
 * per country, so only the E.164 length is checked and the verification SMS proves the rest.
 */
export function normaliseerMobielNummer(invoer: string): Normalisatie {
  const compact = invoer
    .trim()
    // "+31 (0)6 …": the (0) is the trunk prefix, dialled only inside the country.
    .replace(/^(\+|00)(\d{1,3})\s*\(0\)/, '$1$2')
    .replace(/[\s\-./()]/g, '');
  if (compact.length === 0) return { ok: false, melding: 'Vul een mobiel nummer in.' };
  let e164: string;
  if (/^0[1-9]\d{8}$/.test(compact)) e164 = `+31${compact.slice(1)}`;
  else if (/^(?:\+|00)[1-9]\d{6,14}$/.test(compact)) e164 = `+${compact.replace(/^(?:\+|00)/, '')}`;
  else return { ok: false, melding: TELEFOON_MELDING };
  if (e164.startsWith('+31')) {
    if (/^\+316\d{8}$/.test(e164)) return { ok: true, waarde: e164 };
    return { ok: false, melding: /^\+31\d{9}$/.test(e164) ? GEEN_MOBIEL : TELEFOON_MELDING };
  }
  return e164.length >= 9 && e164.length <= 16 ? { ok: true, waarde: e164 } : { ok: false, melding: TELEFOON_MELDING };
}

/** A code as the resident types it: spaces are ignored, six digits remain. */
export function normaliseerCode(invoer: string): string | undefined {
  const code = invoer.replace(/\s/g, '');
  return /^\d{6}$/.test(code) ? code : undefined;
}
