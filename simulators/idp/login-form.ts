import { isValidBsn, type Niveau } from '../../lib/identity/index.js';

/**
 * The login form's fields: the contract between the login page, a browser and
 * {@link loginAsTestPerson}. A form post works without JavaScript.
 *
 * - `middel`: `digid` or `eherkenning`;
 * - `niveau`: `basis`, `midden`, `substantieel` or `hoog` (default `substantieel`);
 * - DigiD: `persoon`, a BSN picked from the list or `anders`; `bsn`, a typed BSN. A picked
 *   person wins; without one (or with `anders`) the typed BSN counts. A client that posts only
 *   `bsn` therefore needs to know nothing about the list.
 * - eHerkenning: `bedrijf`, a picked `kvk` or `kvk/vestiging`, or `anders`; `kvk` and
 *   `vestiging`, typed. The same rule applies.
 */
export const LOGIN_FIELDS = ['middel', 'niveau', 'persoon', 'bsn', 'bedrijf', 'kvk', 'vestiging'] as const;
export type LoginField = (typeof LOGIN_FIELDS)[number];
export type LoginFormValues = Partial<Record<LoginField, string>>;

/** The means a form was posted for. */
export type LoginMiddel = 'DIGID' | 'EHERKENNING';

/** Levels as the form spells them, lowest first. */
export const FORM_NIVEAUS = ['basis', 'midden', 'substantieel', 'hoog'] as const;
export type FormNiveau = (typeof FORM_NIVEAUS)[number];
export const DEFAULT_FORM_NIVEAU: FormNiveau = 'substantieel';

/** The normalised level for each form value. */
export const NIVEAU_OF_FORM: Readonly<Record<FormNiveau, Niveau>> = {
  basis: 'BASIS',
  midden: 'MIDDEN',
  substantieel: 'SUBSTANTIEEL',
  hoog: 'HOOG',
};

/** True for `basis`, `midden`, `substantieel` and `hoog`. */
export function isFormNiveau(value: string): value is FormNiveau {
  return (FORM_NIVEAUS as readonly string[]).includes(value);
}

/** A valid choice: who logs in, and at which level. */
export type LoginChoice =
  | { readonly middel: 'DIGID'; readonly niveau: Niveau; readonly bsn: string }
  | { readonly middel: 'EHERKENNING'; readonly niveau: Niveau; readonly kvk: string; readonly vestiging?: string };

/** A message for one field, in plain Dutch, shown next to that field. */
export interface FieldError {
  readonly field: 'middel' | 'niveau' | 'bsn' | 'kvk' | 'vestiging';
  readonly message: string;
}

/** A valid choice, or the field errors and the posted values to show the form again with. */
export type LoginFormResult =
  | { readonly ok: true; readonly choice: LoginChoice }
  | {
      readonly ok: false;
      readonly middel: LoginMiddel | undefined;
      readonly errors: readonly FieldError[];
      readonly values: LoginFormValues;
    };

/** Reads the posted login form. Never throws on user input: problems come back as field errors. */
export function readLoginForm(body: URLSearchParams): LoginFormResult {
  const values: LoginFormValues = {};
  for (const field of LOGIN_FIELDS) {
    const value = body.get(field);
    if (value !== null) values[field] = value.trim();
  }

  const middel = values.middel === 'digid' ? 'DIGID' : values.middel === 'eherkenning' ? 'EHERKENNING' : undefined;
  if (!middel) {
    return { ok: false, middel, values, errors: [{ field: 'middel', message: 'Kies DigiD of eHerkenning.' }] };
  }

  const errors: FieldError[] = [];
  const niveau = readNiveau(values.niveau);
  if (!niveau) errors.push({ field: 'niveau', message: 'Kies een betrouwbaarheidsniveau.' });

  if (middel === 'DIGID') {
    const bsn = digitsOnly(picked(values.persoon) ?? values.bsn);
    const bsnError = checkBsn(bsn);
    if (bsnError) errors.push(bsnError);
    if (errors.length > 0 || !niveau) return { ok: false, middel, values, errors };
    return { ok: true, choice: { middel, niveau, bsn } };
  }

  const [pickedKvk, pickedVestiging] = picked(values.bedrijf)?.split('/') ?? [];
  const kvk = digitsOnly(pickedKvk ?? values.kvk);
  const vestiging = digitsOnly(pickedKvk === undefined ? values.vestiging : pickedVestiging);
  if (kvk === '') {
    errors.push({ field: 'kvk', message: 'Kies een bedrijf of vul een KvK-nummer in.' });
  } else if (!/^\d{8}$/.test(kvk)) {
    errors.push({ field: 'kvk', message: 'Een KvK-nummer heeft 8 cijfers. Controleer het nummer.' });
  }
  if (vestiging !== '' && !/^\d{12}$/.test(vestiging)) {
    errors.push({
      field: 'vestiging',
      message: 'Een vestigingsnummer heeft 12 cijfers. Laat het veld leeg als u geen vestiging wilt kiezen.',
    });
  }
  if (errors.length > 0 || !niveau) return { ok: false, middel, values, errors };
  return { ok: true, choice: { middel, niveau, kvk, ...(vestiging ? { vestiging } : {}) } };
}

function checkBsn(bsn: string): FieldError | undefined {
  if (bsn === '') return { field: 'bsn', message: 'Kies een testpersoon of vul een BSN in.' };
  if (!/^\d{9}$/.test(bsn)) return { field: 'bsn', message: 'Een BSN heeft 9 cijfers. Controleer het nummer.' };
  if (!isValidBsn(bsn)) {
    return { field: 'bsn', message: 'Dit BSN bestaat niet: het voldoet niet aan de elfproef. Controleer het nummer.' };
  }
  return undefined;
}

function readNiveau(value: string | undefined): Niveau | undefined {
  const niveau = value === undefined || value === '' ? DEFAULT_FORM_NIVEAU : value.toLowerCase();
  return isFormNiveau(niveau) ? NIVEAU_OF_FORM[niveau] : undefined;
}

/** A radio choice from the list, or undefined when none was picked or "anders" was. */
function picked(value: string | undefined): string | undefined {
  return value === undefined || value === '' || value === 'anders' ? undefined : value;
}

/** People paste numbers with spaces or dots ("9999 93 653"); those are not part of the number. */
function digitsOnly(value: string | undefined): string {
  return (value ?? '').replace(/[\s.]/g, '');
}
