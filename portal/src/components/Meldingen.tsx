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
 * Starts a login at the back-end. A form, not a script: it works without JavaScript and the
 * token exchange stays on the server. DigiD unless `middel` says eHerkenning (for entrepreneurs).
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
  return (
    <form method="get" action="/login">
      {middel === 'EHERKENNING' && <input type="hidden" name="middel" value="eherkenning" />}
      {niveau && <input type="hidden" name="niveau" value={niveau.toLowerCase()} />}
      {/* Most visitors are residents: DigiD stays the main button next to eHerkenning. */}
      <Button type="submit" purpose={middel === 'EHERKENNING' ? 'secondary' : 'primary'}>
        {label}
      </Button>
    </form>
  );
}
