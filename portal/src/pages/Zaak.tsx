import { Heading } from '@nl-design-system-candidate/heading-react/css';
import { Link } from '@nl-design-system-candidate/link-react/css';
import { Paragraph } from '@nl-design-system-candidate/paragraph-react/css';
import { Eigenaar } from '../components/Eigenaar.js';
import { Layout } from '../components/Layout.js';
import { BronMelding, SectieFout } from '../components/Meldingen.js';
import type { Bron } from '../operations/index.js';
import {
  PortaalZaakDocument,
  type ZaakDetail,
  type ZaakDocument,
  type ZaakInMijnOverheid,
  type ZaakStap,
  type ZaakStapStand,
} from '../operations/zaak.js';
import { sectieFout, usePagina } from '../pagina.js';
import { bestand, datum } from '../tekst.js';
import { PaginaToestand } from './Toestanden.js';

/** An RSIN has nine digits; a zaaknummer at most 40 characters (the API checks the rest). */
const RSIN = /^\d{9}$/;
const MAX_ZAAKNUMMER = 40;

/** The address of a zaak's own page: the zaak's organisation and zaaknummer name it exactly. */
export function zaakAdres(zaak: { readonly bronorganisatie: string; readonly identificatie: string }): string {
  const zoek = new URLSearchParams({ bronorganisatie: zaak.bronorganisatie, identificatie: zaak.identificatie });
  return `/zaak?${zoek.toString()}`;
}

/** The first rows of a zaak's list of facts, on the zaak page and in the list of zaken alike. */
export function ZaakKenmerken({
  zaak,
}: {
  readonly zaak: {
    readonly zaaktype: { readonly omschrijving: string } | null;
    readonly identificatie: string;
    readonly startdatum: string;
  };
}) {
  return (
    <>
      {zaak.zaaktype && (
        <>
          <dt>Soort zaak</dt>
          <dd>{zaak.zaaktype.omschrijving}</dd>
        </>
      )}
      <dt>Zaaknummer</dt>
      <dd className="nummer">{zaak.identificatie}</dd>
      <dt>Gestart op</dt>
      <dd>{datum(zaak.startdatum)}</dd>
    </>
  );
}

/**
 * One zaak: its details, steps, documents, result and where else it shows. One operation. An
 * older link also has `gestart`; it is not needed any more and is left alone.
 */
export function Zaak() {
  const zoek = new URLSearchParams(window.location.search);
  const bronorganisatie = zoek.get('bronorganisatie');
  const identificatie = zoek.get('identificatie');
  // An address that cannot name a zaak is not worth a question to the gateway.
  if (!bronorganisatie || !RSIN.test(bronorganisatie) || !identificatie || identificatie.length > MAX_ZAAKNUMMER) {
    return <ZaakNietGevonden ingelogd={false} bron={undefined} />;
  }
  return <ZaakPagina bronorganisatie={bronorganisatie} identificatie={identificatie} />;
}

function ZaakPagina({
  bronorganisatie,
  identificatie,
}: {
  readonly bronorganisatie: string;
  readonly identificatie: string;
}) {
  const pagina = usePagina(PortaalZaakDocument, { bronorganisatie, identificatie });
  if (pagina.soort !== 'klaar') return <PaginaToestand pagina={pagina} titel="Zaak" />;
  const zaken = pagina.me.zaken;
  // The API refuses a zaaknummer or RSIN that cannot exist: for the resident, that zaak is not there.
  const ongeldig = pagina.fouten.some(
    (fout) => fout.path?.[1] === 'zaken' && fout.extensions['code'] === 'BAD_USER_INPUT',
  );
  if (!zaken && ongeldig) return <ZaakNietGevonden ingelogd bron={undefined} />;
  if (!zaken) {
    return (
      <Layout titel="Zaak" ingelogd>
        <Heading level={1}>Zaak</Heading>
        <SectieFout
          melding={
            sectieFout(pagina.fouten, 'zaken') ?? 'Uw zaak kunnen we nu niet ophalen. Probeer het later opnieuw.'
          }
        />
        <TerugNaarZaken />
      </Layout>
    );
  }
  const zaak = zaken.items.find(
    (item) => item.bronorganisatie === bronorganisatie && item.identificatie === identificatie,
  );
  if (!zaak) return <ZaakNietGevonden ingelogd bron={zaken.bron} />;
  return <ZaakInhoud zaak={zaak} bron={zaken.bron} />;
}

function ZaakInhoud({ zaak, bron }: { readonly zaak: ZaakDetail; readonly bron: Bron }) {
  return (
    <Layout titel={`Zaak ${zaak.omschrijving}`} ingelogd>
      <Heading level={1}>{zaak.omschrijving}</Heading>
      <BronMelding bron={bron} />
      <dl className="gegevens">
        <ZaakKenmerken zaak={zaak} />
        {zaak.afgerond ? (
          <>
            <dt>Afgerond op</dt>
            <dd>{zaak.einddatum ? datum(zaak.einddatum) : 'Niet bekend'}</dd>
            {zaak.resultaat && (
              <>
                <dt>Uitkomst</dt>
                <dd>{zaak.resultaat.omschrijving}</dd>
              </>
            )}
          </>
        ) : (
          <>
            {zaak.einddatumGepland && (
              <>
                <dt>Wij verwachten klaar te zijn op</dt>
                <dd>{datum(zaak.einddatumGepland)}</dd>
              </>
            )}
            {zaak.uiterlijkeEinddatumAfdoening && zaak.uiterlijkeEinddatumAfdoening !== zaak.einddatumGepland && (
              <>
                <dt>Wij beslissen uiterlijk op</dt>
                <dd>{datum(zaak.uiterlijkeEinddatumAfdoening)}</dd>
              </>
            )}
          </>
        )}
        <dt>Stand van zaken</dt>
        <dd>
          {zaak.status
            ? `${zaak.status.statustekst}${zaak.status.datum ? ` Sinds ${datum(zaak.status.datum)}.` : ''}`
            : zaak.afgerond
              ? 'Afgerond'
              : 'Nog niet bekend'}
        </dd>
      </dl>
      {zaak.zaaktype?.uitleg && <Paragraph>{zaak.zaaktype.uitleg}</Paragraph>}
      <Eigenaar portaal={zaak.portaal} />
      <div className="secties zaak-secties">
        <Stappen voortgang={zaak.voortgang} />
        <Documenten documenten={zaak.documenten} />
        {zaak.inMijnOverheid && <OokInMijnOverheid inMijnOverheid={zaak.inMijnOverheid} />}
      </div>
      <TerugNaarZaken />
    </Layout>
  );
}

/** Each state in words, so no one has to go by colour or shape. */
const STAND: Readonly<Record<ZaakStapStand, string>> = {
  GEDAAN: 'Klaar',
  HUIDIG: 'Hier is uw zaak nu',
  KOMT_NOG: 'Komt nog',
};

function Stappen({ voortgang }: { readonly voortgang: readonly ZaakStap[] | null }) {
  return (
    <section className="sectie" aria-labelledby="kop-stappen">
      <Heading level={2} id="kop-stappen">
        Stappen van uw zaak
      </Heading>
      {!voortgang ? (
        <SectieFout melding="De stappen van uw zaak kunnen we nu niet laten zien. Probeer het later opnieuw." />
      ) : voortgang.length === 0 ? (
        <Paragraph>Voor deze zaak zijn geen stappen bekend.</Paragraph>
      ) : (
        <ol className="stappen">
          {[...voortgang]
            .sort((a, b) => a.volgnummer - b.volgnummer)
            .map((stap) => (
              <li
                key={stap.volgnummer}
                className={`stap stap--${stap.stand.toLowerCase().replace('_', '-')}`}
                {...(stap.stand === 'HUIDIG' ? { 'aria-current': 'step' as const } : {})}
              >
                <span className="stap__naam">{stap.omschrijving}</span>{' '}
                <span className="stap__stand">{STAND[stap.stand]}</span>
              </li>
            ))}
        </ol>
      )}
    </section>
  );
}

/**
 * The portal's own address for a document link of the gateway. The back-end fetches it there
 * with the resident's token (portal/bff/documents.ts); the browser never talks to the gateway.
 */
function documentAdres(link: string): string | undefined {
  let pad: string;
  try {
    pad = new URL(link).pathname;
  } catch {
    return undefined;
  }
  const token = /\/documenten\/([A-Za-z0-9_-][A-Za-z0-9._~-]*)$/.exec(pad)?.[1];
  return token ? `/documenten/${token}` : undefined;
}

function Documenten({ documenten }: { readonly documenten: readonly ZaakDocument[] | null }) {
  return (
    <section className="sectie" aria-labelledby="kop-documenten">
      <Heading level={2} id="kop-documenten">
        Documenten
      </Heading>
      {!documenten ? (
        <Paragraph>De documenten van deze zaak kunnen we hier niet laten zien.</Paragraph>
      ) : documenten.length === 0 ? (
        <Paragraph>Bij deze zaak zijn geen documenten die u kunt bekijken.</Paragraph>
      ) : (
        <>
          <Paragraph>U kunt deze documenten downloaden. Zo bewaart u ze op uw computer of telefoon.</Paragraph>
          <ul className="items documenten">
            {documenten.map((document, index) => {
              const adres = documentAdres(document.link);
              const soort = bestand(document.formaat, document.bestandsnaam, document.grootte);
              return (
                <li key={`${index}-${document.titel}`} className="item">
                  <p className="document__titel">
                    {adres ? (
                      <Link href={adres}>
                        {document.titel} ({soort})
                      </Link>
                    ) : (
                      `${document.titel} (${soort})`
                    )}
                  </p>
                  <p>Datum: {datum(document.datum)}</p>
                  {!adres && <p>Dit document kunt u nu niet downloaden. Probeer het later opnieuw.</p>}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}

function OokInMijnOverheid({ inMijnOverheid }: { readonly inMijnOverheid: ZaakInMijnOverheid }) {
  return (
    <section className="sectie" aria-labelledby="kop-mijnoverheid">
      <Heading level={2} id="kop-mijnoverheid">
        Ook in MijnOverheid
      </Heading>
      <Paragraph>
        Deze zaak staat ook in MijnOverheid, bij Lopende zaken. De gemeente zet de zaak daar zelf neer. U hoeft daar
        niets te doen.
      </Paragraph>
      <dl className="gegevens">
        <dt>Naam in MijnOverheid</dt>
        <dd>{inMijnOverheid.omschrijving}</dd>
        <dt>Organisatie</dt>
        <dd>{inMijnOverheid.organisatie}</dd>
        {inMijnOverheid.status && (
          <>
            <dt>Stand in MijnOverheid</dt>
            <dd>
              {inMijnOverheid.status.statustekst} Op {datum(inMijnOverheid.status.datum)}.
            </dd>
          </>
        )}
      </dl>
      <Paragraph>
        <Link href={inMijnOverheid.url}>Bekijk uw lopende zaken in MijnOverheid</Link>
      </Paragraph>
    </section>
  );
}

function TerugNaarZaken() {
  return (
    <Paragraph>
      <Link href="/zaken">Bekijk al uw zaken</Link>
    </Paragraph>
  );
}

/** No zaak with this number for this resident (or the address is incomplete). */
function ZaakNietGevonden({ ingelogd, bron }: { readonly ingelogd: boolean; readonly bron: Bron | undefined }) {
  return (
    <Layout titel="Zaak niet gevonden" ingelogd={ingelogd}>
      <Heading level={1}>Deze zaak kunnen we niet vinden</Heading>
      {bron && <BronMelding bron={bron} />}
      <Paragraph>Misschien is het adres niet goed. Of de zaak hoort niet bij u.</Paragraph>
      <Paragraph>Kies de zaak in de lijst met al uw zaken.</Paragraph>
      <TerugNaarZaken />
    </Layout>
  );
}
