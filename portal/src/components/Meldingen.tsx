import { Button } from '@nl-design-system-candidate/button-react/css';
import type { Bron, Niveau } from '../operations/index.js';

/** A section that could not answer: its own message, in its own block; the rest of the page stays. */
export function SectieFout({ melding }: { readonly melding: string }) {
  return (
    <div className="melding melding--fout">
      <p>{melding}</p>
    </div>
  );
}

/** A section that answered, but whose source was not complete: the API's own explanation. */
export function BronMelding({ bron }: { readonly bron: Bron }) {
  if (bron.status === 'OK' || !bron.melding) return null;
  return (
    <div className="melding">
      <p>{bron.melding}</p>
    </div>
  );
}

/** While the page's operation runs. */
export function Laden() {
  return (
    <p className="laden" role="status">
      Uw gegevens worden opgehaald.
    </p>
  );
}

/**
 * The page to come back to after logging in: this one, unless it is the Overzicht (where a login
 * ends anyway). The back-end checks it is one of the portal's own pages.
 */
export function dezePagina(): string | undefined {
  const { pathname, search } = window.location;
  return pathname === '/' ? undefined : `${pathname}${search}`;
}

/**
 * Starts a login at the back-end. A form, not a script: it works without JavaScript and the
 * token exchange stays on the server. DigiD unless `middel` says eHerkenning (for entrepreneurs).
 * After the login the resident is back on this page.
 */
export function InlogKnop({
  label,
  niveau,
  middel = 'DIGID',
}: {
  readonly label: string;
  readonly niveau?: Niveau;
  readonly middel?: 'DIGID' | 'EHERKENNING';
}) {
  const terug = dezePagina();
  return (
    <form method="get" action="/login">
      {middel === 'EHERKENNING' && <input type="hidden" name="middel" value="eherkenning" />}
      {niveau && <input type="hidden" name="niveau" value={niveau.toLowerCase()} />}
      {terug && <input type="hidden" name="terug" value={terug} />}
      {/* Most visitors are residents: DigiD stays the main button next to eHerkenning. */}
      <Button type="submit" purpose={middel === 'EHERKENNING' ? 'secondary' : 'primary'}>
        {label}
      </Button>
    </form>
  );
}
