import { Heading } from '@nl-design-system-candidate/heading-react/css';
import { Link } from '@nl-design-system-candidate/link-react/css';
import { Paragraph } from '@nl-design-system-candidate/paragraph-react/css';
import { Fragment, type ReactNode } from 'react';
import { Eigenaar } from '../components/Eigenaar.js';
import { Layout } from '../components/Layout.js';
import { BronMelding, InlogKnop, SectieFout } from '../components/Meldingen.js';
import {
  PortaalGegevensDocument,
  type BrpDatum,
  type InOnderzoek,
  type Partner,
  type Persoonsgegevens,
  type Verwant,
  type WijzigInstructie,
} from '../operations/gegevens.js';
import { sectieFout, usePagina } from '../pagina.js';
import { PaginaToestand } from './Toestanden.js';

/**
 * Everything the BRP says about the resident, part by part: what is in onderzoek, geheimhouding,
 * and how to have each part changed (the BRP cannot be changed here). One operation.
 */
export function MijnGegevens() {
  const pagina = usePagina(PortaalGegevensDocument, {});
  if (pagina.soort !== 'klaar') return <PaginaToestand pagina={pagina} titel="Mijn gegevens" />;
  const sectie = pagina.me.persoonsgegevens;
  return (
    <Layout titel="Mijn gegevens" ingelogd>
      <Heading level={1}>Mijn gegevens</Heading>
      <Paragraph>
        Hier ziet u uw gegevens uit de Basisregistratie Personen (BRP). De gemeente houdt deze gegevens bij.
      </Paragraph>
      {!sectie ? (
        <SectieFout
          melding={
            sectieFout(pagina.fouten, 'persoonsgegevens') ??
            'Uw gegevens kunnen we nu niet ophalen. Probeer het later opnieuw.'
          }
        />
      ) : sectie.bron.status === 'NIET_VAN_TOEPASSING' ? (
        <GeenInwoner melding={sectie.bron.melding} />
      ) : (
        <Gegevens sectie={sectie} />
      )}
    </Layout>
  );
}

/** Logged in with eHerkenning: the BRP holds persons, not companies. */
function GeenInwoner({ melding }: { readonly melding: string | null }) {
  return (
    <>
      <div className="melding">
        <p>{melding ?? 'U bent ingelogd met eHerkenning. Uw gegevens uit de BRP ziet u als u inlogt met DigiD.'}</p>
      </div>
      <Paragraph>Wilt u uw eigen gegevens zien? Log dan in met DigiD.</Paragraph>
      <InlogKnop label="Inloggen met DigiD" />
    </>
  );
}

function Gegevens({ sectie }: { readonly sectie: Persoonsgegevens }) {
  const { naam, geboorte, verblijfplaats, adressering, gemeenteVanInschrijving, burgerlijkeStaat } = sectie;
  const wijzigen = sectie.wijzigen;
  return (
    <>
      <Paragraph>
        U kunt uw gegevens hier niet zelf veranderen. Bij elk onderdeel staat hoe u iets laat aanpassen.
      </Paragraph>
      <BronMelding bron={sectie.bron} />
      {inOnderzoek(sectie) && (
        <div className="melding onderzoek">
          <p>
            <strong>Een deel van uw gegevens is in onderzoek.</strong>
          </p>
          <p>
            Dat betekent: de gemeente kijkt of deze gegevens kloppen. Tot het onderzoek klaar is, kloppen ze misschien
            niet. Bij elk van deze gegevens staat &quot;In onderzoek&quot;.
          </p>
          <p>U hoeft hiervoor nu niets te doen. Hebt u een vraag? Neem dan contact op met de gemeente.</p>
        </div>
      )}
      <Eigenaar portaal={sectie.portaal} />
      <div className="secties">
        {naam && (
          <Onderdeel id="naam" kop="Naam" onderzoek={[naam.inOnderzoek]} wijzigen={wijzigen?.naam}>
            <dl className="gegevens">
              <Veld label="Volledige naam" onderzoek={naam.inOnderzoek} veld="volledigeNaam">
                {naam.volledigeNaam}
              </Veld>
              <Veld label="Voornamen" onderzoek={naam.inOnderzoek} veld="voornamen">
                {naam.voornamen}
              </Veld>
              <Veld label="Voorvoegsel" onderzoek={naam.inOnderzoek} veld="voorvoegsel">
                {naam.voorvoegsel}
              </Veld>
              <Veld label="Achternaam" onderzoek={naam.inOnderzoek} veld="geslachtsnaam">
                {naam.geslachtsnaam}
              </Veld>
              <Veld label="Adellijke titel" onderzoek={naam.inOnderzoek} veld="adellijkeTitel">
                {naam.adellijkeTitel?.omschrijving}
              </Veld>
            </dl>
          </Onderdeel>
        )}

        {geboorte && (
          <Onderdeel id="geboorte" kop="Geboorte" onderzoek={[geboorte.inOnderzoek]} wijzigen={wijzigen?.geboorte}>
            <dl className="gegevens">
              <Veld label="Geboortedatum" onderzoek={geboorte.inOnderzoek} veld="datum">
                {datumTekst(geboorte.datum)}
              </Veld>
              <Veld label="Geboorteplaats" onderzoek={geboorte.inOnderzoek} veld="plaats">
                {geboorte.plaats}
              </Veld>
              <Veld label="Geboorteland" onderzoek={geboorte.inOnderzoek} veld="land">
                {geboorte.land}
              </Veld>
              <Veld label="Leeftijd" onderzoek={geboorte.inOnderzoek} veld="leeftijd">
                {geboorte.leeftijd !== null && `${geboorte.leeftijd} jaar`}
              </Veld>
            </dl>
          </Onderdeel>
        )}

        {(verblijfplaats || gemeenteVanInschrijving || adressering) && (
          <Onderdeel
            id="adres"
            kop="Adres"
            onderzoek={[
              verblijfplaats?.inOnderzoek ?? null,
              gemeenteVanInschrijving?.inOnderzoek ?? null,
              adressering?.inOnderzoek ?? null,
            ]}
            wijzigen={wijzigen?.verblijfplaats}
          >
            {verblijfplaats?.verblijftNietOpAdres && (
              <div className="melding">
                <p>
                  De gemeente heeft vastgesteld dat u niet meer op dit adres woont. Woont u hier wel? Neem dan contact
                  op met de gemeente.
                </p>
              </div>
            )}
            <dl className="gegevens">
              {verblijfplaats && (
                <>
                  <Veld label="Adres" onderzoek={verblijfplaats.inOnderzoek} veld={ADRES_VELDEN}>
                    {verblijfplaats.soort === 'ONBEKEND' ? (
                      'De gemeente weet niet waar u woont.'
                    ) : (
                      <Regels regels={adresRegels(verblijfplaats)} />
                    )}
                  </Veld>
                  <Veld label="U woont hier sinds" onderzoek={verblijfplaats.inOnderzoek} veld="sinds">
                    {bekendeDatum(verblijfplaats.sinds)}
                  </Veld>
                </>
              )}
              {gemeenteVanInschrijving && (
                <>
                  <Veld label="Ingeschreven in gemeente" onderzoek={gemeenteVanInschrijving.inOnderzoek} veld="naam">
                    {gemeenteVanInschrijving.naam}
                  </Veld>
                  <Veld
                    label="Ingeschreven sinds"
                    onderzoek={gemeenteVanInschrijving.inOnderzoek}
                    veld="ingeschrevenSinds"
                  >
                    {bekendeDatum(gemeenteVanInschrijving.ingeschrevenSinds)}
                  </Veld>
                </>
              )}
              {adressering && (
                <Veld label="Aanhef in brieven" onderzoek={adressering.inOnderzoek} veld="aanhef">
                  {adressering.aanhef}
                </Veld>
              )}
            </dl>
          </Onderdeel>
        )}

        {sectie.nationaliteiten && (
          <Onderdeel
            id="nationaliteit"
            kop="Nationaliteit"
            onderzoek={sectie.nationaliteiten.map((nationaliteit) => nationaliteit.inOnderzoek)}
            wijzigen={wijzigen?.nationaliteiten}
          >
            {sectie.nationaliteiten.length === 0 ? (
              <Paragraph>Er staat geen nationaliteit van u in de BRP.</Paragraph>
            ) : (
              <dl className="gegevens">
                {sectie.nationaliteiten.map((nationaliteit, index) => (
                  <Fragment key={`${nationaliteit.omschrijving ?? ''}-${index}`}>
                    <Veld label="Nationaliteit" onderzoek={nationaliteit.inOnderzoek} veld="omschrijving">
                      {nationaliteit.omschrijving ?? 'Niet bekend'}
                    </Veld>
                    <Veld label="Sinds" onderzoek={nationaliteit.inOnderzoek} veld="sinds">
                      {bekendeDatum(nationaliteit.sinds)}
                    </Veld>
                  </Fragment>
                ))}
              </dl>
            )}
          </Onderdeel>
        )}

        {(burgerlijkeStaat || sectie.partners) && (
          <Onderdeel
            id="burgerlijke-staat"
            kop="Burgerlijke staat en partner"
            onderzoek={[burgerlijkeStaat?.inOnderzoek ?? null]}
            wijzigen={wijzigen?.burgerlijkeStaat}
          >
            {burgerlijkeStaat && (
              <dl className="gegevens">
                <Veld
                  label="Burgerlijke staat"
                  onderzoek={burgerlijkeStaat.inOnderzoek}
                  veld={['soort', 'omschrijving']}
                >
                  {burgerlijkeStaat.omschrijving}
                </Veld>
                <Veld label="Sinds" onderzoek={burgerlijkeStaat.inOnderzoek} veld="sinds">
                  {bekendeDatum(burgerlijkeStaat.sinds)}
                </Veld>
              </dl>
            )}
            {sectie.partners && sectie.partners.length > 0 && (
              <ul className="items">
                {sectie.partners.map((partner, index) => (
                  <PartnerItem key={`${partner.naam?.volledigeNaam ?? ''}-${index}`} partner={partner} />
                ))}
              </ul>
            )}
          </Onderdeel>
        )}

        {sectie.kinderen && (
          <Onderdeel id="kinderen" kop="Kinderen" onderzoek={[]} wijzigen={wijzigen?.kinderen}>
            {sectie.kinderen.length === 0 ? (
              <Paragraph>Er staan geen kinderen van u in de BRP.</Paragraph>
            ) : (
              <ul className="items">
                {sectie.kinderen.map((kind, index) => (
                  <VerwantItem key={`${kind.naam?.volledigeNaam ?? ''}-${index}`} verwant={kind} />
                ))}
              </ul>
            )}
          </Onderdeel>
        )}

        {sectie.ouders && (
          <Onderdeel id="ouders" kop="Ouders" onderzoek={[]} wijzigen={wijzigen?.ouders}>
            {sectie.ouders.length === 0 ? (
              <Paragraph>Er staan geen ouders van u in de BRP.</Paragraph>
            ) : (
              <ul className="items">
                {sectie.ouders.map((ouder, index) => (
                  <VerwantItem key={`${ouder.naam?.volledigeNaam ?? ''}-${index}`} verwant={ouder} />
                ))}
              </ul>
            )}
          </Onderdeel>
        )}

        {sectie.overlijden && (
          <Onderdeel id="overlijden" kop="Overlijden" onderzoek={[sectie.overlijden.inOnderzoek]}>
            <dl className="gegevens">
              <Veld label="Datum" onderzoek={sectie.overlijden.inOnderzoek} veld="datum">
                {datumTekst(sectie.overlijden.datum)}
              </Veld>
              <Veld label="Plaats" onderzoek={sectie.overlijden.inOnderzoek} veld="plaats">
                {sectie.overlijden.plaats}
              </Veld>
              <Veld label="Land" onderzoek={sectie.overlijden.inOnderzoek} veld="land">
                {sectie.overlijden.land}
              </Veld>
            </dl>
          </Onderdeel>
        )}

        {sectie.geheimhouding && (
          <Onderdeel id="geheimhouding" kop="Geheimhouding van uw gegevens" onderzoek={[]}>
            <dl className="gegevens">
              <dt>Geheimhouding</dt>
              <dd>{sectie.geheimhouding.ingesteld ? 'Ja, u hebt om geheimhouding gevraagd' : 'Nee'}</dd>
            </dl>
            <Paragraph>{sectie.geheimhouding.uitleg}</Paragraph>
          </Onderdeel>
        )}
      </div>
    </>
  );
}

/** One part of the BRP data: its heading, what is in onderzoek, its fields, how to change it. */
function Onderdeel({
  id,
  kop,
  onderzoek,
  wijzigen,
  children,
}: {
  readonly id: string;
  readonly kop: string;
  readonly onderzoek: readonly (InOnderzoek | null)[];
  readonly wijzigen?: WijzigInstructie | undefined;
  readonly children: ReactNode;
}) {
  return (
    <section className="sectie" aria-labelledby={`kop-${id}`}>
      <Heading level={2} id={`kop-${id}`}>
        {kop}
      </Heading>
      {onderzoek.map((deel, index) => deel && <OnderzoekMelding key={`${deel.melding}-${index}`} onderzoek={deel} />)}
      {children}
      {wijzigen && <Wijzigen instructie={wijzigen} />}
    </section>
  );
}

/**
 * The gemeente is checking (part of) this part: the API's sentence, what it means here, and since
 * when. The fields concerned carry the words "In onderzoek" themselves; what to do is said once,
 * at the top of the page.
 */
function OnderzoekMelding({ onderzoek }: { readonly onderzoek: InOnderzoek }) {
  const sinds = bekendeDatum(onderzoek.sinds);
  return (
    <div className="melding onderzoek">
      <p>
        <strong>{onderzoek.melding}</strong>
      </p>
      <p>
        {onderzoek.velden.length === 1
          ? 'Tot het onderzoek klaar is, klopt dit gegeven misschien niet.'
          : 'Tot het onderzoek klaar is, kloppen deze gegevens misschien niet.'}
        {sinds && ` Het onderzoek loopt sinds ${sinds}.`}
      </p>
    </div>
  );
}

/** Whether any part, or any partner, child or parent, is in onderzoek. */
function inOnderzoek(sectie: Persoonsgegevens): boolean {
  const delen = [
    sectie.naam,
    sectie.geboorte,
    sectie.verblijfplaats,
    sectie.adressering,
    sectie.gemeenteVanInschrijving,
    sectie.burgerlijkeStaat,
    sectie.overlijden,
    ...(sectie.nationaliteiten ?? []),
    ...(sectie.partners ?? []),
    ...(sectie.kinderen ?? []),
    ...(sectie.ouders ?? []),
  ];
  return delen.some((deel) => !!deel?.inOnderzoek);
}

/** One field: its value, and "In onderzoek" next to it when the gemeente is checking it. */
function Veld({
  label,
  onderzoek,
  veld,
  children,
}: {
  readonly label: string;
  readonly onderzoek: InOnderzoek | null;
  /** The field name(s) as `InOnderzoek.velden` names them. */
  readonly veld: string | readonly string[];
  readonly children: ReactNode;
}) {
  if (children === null || children === undefined || children === false || children === '') return null;
  const onderzocht = [veld].flat().some((naam) => onderzoek?.velden.includes(naam));
  return (
    <>
      <dt>{label}</dt>
      <dd>
        {children}
        {onderzocht && (
          <>
            {' '}
            <span className="onderzoek-label">In onderzoek</span>
          </>
        )}
      </dd>
    </>
  );
}

function PartnerItem({ partner }: { readonly partner: Partner }) {
  const soort = partner.soortVerbintenis;
  const [begin, einde] =
    soort === 'HUWELIJK'
      ? ['Getrouwd op', 'Huwelijk beëindigd op']
      : soort === 'GEREGISTREERD_PARTNERSCHAP'
        ? ['Partnerschap geregistreerd op', 'Partnerschap beëindigd op']
        : ['Begonnen op', 'Beëindigd op'];
  return (
    <li className="item">
      <Heading level={3}>{partner.naam?.volledigeNaam ?? 'Naam niet bekend'}</Heading>
      {partner.inOnderzoek && <OnderzoekMelding onderzoek={partner.inOnderzoek} />}
      <NaamOnderzocht verwant={partner} />
      <dl className="gegevens">
        <Veld label="Geboortedatum" onderzoek={partner.inOnderzoek} veld="geboortedatum">
          {datumTekst(partner.geboortedatum)}
        </Veld>
        <Veld label="Huwelijk of partnerschap" onderzoek={partner.inOnderzoek} veld="soortVerbintenis">
          {soort === 'HUWELIJK'
            ? 'Huwelijk'
            : soort === 'GEREGISTREERD_PARTNERSCHAP'
              ? 'Geregistreerd partnerschap'
              : null}
        </Veld>
        <Veld label={begin} onderzoek={partner.inOnderzoek} veld="aangegaanOp">
          {bekendeDatum(partner.aangegaanOp)}
        </Veld>
        <Veld label={einde} onderzoek={partner.inOnderzoek} veld="ontbondenOp">
          {partner.ontbondenOp && datumTekst(partner.ontbondenOp)}
        </Veld>
      </dl>
    </li>
  );
}

function VerwantItem({ verwant }: { readonly verwant: Verwant }) {
  return (
    <li className="item">
      <Heading level={3}>{verwant.naam?.volledigeNaam ?? 'Naam niet bekend'}</Heading>
      {verwant.inOnderzoek && <OnderzoekMelding onderzoek={verwant.inOnderzoek} />}
      <NaamOnderzocht verwant={verwant} />
      <dl className="gegevens">
        <Veld label="Geboortedatum" onderzoek={verwant.inOnderzoek} veld="geboortedatum">
          {datumTekst(verwant.geboortedatum)}
        </Veld>
      </dl>
    </li>
  );
}

/** The name is the item's heading; when it is in onderzoek, say so right under it. */
function NaamOnderzocht({ verwant }: { readonly verwant: Verwant }) {
  if (!verwant.inOnderzoek?.velden.includes('naam')) return null;
  return (
    <p>
      Naam: <span className="onderzoek-label">In onderzoek</span>
    </p>
  );
}

/** How to have this part changed, in the API's words, with the gemeente's page when there is one. */
function Wijzigen({ instructie }: { readonly instructie: WijzigInstructie }) {
  return (
    <div className="wijzigen">
      <p className="wijzigen__kop">Zo laat u dit aanpassen</p>
      <p>{instructie.uitleg}</p>
      {instructie.url && (
        <p>
          <Link href={instructie.url}>
            {instructie.manier === 'VERHUIZING_DOORGEVEN'
              ? 'Geef uw verhuizing door aan de gemeente'
              : 'Vraag de gemeente om iets te verbeteren'}
          </Link>
        </p>
      )}
    </div>
  );
}

function Regels({ regels }: { readonly regels: readonly string[] }) {
  return regels.map((regel, index) => (
    <span key={`${index}-${regel}`} className="regel">
      {regel}
    </span>
  ));
}

/** The address fields of `Verblijfplaats`, as `InOnderzoek.velden` names them. */
const ADRES_VELDEN = [
  'soort',
  'straat',
  'huisnummer',
  'huisletter',
  'huisnummertoevoeging',
  'aanduidingBijHuisnummer',
  'postcode',
  'woonplaats',
  'locatiebeschrijving',
  'regels',
  'land',
];

/** The address as a resident writes it: "Boterdiep 31", "3077 AW Rotterdam". */
function adresRegels(verblijfplaats: NonNullable<Persoonsgegevens['verblijfplaats']>): string[] {
  const v = verblijfplaats;
  const regels =
    v.soort === 'BUITENLAND'
      ? [...(v.regels ?? []), v.land]
      : v.soort === 'LOCATIE'
        ? [v.locatiebeschrijving, v.woonplaats]
        : [
            [
              v.straat,
              v.aanduidingBijHuisnummer,
              v.huisnummer !== null ? `${v.huisnummer}${v.huisletter ?? ''}` : null,
              v.huisnummertoevoeging,
            ]
              .filter((deel) => deel !== null && deel !== '')
              .join(' '),
            [v.postcode?.replace(/^(\d{4})\s*([A-Za-z]{2})$/, '$1 $2'), v.woonplaats]
              .filter((deel) => deel !== null && deel !== undefined && deel !== '')
              .join(' '),
          ];
  return regels.filter((regel): regel is string => regel !== null && regel !== '');
}

/** A BRP date in words; "Niet bekend" when the BRP does not know it. */
function datumTekst(datum: BrpDatum | null): string | undefined {
  if (!datum) return undefined;
  return datum.soort === 'ONBEKEND' ? 'Niet bekend' : datum.langFormaat;
}

/** A BRP date in words, or nothing when the BRP does not know it (then the line is left out). */
function bekendeDatum(datum: BrpDatum | null): string | undefined {
  return datum && datum.soort !== 'ONBEKEND' ? datum.langFormaat : undefined;
}
