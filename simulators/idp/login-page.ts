import { createHash } from 'node:crypto';
import {
  DEFAULT_FORM_NIVEAU,
  FORM_NIVEAUS,
  type FieldError,
  type FormNiveau,
  type LoginFormValues,
  type LoginMiddel,
} from './login-form.js';
import type { TestBedrijf, TestPersoon } from './persons.js';

/**
 * The pages of the DigiD-simulator: plain Dutch (B1), one inline style sheet and no script, so
 * they load nothing from another host and work offline, without JavaScript and with a screen
 * reader (labels on every control, grouped choices, errors linked to their fields).
 */

/** A form post that failed validation, to render again with its values and messages. */
export interface FailedLogin {
  readonly middel: LoginMiddel | undefined;
  readonly values: LoginFormValues;
  readonly errors: readonly FieldError[];
}

export interface LoginPageInput {
  /** Where both forms post to. */
  readonly action: string;
  /** The application the person logs in to. */
  readonly clientName: string;
  readonly personen: readonly TestPersoon[];
  readonly bedrijven: readonly TestBedrijf[];
  readonly failed?: FailedLogin;
}

const STYLE = `
:root{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.5;color:#0b0c0c;background:#f3f2f1}
body{margin:0}
.simulator{margin:0;padding:.5rem 1rem;background:#ffdd00;font-weight:700;text-align:center}
main{max-width:42rem;margin:0 auto;padding:1rem}
h1{font-size:2rem;margin:1rem 0 .5rem}
h2{font-size:1.375rem;margin:0 0 1rem}
section{background:#fff;border:1px solid #b1b4b6;border-radius:4px;padding:1rem 1.25rem;margin:1.5rem 0}
fieldset{border:0;padding:0;margin:0 0 1.25rem;min-width:0}
legend{font-weight:700;font-size:1.125rem;padding:0;margin-bottom:.5rem}
.keuze{display:flex;gap:.6rem;align-items:flex-start;margin:.4rem 0}
.keuze input{width:1.3rem;height:1.3rem;margin:.15rem 0 0;flex:none}
.extra{display:block;color:#505a5f;font-size:.9375rem}
.veld{margin:.5rem 0 0 1.9rem}
.veld label{display:block;font-weight:700}
.hint{margin:0;color:#505a5f;font-size:.9375rem}
input[type=text]{font:inherit;padding:.35rem .5rem;border:2px solid #0b0c0c;border-radius:0;width:100%;max-width:17rem;box-sizing:border-box}
input[aria-invalid=true]{border-color:#d4351c;border-width:3px}
.fout{margin:.25rem 0;color:#d4351c;font-weight:700}
button{font:inherit;font-weight:700;color:#fff;background:#154273;border:2px solid transparent;border-radius:4px;padding:.6rem 1.25rem;cursor:pointer}
button:hover{background:#0b2a4a}
:focus-visible{outline:3px solid #ffdd00;outline-offset:0;box-shadow:0 0 0 6px #0b0c0c}
.foutsamenvatting{border:4px solid #d4351c;background:#fff;padding:1rem 1.25rem;margin:1rem 0}
.foutsamenvatting a{color:#d4351c;font-weight:700}
`;

/**
 * Response headers for every page. The policy allows the one inline style sheet (by hash) and
 * nothing else. It sets no `form-action`: browsers apply that to the redirects after a post too,
 * which would block the final redirect to the application.
 */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy': `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; base-uri 'none'; frame-ancestors 'none'`,
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
};

const NIVEAU_LABELS: Readonly<Record<LoginMiddel, Readonly<Record<FormNiveau, [string, string]>>>> = {
  DIGID: {
    basis: ['Basis', 'Met gebruikersnaam en wachtwoord'],
    midden: ['Midden', 'Met sms-controle of de DigiD app'],
    substantieel: ['Substantieel', 'Met de DigiD app en een gecontroleerd identiteitsbewijs'],
    hoog: ['Hoog', 'Met een identiteitskaart met chip'],
  },
  EHERKENNING: {
    basis: ['Basis', 'eHerkenning niveau EH1'],
    midden: ['Midden', 'eHerkenning niveau EH2+'],
    substantieel: ['Substantieel', 'eHerkenning niveau EH3'],
    hoog: ['Hoog', 'eHerkenning niveau EH4'],
  },
};

/** The login page with both forms; after a failed post, that form again with its errors. */
export function renderLoginPage(input: LoginPageInput): string {
  const { failed } = input;
  const errors = failed?.errors ?? [];
  const body = `
<p class="simulator">Dit is een simulator voor ontwikkelaars en testers. U logt niet echt in met DigiD.</p>
<main>
<h1>DigiD-simulator</h1>
<p>U logt in bij <strong>${escapeHtml(input.clientName)}</strong>. Kies met wie u inlogt en hoe zeker dat moet zijn.</p>
<p>Inloggen als <a href="#digid-kop">inwoner met DigiD</a> of als <a href="#eh-kop">bedrijf met eHerkenning</a>.</p>
${errors.length > 0 ? errorSummary(failed?.middel, errors) : ''}
${digidForm(input)}
${eherkenningForm(input)}
</main>`;
  return page(`${errors.length > 0 ? 'Fout: ' : ''}Inloggen - DigiD-simulator`, body);
}

/** A page with a heading and a few sentences, e.g. when a login attempt has expired. */
export function renderMessagePage(title: string, paragraphs: readonly string[]): string {
  return page(
    `${title} - DigiD-simulator`,
    `
<p class="simulator">Dit is een simulator voor ontwikkelaars en testers.</p>
<main>
<h1>${escapeHtml(title)}</h1>
${paragraphs.map((text) => `<p>${escapeHtml(text)}</p>`).join('\n')}
</main>`,
  );
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>${body}
</body>
</html>
`;
}

function digidForm(input: LoginPageInput): string {
  const failed = input.failed?.middel === 'DIGID' ? input.failed : undefined;
  const chosen = failed?.values.persoon;
  const persons = input.personen
    .map((persoon) =>
      radio({
        name: 'persoon',
        id: `digid-persoon-${persoon.bsn}`,
        value: persoon.bsn,
        checked: chosen === persoon.bsn,
        label: persoon.naam,
        extra: [`BSN ${persoon.bsn}`, persoon.kenmerk],
      }),
    )
    .join('\n');
  return `<section aria-labelledby="digid-kop">
<h2 id="digid-kop">Inloggen met DigiD</h2>
<form method="post" action="${escapeHtml(input.action)}" novalidate>
<input type="hidden" name="middel" value="digid">
<fieldset>
<legend>Kies een testpersoon</legend>
${persons}
${radio({ name: 'persoon', id: 'digid-persoon-anders', value: 'anders', checked: chosen === 'anders', label: 'Een ander BSN' })}
${textField({ name: 'bsn', id: 'digid-bsn', label: 'BSN', hint: 'Een BSN heeft 9 cijfers en voldoet aan de elfproef.', value: failed?.values.bsn, error: errorFor(failed, 'bsn'), width: 9 })}
</fieldset>
${niveauFieldset('DIGID', failed)}
<button type="submit">Inloggen met DigiD</button>
</form>
</section>`;
}

function eherkenningForm(input: LoginPageInput): string {
  const failed = input.failed?.middel === 'EHERKENNING' ? input.failed : undefined;
  const chosen = failed?.values.bedrijf;
  const options = input.bedrijven.flatMap((bedrijf) => [
    { value: bedrijf.kvk, label: bedrijf.naam, extra: [`KvK ${bedrijf.kvk}`, bedrijf.kenmerk] },
    ...bedrijf.vestigingen.map((vestiging) => ({
      value: `${bedrijf.kvk}/${vestiging}`,
      label: `${bedrijf.naam}, alleen vestiging ${vestiging}`,
      extra: [`KvK ${bedrijf.kvk}`],
    })),
  ]);
  const radios = options
    .map((option) =>
      radio({
        name: 'bedrijf',
        id: `eh-bedrijf-${option.value.replace('/', '-')}`,
        value: option.value,
        checked: chosen === option.value,
        label: option.label,
        extra: option.extra,
      }),
    )
    .join('\n');
  return `<section aria-labelledby="eh-kop">
<h2 id="eh-kop">Inloggen met eHerkenning</h2>
<form method="post" action="${escapeHtml(input.action)}" novalidate>
<input type="hidden" name="middel" value="eherkenning">
<fieldset>
<legend>Kies een bedrijf</legend>
${radios}
${radio({ name: 'bedrijf', id: 'eh-bedrijf-anders', value: 'anders', checked: chosen === 'anders', label: 'Een ander bedrijf' })}
${textField({ name: 'kvk', id: 'eh-kvk', label: 'KvK-nummer', hint: 'Een KvK-nummer heeft 8 cijfers.', value: failed?.values.kvk, error: errorFor(failed, 'kvk'), width: 8 })}
${textField({ name: 'vestiging', id: 'eh-vestiging', label: 'Vestigingsnummer (niet verplicht)', hint: 'Een vestigingsnummer heeft 12 cijfers.', value: failed?.values.vestiging, error: errorFor(failed, 'vestiging'), width: 12 })}
</fieldset>
${niveauFieldset('EHERKENNING', failed)}
<button type="submit">Inloggen met eHerkenning</button>
</form>
</section>`;
}

function niveauFieldset(middel: LoginMiddel, failed: FailedLogin | undefined): string {
  const prefix = formPrefix(middel);
  const chosen = failed?.values.niveau || DEFAULT_FORM_NIVEAU;
  const error = errorFor(failed, 'niveau');
  const radios = FORM_NIVEAUS.map((niveau) => {
    const [label, uitleg] = NIVEAU_LABELS[middel][niveau];
    return radio({
      name: 'niveau',
      id: `${prefix}-niveau-${niveau}`,
      value: niveau,
      checked: chosen === niveau,
      label,
      extra: [uitleg],
    });
  }).join('\n');
  return `<fieldset>
<legend>Betrouwbaarheidsniveau</legend>
${error ? `<p class="fout" id="${prefix}-niveau-fout">${escapeHtml(error)}</p>` : ''}
${radios}
</fieldset>`;
}

function radio(option: {
  name: string;
  id: string;
  value: string;
  checked: boolean;
  label: string;
  extra?: readonly string[];
}): string {
  const extra = (option.extra ?? []).map((text) => `<span class="extra">${escapeHtml(text)}</span>`).join('');
  return `<div class="keuze"><input type="radio" name="${option.name}" id="${option.id}" value="${escapeHtml(option.value)}"${option.checked ? ' checked' : ''}><label for="${option.id}">${escapeHtml(option.label)}${extra}</label></div>`;
}

function textField(field: {
  name: string;
  id: string;
  label: string;
  hint: string;
  value: string | undefined;
  error: string | undefined;
  width: number;
}): string {
  const describedBy = [`${field.id}-hint`, ...(field.error ? [`${field.id}-fout`] : [])].join(' ');
  return `<div class="veld">
<label for="${field.id}">${escapeHtml(field.label)}</label>
<p class="hint" id="${field.id}-hint">${escapeHtml(field.hint)}</p>
${field.error ? `<p class="fout" id="${field.id}-fout">${escapeHtml(field.error)}</p>` : ''}
<input type="text" name="${field.name}" id="${field.id}" inputmode="numeric" autocomplete="off" spellcheck="false" size="${field.width + 4}" value="${escapeHtml(field.value ?? '')}" aria-describedby="${describedBy}"${field.error ? ' aria-invalid="true"' : ''}>
</div>`;
}

function errorSummary(middel: LoginMiddel | undefined, errors: readonly FieldError[]): string {
  const items = errors
    .map((error) => `<li><a href="#${fieldId(middel, error.field)}">${escapeHtml(error.message)}</a></li>`)
    .join('\n');
  // Focused on load (no script needed), so keyboard and screen-reader users start at the errors.
  return `<div class="foutsamenvatting" role="alert" aria-labelledby="fout-kop" tabindex="-1" autofocus>
<h2 id="fout-kop">Controleer wat u hebt ingevuld</h2>
<ul>
${items}
</ul>
</div>`;
}

function fieldId(middel: LoginMiddel | undefined, field: FieldError['field']): string {
  if (!middel || field === 'middel') return 'digid-kop';
  const prefix = formPrefix(middel);
  return field === 'niveau' ? `${prefix}-niveau-basis` : `${prefix}-${field}`;
}

function formPrefix(middel: LoginMiddel): string {
  return middel === 'DIGID' ? 'digid' : 'eh';
}

function errorFor(failed: FailedLogin | undefined, field: FieldError['field']): string | undefined {
  return failed?.errors.find((error) => error.field === field)?.message;
}

/** Escapes text for HTML content and double-quoted attribute values. */
export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
