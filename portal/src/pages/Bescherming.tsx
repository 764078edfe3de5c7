import { Heading } from '@nl-design-system-candidate/heading-react/css';
import { Link } from '@nl-design-system-candidate/link-react/css';
import { Paragraph } from '@nl-design-system-candidate/paragraph-react/css';
import { Layout } from '../components/Layout.js';
import { BronMelding, SectieFout } from '../components/Meldingen.js';
import {
  PortaalBeschermingDocument,
  type MachtigingSoort,
  type PortaalBeschermingQuery,
  type VerwerkingBron,
} from '../operations/bescherming.js';
import { sectieFout, usePagina } from '../pagina.js';
import { NIVEAU, niveauNaam, tijdstip, VERWERKINGEN_BEWAARDAGEN } from '../tekst.js';
import { PaginaToestand } from './Toestanden.js';

type Me = NonNullable<PortaalBeschermingQuery['me']>;

const TITEL = 'Hoe beschermen wij uw gegevens';

/**
 * How the resident logged in, what the portal asks from which source and why, and who read their
 * data (the verwerkingenlog), 10 a page; `?na=` holds the place in that list. One operation.
 */
export function Bescherming() {
  const na = new URLSearchParams(window.location.search).get('na');
  const pagina = usePagina(PortaalBeschermingDocument, na ? { na } : {});
  if (pagina.soort !== 'klaar') return <PaginaToestand pagina={pagina} titel={TITEL} />;
  const { me } = pagina;
  return (
    <Layout titel={TITEL} ingelogd>
      <Heading level={1}>{TITEL}</Heading>
      <Paragraph>
        Hier leest u hoe u bent ingelogd en welke gegevens wij ophalen. En u ziet wanneer uw gegevens zijn bekeken.
      </Paragraph>
      <div className="secties">
        <HoeIngelogd authenticatie={me.authenticatie} />
        <Bronnen />
        <WieBekeek sectie={me.verwerkingen} fout={sectieFout(pagina.fouten, 'verwerkingen')} eerstePagina={!na} />
      </div>
    </Layout>
  );
}

const BRONNEN_VAN_MACHTIGING: Readonly<Record<string, string>> = {
  brp: 'persoonsgegevens',
  zaken: 'zaken bij de gemeente',
  berichten: 'berichten uit MijnOverheid',
  voorkeuren: 'voorkeuren',
};

function HoeIngelogd({ authenticatie }: { readonly authenticatie: Me['authenticatie'] }) {
  const { middel, niveau, namens } = authenticatie;
  const bronnen = namens?.bronnen.map((bron) => BRONNEN_VAN_MACHTIGING[bron] ?? bron) ?? [];
  return (
    <section className="sectie" aria-labelledby="kop-inloggen">
      <Heading level={2} id="kop-inloggen">
        Hoe u bent ingelogd
      </Heading>
      <dl className="gegevens">
        <dt>Ingelogd met</dt>
        <dd>{middel === 'DIGID' ? 'DigiD' : 'eHerkenning'}</dd>
        <dt>Niveau</dt>
        <dd>{niveauNaam(middel, niveau, true)}</dd>
      </dl>
      {middel === 'DIGID' ? (
        <Paragraph>
          Bij niveau {NIVEAU[niveau].naam} logt u in {NIVEAU[niveau].hoe}.
        </Paragraph>
      ) : (
        <Paragraph>eHerkenning is de manier van inloggen voor bedrijven en organisaties.</Paragraph>
      )}
      <Paragraph>
        Zo weten we zeker dat u het bent. Hoe hoger het niveau, hoe zekerder dat is. Voor uw gegevens vraagt de gemeente
        meestal minstens niveau Midden.
      </Paragraph>
      <Paragraph>
        Doet u een tijd niets? Dan logt het portaal u uit. Zo kan niemand anders op uw computer uw gegevens zien.
      </Paragraph>
      {namens && (
        <div className="melding">
          <p>
            {namens.soort === 'DIGID_MACHTIGEN'
              ? 'U bent ingelogd namens iemand anders, met DigiD Machtigen. U ziet de gegevens van die persoon.'
              : `U bent ingelogd namens een bedrijf, als organisatie met KvK-nummer ${namens.vertegenwoordiger.kvkNummer ?? 'onbekend'}. U ziet de gegevens van dat bedrijf.`}
          </p>
          <p>De machtiging is voor: {namens.dienst}.</p>
          {bronnen.length > 0 && <p>U mag deze gegevens zien: {bronnen.join(', ')}.</p>}
        </div>
      )}
    </section>
  );
}

/** What the portal asks from each source, and why: the same for everyone, so written here. */
function Bronnen() {
  return (
    <section className="sectie" aria-labelledby="kop-bronnen">
      <Heading level={2} id="kop-bronnen">
        Welke gegevens wij ophalen, en waarom
      </Heading>
      <Paragraph>
        Wij halen uw gegevens pas op als u een pagina opent. Wij gebruiken ze alleen om ze aan u te laten zien.
      </Paragraph>
      <ul className="items">
        <li className="item">
          <Heading level={3}>Basisregistratie Personen (BRP)</Heading>
          <p>
            Hierin staan uw naam, adres, geboortedatum en uw gezin. Wij halen ze op, zodat u kunt zien wat de gemeente
            over u weet. Dan kunt u ook zien of alles klopt. Dit doen wij alleen als u inlogt met DigiD.
          </p>
        </li>
        <li className="item">
          <Heading level={3}>Zaaksystemen van de gemeente</Heading>
          <p>
            Hierin staan uw aanvragen en meldingen bij de gemeente. Wij noemen dat zaken. Wij halen ze op, zodat u ziet
            hoe het met uw zaken gaat.
          </p>
        </li>
        <li className="item">
          <Heading level={3}>MijnOverheid</Heading>
          <p>
            Hierin staan uw berichten en uw zaken bij andere organisaties, zoals het UWV. Wij halen ze op, zodat u alles
            op één plek ziet. De berichten zelf leest u in MijnOverheid.
          </p>
        </li>
        <li className="item">
          <Heading level={3}>Uw voorkeuren</Heading>
          <p>
            Dit hebt u zelf ingesteld: hoe u berichten over uw zaken wilt krijgen, en uw e-mailadres of mobiele nummer.
            De gemeente bewaart dit, zodat wij u bereiken zoals u dat wilt.
          </p>
        </li>
      </ul>
    </section>
  );
}

const BRON_NAAM: Readonly<Record<VerwerkingBron, string>> = {
  BRP: 'Basisregistratie Personen (BRP)',
  ZAKEN: 'Zaaksystemen van de gemeente',
  MIJNOVERHEID: 'MijnOverheid',
};

const DOOR_WIE: Readonly<Record<MachtigingSoort, string>> = {
  DIGID_MACHTIGEN: 'Iemand die u hebt gemachtigd, met DigiD Machtigen',
  EHERKENNING_KETENMACHTIGING: 'Een organisatie met een machtiging, met eHerkenning',
};

function WieBekeek({
  sectie,
  fout,
  eerstePagina,
}: {
  readonly sectie: Me['verwerkingen'];
  readonly fout: string | undefined;
  readonly eerstePagina: boolean;
}) {
  return (
    <section className="sectie" aria-labelledby="kop-bekeken">
      <Heading level={2} id="kop-bekeken">
        Wie heeft uw gegevens bekeken
      </Heading>
      <Paragraph>
        Hier ziet u elke keer dat uw gegevens zijn opgehaald. U ziet wanneer, welke gegevens, waarom en door wie. Alleen
        u ziet dit overzicht.
      </Paragraph>
      <Paragraph>
        De gemeente bewaart dit overzicht {VERWERKINGEN_BEWAARDAGEN} dagen. Dat is ruim een jaar. Wat ouder is, haalt de
        gemeente weg.
      </Paragraph>
      {!sectie ? (
        <SectieFout melding={fout ?? 'Dit overzicht kunnen we nu niet ophalen. Probeer het later opnieuw.'} />
      ) : (
        <>
          <BronMelding bron={sectie.bron} />
          {sectie.items.length === 0 ? (
            <Paragraph>
              {eerstePagina ? 'Uw gegevens zijn nog niet opgehaald.' : 'Er zijn geen eerdere keren.'}
            </Paragraph>
          ) : (
            <>
              <Paragraph>
                Hebt u een vraag over een van deze keren? Neem dan contact op met de gemeente. Noem dan het nummer dat
                erbij staat.
              </Paragraph>
              <ul className="items">
                {sectie.items.map((verwerking) => (
                  <li key={`${verwerking.verzoekId}/${verwerking.bron}`} className="item">
                    <Heading level={3}>{tijdstip(verwerking.tijdstip)}</Heading>
                    <dl className="gegevens">
                      <dt>Welke gegevens</dt>
                      <dd>{verwerking.gegevens.join(', ')}</dd>
                      <dt>Waar vandaan</dt>
                      <dd>{BRON_NAAM[verwerking.bron]}</dd>
                      <dt>Waarom</dt>
                      <dd>{verwerking.doel}</dd>
                      <dt>Door wie</dt>
                      <dd>{verwerking.namens ? DOOR_WIE[verwerking.namens] : 'Uzelf'}</dd>
                      <dt>Nummer</dt>
                      <dd className="nummer">{verwerking.verzoekId}</dd>
                    </dl>
                  </li>
                ))}
              </ul>
            </>
          )}
          {sectie.volgende && (
            <Paragraph>
              <Link href={`/bescherming?na=${encodeURIComponent(sectie.volgende)}`}>
                Bekijk wie uw gegevens eerder bekeek
              </Link>
            </Paragraph>
          )}
          {!eerstePagina && (
            <Paragraph>
              <Link href="/bescherming">Terug naar de nieuwste keren</Link>
            </Paragraph>
          )}
        </>
      )}
    </section>
  );
}
