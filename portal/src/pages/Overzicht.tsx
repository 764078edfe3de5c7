import { Heading } from '@nl-design-system-candidate/heading-react/css';
import { Link } from '@nl-design-system-candidate/link-react/css';
import { NumberBadge } from '@nl-design-system-candidate/number-badge-react/css';
import { Paragraph } from '@nl-design-system-candidate/paragraph-react/css';
import { Eigenaar } from '../components/Eigenaar.js';
import { Layout } from '../components/Layout.js';
import { BronMelding, SectieFout } from '../components/Meldingen.js';
import { PortaalOverzichtDocument, type PortaalOverzichtQuery } from '../operations/index.js';
import { sectieFout, usePagina } from '../pagina.js';
import { datum, inlogNaam } from '../tekst.js';
import { PaginaToestand } from './Toestanden.js';
import { zaakAdres } from './Zaak.js';

type Me = NonNullable<PortaalOverzichtQuery['me']>;

/** The front page: persoonsgegevens in brief, lopende zaken, unread berichten. One operation. */
export function Overzicht() {
  const pagina = usePagina(PortaalOverzichtDocument, {});
  if (pagina.soort !== 'klaar') return <PaginaToestand pagina={pagina} titel="Overzicht" />;
  const { me } = pagina;
  return (
    <Layout titel="Overzicht" ingelogd>
      <Heading level={1}>Overzicht</Heading>
      <Paragraph>U bent ingelogd met {inlogNaam(me.authenticatie.middel, me.authenticatie.niveau, true)}.</Paragraph>
      <div className="secties">
        <Persoonsgegevens sectie={me.persoonsgegevens} fout={sectieFout(pagina.fouten, 'persoonsgegevens')} />
        <LopendeZaken sectie={me.zaken} fout={sectieFout(pagina.fouten, 'zaken')} />
        <OngelezenBerichten sectie={me.berichten} fout={sectieFout(pagina.fouten, 'berichten')} />
      </div>
    </Layout>
  );
}

const ONBEKEND = 'Deze gegevens kunnen we nu niet ophalen. Probeer het later opnieuw.';

function Persoonsgegevens({ sectie, fout }: { sectie: Me['persoonsgegevens']; fout: string | undefined }) {
  const regels = sectie
    ? [sectie.adressering?.adresregel1, sectie.adressering?.adresregel2, sectie.adressering?.adresregel3].filter(
        (regel): regel is string => !!regel,
      )
    : [];
  return (
    <section className="sectie" aria-labelledby="kop-gegevens">
      <Heading level={2} id="kop-gegevens">
        Uw gegevens
      </Heading>
      {!sectie ? (
        <SectieFout melding={fout ?? ONBEKEND} />
      ) : (
        <>
          <BronMelding bron={sectie.bron} />
          {sectie.naam?.volledigeNaam && (
            <dl className="gegevens">
              <dt>Naam</dt>
              <dd>{sectie.naam.volledigeNaam}</dd>
              {regels.length > 0 && (
                <>
                  <dt>Adres</dt>
                  <dd>
                    {regels.map((regel) => (
                      <span key={regel} className="regel">
                        {regel}
                      </span>
                    ))}
                  </dd>
                </>
              )}
            </dl>
          )}
          {/* With eHerkenning the BRP has nothing: no owner to send the entrepreneur to. */}
          {sectie.bron.status !== 'NIET_VAN_TOEPASSING' && <Eigenaar portaal={sectie.portaal} />}
        </>
      )}
    </section>
  );
}

function LopendeZaken({ sectie, fout }: { sectie: Me['zaken']; fout: string | undefined }) {
  return (
    <section className="sectie" aria-labelledby="kop-zaken">
      <Heading level={2} id="kop-zaken">
        Lopende zaken
      </Heading>
      {!sectie ? (
        <SectieFout melding={fout ?? ONBEKEND} />
      ) : (
        <>
          <BronMelding bron={sectie.bron} />
          {sectie.items.length === 0 ? (
            <Paragraph>U hebt geen lopende zaken.</Paragraph>
          ) : (
            <ul className="items">
              {sectie.items.map((zaak) => (
                <li key={`${zaak.bronorganisatie}/${zaak.identificatie}`} className="item">
                  {/* A zaak of the gemeente links to its own page; one that MijnOverheid owns keeps the link there. */}
                  <Heading level={3}>
                    {zaak.portaal.eigenaar === 'GEMEENTE' ? (
                      <Link href={zaakAdres(zaak)}>{zaak.omschrijving}</Link>
                    ) : (
                      zaak.omschrijving
                    )}
                  </Heading>
                  {zaak.status && <p>Stand van zaken: {zaak.status.statustekst}</p>}
                  <Eigenaar portaal={zaak.portaal} />
                </li>
              ))}
            </ul>
          )}
          <Paragraph>
            <Link href="/zaken">Bekijk al uw zaken</Link>
          </Paragraph>
        </>
      )}
    </section>
  );
}

function OngelezenBerichten({ sectie, fout }: { sectie: Me['berichten']; fout: string | undefined }) {
  const ongelezen = sectie?.items.filter((bericht) => !bericht.gelezen) ?? [];
  return (
    <section className="sectie" aria-labelledby="kop-berichten">
      <Heading level={2} id="kop-berichten">
        Ongelezen berichten{' '}
        {sectie && sectie.ongelezen > 0 && <NumberBadge value={sectie.ongelezen}>{sectie.ongelezen}</NumberBadge>}
      </Heading>
      {!sectie ? (
        <SectieFout melding={fout ?? ONBEKEND} />
      ) : (
        <>
          <BronMelding bron={sectie.bron} />
          {ongelezen.length === 0 ? (
            <Paragraph>U hebt geen ongelezen berichten.</Paragraph>
          ) : (
            <ul className="items">
              {ongelezen.map((bericht) => (
                <li key={bericht.id} className="item">
                  <Heading level={3}>{bericht.onderwerp}</Heading>
                  <p>
                    Van {bericht.afzender}, ontvangen op {datum(bericht.ontvangen)}.
                  </p>
                  <Eigenaar portaal={bericht.portaal} />
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
