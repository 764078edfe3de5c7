import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from 'react';

/*
 * Form fields. The NL Design System candidate set has no form components yet (and the portal
 * adds no packages), so these follow its pattern: a visible label, an optional hint, the error
 * right next to the field (aria-describedby, aria-invalid), native controls, sizes in rem.
 */

/** The ids aria-describedby names: the hint first, then the error. */
function beschrijving(id: string, hint: ReactNode, fout: string | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : undefined, fout ? `${id}-fout` : undefined].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function Hint({ id, children }: { readonly id: string; readonly children: ReactNode }) {
  return (
    <p id={`${id}-hint`} className="veld__hint">
      {children}
    </p>
  );
}

function Fout({ id, melding }: { readonly id: string; readonly melding: string }) {
  return (
    <p id={`${id}-fout`} className="veld__fout">
      {melding}
    </p>
  );
}

export interface TekstVeldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'> {
  readonly id: string;
  readonly label: string;
  readonly hint?: ReactNode;
  readonly fout?: string | undefined;
  readonly value: string;
  readonly onChange: (waarde: string) => void;
  /** A short field (a code), instead of the full form width. */
  readonly smal?: boolean;
}

/** A text field with its label, hint and error. */
export function TekstVeld({ id, label, hint, fout, value, onChange, smal, ...invoer }: TekstVeldProps) {
  return (
    <div className={fout ? 'veld veld--fout' : 'veld'}>
      <label className="veld__label" htmlFor={id}>
        {label}
      </label>
      {hint && <Hint id={id}>{hint}</Hint>}
      {fout && <Fout id={id} melding={fout} />}
      <input
        {...invoer}
        id={id}
        className={smal ? 'veld__invoer veld__invoer--smal' : 'veld__invoer'}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={beschrijving(id, hint, fout)}
        aria-invalid={fout ? true : undefined}
      />
    </div>
  );
}

export interface KeuzeLijstProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'value' | 'onChange'> {
  readonly id: string;
  readonly label: string;
  readonly hint?: ReactNode;
  readonly fout?: string | undefined;
  readonly value: string;
  readonly onChange: (waarde: string) => void;
  readonly opties: readonly { readonly waarde: string; readonly tekst: string }[];
  /** The first option, with the empty value: what to do ("Kies een soort zaak"). */
  readonly leeg: string;
}

/** A drop-down list with its label, hint and error. */
export function KeuzeLijst({ id, label, hint, fout, value, onChange, opties, leeg, ...rest }: KeuzeLijstProps) {
  return (
    <div className={fout ? 'veld veld--fout' : 'veld'}>
      <label className="veld__label" htmlFor={id}>
        {label}
      </label>
      {hint && <Hint id={id}>{hint}</Hint>}
      {fout && <Fout id={id} melding={fout} />}
      <select
        {...rest}
        id={id}
        className="veld__invoer"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={beschrijving(id, hint, fout)}
        aria-invalid={fout ? true : undefined}
      >
        <option value="">{leeg}</option>
        {opties.map((optie) => (
          <option key={optie.waarde} value={optie.waarde}>
            {optie.tekst}
          </option>
        ))}
      </select>
    </div>
  );
}

export interface KeuzeGroepProps {
  /** Names the group; its hint and error get `${id}-hint` and `${id}-fout`. */
  readonly id: string;
  readonly legenda: ReactNode;
  readonly hint?: ReactNode;
  readonly fout?: string | undefined;
  readonly children: ReactNode;
}

/** A group of check boxes or radio buttons, with one question (the legend). */
export function KeuzeGroep({ id, legenda, hint, fout, children }: KeuzeGroepProps) {
  return (
    <fieldset className={fout ? 'keuzegroep veld--fout' : 'keuzegroep'} aria-describedby={beschrijving(id, hint, fout)}>
      <legend className="keuzegroep__vraag">{legenda}</legend>
      {hint && <Hint id={id}>{hint}</Hint>}
      {fout && <Fout id={id} melding={fout} />}
      <div className="keuzegroep__keuzes">{children}</div>
    </fieldset>
  );
}

export interface KeuzeProps {
  readonly id: string;
  readonly type: 'checkbox' | 'radio';
  readonly label: ReactNode;
  readonly checked: boolean;
  readonly onChange: (aan: boolean) => void;
  /** For radio buttons: one name per group. */
  readonly name?: string;
  readonly value?: string;
  readonly invalid?: boolean;
}

/** One check box or radio button with its label; the whole label can be clicked. */
export function Keuze({ id, type, label, checked, onChange, name, value, invalid }: KeuzeProps) {
  return (
    <div className="keuze">
      <input
        id={id}
        type={type}
        className="keuze__invoer"
        name={name}
        value={value}
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        aria-invalid={invalid ? true : undefined}
      />
      <label className="keuze__label" htmlFor={id}>
        {label}
      </label>
    </div>
  );
}
