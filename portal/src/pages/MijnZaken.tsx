import { Heading } from '@nl-design-system-candidate/heading-react/css';
import { Link } from '@nl-design-system-candidate/link-react/css';
import { Paragraph } from '@nl-design-system-candidate/paragraph-react/css';
import { Eigenaar } from '../components/Eigenaar.js';
import { Layout } from '../components/Layout.js';
import { BronMelding, SectieFout } from '../components/Meldingen.js';
import { PortaalZakenDocument } from '../operations/index.js';
import { sectieFout, usePagina } from '../pagina.js';
import { datum } from '../tekst.js';
import { PaginaToestand } from './Toestanden.js';
import { ZaakKenmerken, zaakAdres } from './Zaak.js';

/** All zaken, newest first, ten per page. One operation; `?na=` holds the place in the list. */
export function MijnZaken() {
  const na = new URLSearchParams(window.location.search).get('na');
  const pagina = usePagina(PortaalZakenDocument, na ? { na } : {});
  if (pagina.soort !== 'klaar') return <PaginaToestand pagina={pagina} titel="Mijn zaken" />;
  const zaken = pagina.me.zaken;
  return (
    <Layout titel="Mijn zaken" ingelogd>
      <Heading level={1}>Mijn zaken</Heading>
      {!zaken ? (
        <SectieFout
          melding={
            sectieFout(pagina.fouten, 'zaken') ?? 'Uw zaken kunnen we nu niet ophalen. Probeer het later opnieuw.'
          }
        />
      ) : (
        <>
          <BronMelding bron={zaken.bron} />
          <Paragraph>
            {zaken.totaal === 0
              ? 'U hebt geen zaken bij de gemeente.'
              : zaken.totaal === 1
                ? 'U hebt 1 zaak.'
                : `U hebt ${zaken.totaal} zaken. De nieuwste staan bovenaan.`}
          </Paragraph>
          <ul className="items">
            {zaken.items.map((zaak) => (
              <li key={`${zaak.bronorganisatie}/${zaak.identificatie}`} className="item">
                {/* The heading is the link to the zaak's own page: one link per zaak, named by the zaak. */}
                <Heading level={2} appearance="level-3">
                  <Link href={zaakAdres(zaak)}>{zaak.omschrijving}</Link>
                </Heading>
                <dl className="gegevens">
                  <ZaakKenmerken zaak={zaak} />
                  <dt>Stand van zaken</dt>
                  <dd>
                    {zaak.afgerond
                      ? `Afgerond${zaak.einddatum ? ` op ${datum(zaak.einddatum)}` : ''}`
                      : (zaak.status?.statustekst ?? 'Nog niet bekend')}
                  </dd>
                </dl>
                <Eigenaar portaal={zaak.portaal} />
              </li>
            ))}
          </ul>
          {zaken.volgende && (
            <Paragraph>
              <Link href={`/zaken?na=${encodeURIComponent(zaken.volgende)}`}>Volgende zaken</Link>
            </Paragraph>
          )}
        </>
      )}
    </Layout>
  );
}
