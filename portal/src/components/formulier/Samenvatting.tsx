import type { HeadingLevel } from '@nl-design-system-candidate/heading-react';
import { Heading } from '@nl-design-system-candidate/heading-react/css';
import { useEffect, useId, useRef, type ReactNode } from 'react';
import type { Fouten } from './fouten.js';

export interface FoutSamenvattingProps {
  /** Null: nothing went wrong (the summary is not shown). A new object at every failed submit. */
  readonly fouten: Fouten | null;
  readonly kopNiveau: HeadingLevel;
  readonly titel?: string;
  /** More than the list, e.g. a button to log in again. */
  readonly children?: ReactNode;
}

/**
 * What went wrong with a submit, above the form. It takes focus at every failed submit, so a
 * screen reader reads it and the next Tab reaches its links; each link moves focus to its field.
 */
export function FoutSamenvatting({ fouten, kopNiveau, titel = 'Er ging iets mis', children }: FoutSamenvattingProps) {
  const ref = useRef<HTMLDivElement>(null);
  const kop = useId();
  useEffect(() => {
    if (fouten) ref.current?.focus();
  }, [fouten]);
  if (!fouten) return null;
  return (
    <div ref={ref} className="foutsamenvatting" role="group" aria-labelledby={kop} tabIndex={-1}>
      <Heading level={kopNiveau} appearance="level-4" id={kop}>
        {titel}
      </Heading>
      {fouten.velden.length > 0 && (
        <ul className="foutsamenvatting__lijst">
          {fouten.velden.map((fout) => (
            <li key={fout.veld}>
              <a
                href={`#${fout.veld}`}
                onClick={(event) => {
                  // The field itself gets focus (an anchor would only scroll to it).
                  const veld = document.getElementById(fout.veld);
                  if (!veld) return;
                  event.preventDefault();
                  veld.focus();
                }}
              >
                {fout.melding}
              </a>
            </li>
          ))}
        </ul>
      )}
      {fouten.algemeen && <p>{fouten.algemeen}</p>}
      {children}
    </div>
  );
}

/**
 * A polite live region, present before anything is said in it, so screen readers announce what
 * is put in it ("Wij hebben uw keuzes opgeslagen.") without moving focus.
 */
export function StatusMelding({ tekst }: { readonly tekst: string | null }) {
  return (
    <div role="status" className="statusmelding">
      {tekst && <p className="statusmelding__tekst">{tekst}</p>}
    </div>
  );
}
