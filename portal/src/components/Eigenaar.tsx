import { Link } from '@nl-design-system-candidate/link-react/css';
import type { Portaal } from '../operations/index.js';
import { EIGENAAR } from '../tekst.js';

/**
 * Which portal owns an item, in words, with the API's explanation and link: a resident never has
 * to guess where to go.
 */
export function Eigenaar({ portaal }: { readonly portaal: Portaal }) {
  const tekst = EIGENAAR[portaal.eigenaar];
  return (
    <div className={`eigenaar eigenaar--${portaal.eigenaar === 'GEMEENTE' ? 'gemeente' : 'mijnoverheid'}`}>
      <p className="eigenaar__kop">{tekst.kop}</p>
      {/* The explanation also says where else the item shows (`ookZichtbaarIn`), in words. */}
      <p>{portaal.uitleg}</p>
      {portaal.url && (
        <p>
          <Link href={portaal.url}>{tekst.link}</Link>
        </p>
      )}
    </div>
  );
}
