import { Heading } from '@nl-design-system-candidate/heading-react/css';
import { Link } from '@nl-design-system-candidate/link-react/css';
import { NumberBadge } from '@nl-design-system-candidate/number-badge-react/css';
import { Paragraph } from '@nl-design-system-candidate/paragraph-react/css';
import { Eigenaar } from '../components/Eigenaar.js';
import { Layout } from '../components/Layout.js';
import { BronMelding, SectieFout } from '../components/Meldingen.js';
import { PortaalBerichtenDocument, type Bericht, type PortaalBerichtenQuery } from '../operations/berichten.js';
import { sectieFout, usePagina } from '../pagina.js';
import { datum } from '../tekst.js';
import { PaginaToestand } from './Toestanden.js';
import { zaakAdres } from './Zaak.js';

type Sectie = NonNullable<PortaalBerichtenQuery['me']>['berichten'];

/** The Berichtenbox of MijnOverheid, newest first; each bericht is read in MijnOverheid. One operation. */
export function Berichten() {
  const pagina = usePagina(PortaalBerichtenDocument, {});
  if (pagina.soort !== 'klaar') return <PaginaToestand pagina={pagina} titel="Berichten" />;
  return (
    <Layout titel="Berichten" ingelogd>
      <Heading level={1}>Berichten</Heading>
      <Paragraph>
        Overheden sturen u berichten in de Berichtenbox van MijnOverheid. Hier ziet u welke berichten u hebt. U leest ze
        in MijnOverheid.
      </Paragraph>
      <Berichtenbox sectie={pagina.me.berichten} fout={sectieFout(pagina.fouten, 'berichten')} />
    </Layout>
  );
}

function Berichtenbox({ sectie, fout }: { readonly sectie: Sectie; readonly fout: string | undefined }) {
  return (
    <section className="sectie" aria-labelledby="kop-berichtenbox">
      <Heading level={2} id="kop-berichtenbox">
        Uw Berichtenbox{' '}
        {sectie && sectie.ongelezen > 0 && <NumberBadge value={sectie.ongelezen}>{sectie.ongelezen}</NumberBadge>}
      </Heading>
      {!sectie ? (
        <SectieFout melding={fout ?? 'Uw berichten kunnen we nu niet ophalen. Probeer het later opnieuw.'} />
      ) : (
        <>
          <BronMelding bron={sectie.bron} />
          <Paragraph>
            {sectie.items.length === 0
              ? 'U hebt geen berichten in uw Berichtenbox.'
              : sectie.ongelezen === 0
                ? 'U hebt alle berichten gelezen.'
                : sectie.ongelezen === 1
                  ? 'U hebt 1 bericht dat u nog niet hebt gelezen.'
                  : `U hebt ${sectie.ongelezen} berichten die u nog niet hebt gelezen.`}
          </Paragraph>
          {sectie.items.length > 0 && (
            <ul className="items">
              {sectie.items.map((bericht) => (
                <BerichtItem key={bericht.id} bericht={bericht} />
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

function BerichtItem({ bericht }: { readonly bericht: Bericht }) {
  return (
    <li className={bericht.gelezen ? 'item bericht' : 'item bericht bericht--ongelezen'}>
      <Heading level={3}>{bericht.onderwerp}</Heading>
      {/* In words, not only in colour or weight: the state of the bericht. */}
      <p>
        <span className={bericht.gelezen ? 'bericht__stand' : 'bericht__stand bericht__stand--ongelezen'}>
          {bericht.gelezen ? 'Gelezen' : 'Ongelezen'}
        </span>
      </p>
      <p>
        Van {bericht.afzender}. Ontvangen op {datum(bericht.ontvangen)}.
      </p>
      {bericht.aantalBijlagen > 0 && (
        <p>{bericht.aantalBijlagen === 1 ? 'Met 1 bijlage.' : `Met ${bericht.aantalBijlagen} bijlagen.`}</p>
      )}
      {bericht.map && <p>U hebt dit bericht in de map {bericht.map} gezet.</p>}
      {bericht.zaak ? (
        <p>
          Dit bericht hoort bij uw zaak <Link href={zaakAdres(bericht.zaak)}>{bericht.zaak.omschrijving}</Link>.
        </p>
      ) : (
        bericht.lopendeZaak && (
          <p>
            Dit bericht hoort bij uw zaak {bericht.lopendeZaak.omschrijving} bij {bericht.lopendeZaak.organisatie}.
          </p>
        )
      )}
      <Eigenaar portaal={{ ...bericht.portaal, url: null }} />
      {bericht.portaal.url && (
        <p>
          <Link href={bericht.portaal.url}>Lees dit bericht in MijnOverheid</Link>
        </p>
      )}
    </li>
  );
}
