import { Button } from '@nl-design-system-candidate/button-react/css';
import { Heading } from '@nl-design-system-candidate/heading-react/css';
import { Paragraph } from '@nl-design-system-candidate/paragraph-react/css';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useClient, useMutation, type AnyVariables, type OperationResult } from 'urql';
import { uitkomstVan, veldFout, type Fouten, type Uitkomst, type VeldFout } from '../components/formulier/fouten.js';
import { FoutSamenvatting, StatusMelding } from '../components/formulier/Samenvatting.js';
import { Keuze, KeuzeGroep, KeuzeLijst, TekstVeld } from '../components/formulier/Velden.js';
import { Layout } from '../components/Layout.js';
import { BronMelding, InlogKnop, SectieFout } from '../components/Meldingen.js';
import type { Niveau } from '../operations/index.js';
import {
  KANALEN,
  ONDERWERPEN,
  PortaalMaakContactgegevenStandaardDocument,
  PortaalMeldingenDocument,
  PortaalStuurVerificatiecodeOpnieuwDocument,
  PortaalVerifieerContactgegevenDocument,
  PortaalVerwijderContactgegevenDocument,
  PortaalVoegContactgegevenToeDocument,
  PortaalWijzigVoorkeurenDocument,
  type ContactSoort,
  type Contactgegeven,
  type Kanaal,
  type Melding,
  type MeldingReden,
  type MeldingStatus,
  type Onderwerp,
  type PortaalMeldingenQuery,
  type Taal,
  type UitzonderingInput,
  type Voorkeuren,
} from '../operations/meldingen.js';
import { sectieFout, usePagina } from '../pagina.js';
import { datum, inlogNaam, NIVEAU, tijdstip } from '../tekst.js';
import { PaginaToestand } from './Toestanden.js';

type Me = NonNullable<PortaalMeldingenQuery['me']>;

const TITEL = 'Meldingen en contactgegevens';
const GEEN_VARIABELEN: Record<string, never> = {};

/**
 * How the resident hears about their zaken: the kanalen per kind of message, exceptions per
 * soort zaak, their e-mail addresses and mobile numbers (with the code that confirms each), and
 * the meldingen we sent or chose not to send. One query; each change is its own mutation, after
 * which the page asks its query again and shows what is stored.
 */
export function MeldingenEnContact() {
  const pagina = usePagina(PortaalMeldingenDocument, GEEN_VARIABELEN);
  if (pagina.soort !== 'klaar') return <PaginaToestand pagina={pagina} titel={TITEL} />;
  const { me } = pagina;
  return (
    <Layout titel={TITEL} ingelogd>
      <Heading level={1}>{TITEL}</Heading>
      <Paragraph>
        Verandert er iets in uw zaak? Dan sturen wij u een melding. Hier kiest u hoe u die krijgt. U ziet ook welke
        meldingen wij u stuurden.
      </Paragraph>
      <Inhoud
        me={me}
        voorkeurenFout={sectieFout(pagina.fouten, 'voorkeuren')}
        meldingenFout={sectieFout(pagina.fouten, 'meldingen')}
      />
    </Layout>
  );
}

/** What every form on the page shares. */
interface Omgeving {
  readonly authenticatie: Me['authenticatie'];
  /** Asks the page's query again (not from any cache), so the page shows what is stored now. */
  readonly vernieuw: () => Promise<void>;
  /** Moves focus to the element with this id as soon as it is on the page. */
  readonly focusOp: (id: string) => void;
}

function Inhoud({
  me,
  voorkeurenFout,
  meldingenFout,
}: {
  readonly me: Me;
  readonly voorkeurenFout: string | undefined;
  readonly meldingenFout: string | undefined;
}) {
  const client = useClient();
  const [focusDoel, setFocusDoel] = useState<string | null>(null);
  // Runs after every render: the element may appear only once the new answer is shown.
  useEffect(() => {
    if (!focusDoel) return;
    const element = document.getElementById(focusDoel);
    if (!element) return;
    element.focus();
    setFocusDoel(null);
  });
  const vernieuw = useCallback(async () => {
    // The same operation as the page's own: the page's useQuery receives this answer too.
    await client.query(PortaalMeldingenDocument, GEEN_VARIABELEN, { requestPolicy: 'network-only' }).toPromise();
  }, [client]);
  const omgeving: Omgeving = { authenticatie: me.authenticatie, vernieuw, focusOp: setFocusDoel };
  const voorkeuren = me.voorkeuren;
  const bruikbaar = voorkeuren && voorkeuren.bron.status !== 'NIET_BESCHIKBAAR' ? voorkeuren : null;
  const nietBeschikbaar = voorkeurenFout ?? 'Uw keuzes kunnen we nu niet ophalen. Probeer het later opnieuw.';
  return (
    <div className="secties">
      <section className="sectie" aria-labelledby="kop-kanalen">
        <Heading level={2} id="kop-kanalen">
          Hoe wilt u meldingen krijgen?
        </Heading>
        {bruikbaar ? (
          <KanalenFormulier voorkeuren={bruikbaar} omgeving={omgeving} />
        ) : voorkeuren ? (
          <BronMelding bron={voorkeuren.bron} />
        ) : (
          <SectieFout melding={nietBeschikbaar} />
        )}
      </section>
      <section className="sectie" aria-labelledby="kop-contact">
        <Heading level={2} id="kop-contact" tabIndex={-1}>
          Uw e-mailadressen en mobiele nummers
        </Heading>
        {bruikbaar ? (
          <Contactgegevens voorkeuren={bruikbaar} omgeving={omgeving} />
        ) : voorkeuren ? (
          <BronMelding bron={voorkeuren.bron} />
        ) : (
          <SectieFout melding={nietBeschikbaar} />
        )}
      </section>
      <section className="sectie" aria-labelledby="kop-uitzonderingen">
        <Heading level={2} id="kop-uitzonderingen">
          Anders voor één soort zaak
        </Heading>
        {bruikbaar ? (
          <Uitzonderingen voorkeuren={bruikbaar} meldingen={me.meldingen ?? []} omgeving={omgeving} />
        ) : voorkeuren ? (
          <BronMelding bron={voorkeuren.bron} />
        ) : (
          <SectieFout melding={nietBeschikbaar} />
        )}
      </section>
      <section className="sectie" aria-labelledby="kop-meldingen">
        <Heading level={2} id="kop-meldingen">
          Meldingen over uw zaken
        </Heading>
        {me.meldingen ? (
          <MeldingenLijst meldingen={me.meldingen} />
        ) : (
          <SectieFout melding={meldingenFout ?? 'Uw meldingen kunnen we nu niet ophalen. Probeer het later opnieuw.'} />
        )}
      </section>
    </div>
  );
}

// Words -------------------------------------------------------------------------------------

/** The legend of each kind of message: when it is sent. */
const ONDERWERP_VRAAG: Readonly<Record<Onderwerp, string>> = {
  ZAAK_ONTVANGEN: 'Uw zaak is gestart',
  ZAAK_STATUS: 'Uw zaak is een stap verder',
  ZAAK_AFGEROND: 'Uw zaak is afgerond',
};

const KANAAL_KEUZE: Readonly<Record<Kanaal, string>> = {
  EMAIL: 'Per e-mail',
  SMS: 'Per sms',
  MIJN_OVERHEID: 'In MijnOverheid',
};

/** Within a sentence: "een melding per e-mail". */
const KANAAL_IN_ZIN: Readonly<Record<Kanaal, string>> = {
  EMAIL: 'per e-mail',
  SMS: 'per sms',
  MIJN_OVERHEID: 'in MijnOverheid',
};

const KANAAL_NAAM: Readonly<Record<Kanaal, string>> = {
  EMAIL: 'E-mail',
  SMS: 'Sms',
  MIJN_OVERHEID: 'MijnOverheid',
};

const SOORT: Readonly<Record<ContactSoort, { naam: string; dit: string; bericht: string; voorbeeld: string }>> = {
  EMAIL: {
    naam: 'E-mailadres',
    dit: 'dit e-mailadres',
    bericht: 'de e-mail',
    voorbeeld: 'Bijvoorbeeld naam@voorbeeld.nl.',
  },
  TELEFOON: {
    naam: 'Mobiel nummer',
    dit: 'dit mobiele nummer',
    bericht: 'de sms',
    voorbeeld: 'Bijvoorbeeld 06 12345678. Een buitenlands nummer begint met + en de landcode.',
  },
};

const STATUS: Readonly<Record<MeldingStatus, string>> = {
  GEPLAND: 'Nog niet. Wij sturen de melding zo.',
  VERSTUURD: 'Ja',
  AFGELEVERD: 'Ja, en het is aangekomen',
  NIET_AFGELEVERD: 'Ja, maar het kwam niet aan. Kijk of uw adres of nummer klopt.',
  MISLUKT: 'Nee, het versturen is niet gelukt',
  NIET_VERSTUURD: 'Nee',
};

/** Why we sent nothing, and what the resident can do about it. */
function reden(melding: Melding): string {
  const codes: Readonly<Record<MeldingReden, string>> = {
    GEEN_BRUIKBAAR_CONTACT:
      melding.kanaal === 'SMS'
        ? 'Wij hebben geen bevestigd mobiel nummer van u. Voeg een nummer toe en bevestig het met de code.'
        : 'Wij hebben geen bevestigd e-mailadres van u. Voeg een e-mailadres toe en bevestig het met de code.',
    KANAAL_UIT: `U hebt niet gekozen voor meldingen ${KANAAL_IN_ZIN[melding.kanaal]}.`,
    MIJN_OVERHEID_MELDT: 'U kreeg hierover al een e-mail van MijnOverheid. Zo krijgt u het niet twee keer.',
    STATUS_NIET_INFORMEREN: 'Bij deze stap van uw zaak sturen wij geen melding.',
  };
  return melding.redenCode ? codes[melding.redenCode] : (melding.reden ?? '');
}

/** A zaaktype's code as a word: "WMO-VOORZIENING" → "Wmo-voorziening". */
function soortZaak(code: string): string {
  const woord = code.replaceAll('_', ' ').toLowerCase();
  return woord.charAt(0).toUpperCase() + woord.slice(1);
}

// Changes -----------------------------------------------------------------------------------

/**
 * Runs one mutation and asks the page's query again afterwards (also after a refusal: a wrong
 * code costs an attempt, and a session that ended shows the login page).
 */
async function voerUit<D, V extends AnyVariables>(
  omgeving: Omgeving,
  uitvoeren: (variabelen: V) => Promise<OperationResult<D, V>>,
  variabelen: V,
  veldVoor: (code: string) => string | undefined = () => undefined,
): Promise<Uitkomst<D>> {
  const result = await uitvoeren(variabelen);
  const uitkomst = uitkomstVan(result.data, result.error, veldVoor);
  await omgeving.vernieuw();
  return uitkomst;
}

/** The error summary of a form; for NIVEAU_TE_LAAG it explains and offers to log in again. */
function Samenvatting({
  fouten,
  omgeving,
  kopNiveau,
}: {
  readonly fouten: Fouten | null;
  readonly omgeving: Omgeving;
  readonly kopNiveau: 3 | 4;
}) {
  return (
    <FoutSamenvatting
      fouten={fouten}
      kopNiveau={kopNiveau}
      {...(fouten?.niveau ? { titel: 'Log opnieuw in om dit te wijzigen' } : {})}
    >
      {fouten?.niveau && <NiveauUitleg vereist={fouten.niveau} authenticatie={omgeving.authenticatie} />}
    </FoutSamenvatting>
  );
}

function NiveauUitleg({
  vereist,
  authenticatie,
}: {
  readonly vereist: Niveau;
  readonly authenticatie: Omgeving['authenticatie'];
}) {
  const digid = authenticatie.middel === 'DIGID';
  const nodig = inlogNaam(authenticatie.middel, vereist);
  return (
    <>
      <p>
        U bent ingelogd met {inlogNaam(authenticatie.middel, authenticatie.niveau, true)}. Om iets te wijzigen, logt u
        opnieuw in met {nodig}. {digid && `Dat doet u ${NIVEAU[vereist].hoe}. `}Zo weten we zeker dat u het bent.
      </p>
      <InlogKnop label={`Opnieuw inloggen met ${nodig}`} niveau={vereist} middel={authenticatie.middel} />
    </>
  );
}

// Kanalen per onderwerp ---------------------------------------------------------------------

type Keuzes = Readonly<Record<Kanaal, Readonly<Record<Onderwerp, boolean>>>>;

/** Per kanaal and onderwerp whether a message goes out: the onderwerp's exception, else the kanaal. */
function keuzesVan(voorkeuren: Voorkeuren): Keuzes {
  const perKanaal = (kanaal: Kanaal): Record<Onderwerp, boolean> => {
    const voorkeur = voorkeuren.kanalen.find((k) => k.kanaal === kanaal);
    const waarde = (onderwerp: Onderwerp) =>
      voorkeur?.uitzonderingen.find((u) => u.onderwerp === onderwerp)?.aan ?? voorkeur?.aan ?? false;
    return {
      ZAAK_ONTVANGEN: waarde('ZAAK_ONTVANGEN'),
      ZAAK_STATUS: waarde('ZAAK_STATUS'),
      ZAAK_AFGEROND: waarde('ZAAK_AFGEROND'),
    };
  };
  return { EMAIL: perKanaal('EMAIL'), SMS: perKanaal('SMS'), MIJN_OVERHEID: perKanaal('MIJN_OVERHEID') };
}

/**
 * The API keeps a kanaal on or off with exceptions per onderwerp: the kanaal takes what most
 * onderwerpen have, the others become exceptions. The exceptions per zaaktype stay as they are.
 */
function kanalenInvoer(keuzes: Keuzes, voorkeuren: Voorkeuren) {
  return KANALEN.map((kanaal) => {
    const perOnderwerp = keuzes[kanaal];
    const aan = ONDERWERPEN.filter((onderwerp) => perOnderwerp[onderwerp]).length * 2 > ONDERWERPEN.length;
    const perZaaktype = (voorkeuren.kanalen.find((k) => k.kanaal === kanaal)?.uitzonderingen ?? []).flatMap((u) =>
      u.zaaktype === null ? [] : [{ zaaktype: u.zaaktype, aan: u.aan }],
    );
    const uitzonderingen: UitzonderingInput[] = [
      ...ONDERWERPEN.filter((onderwerp) => perOnderwerp[onderwerp] !== aan).map((onderwerp) => ({
        onderwerp,
        aan: perOnderwerp[onderwerp],
      })),
      ...perZaaktype,
    ];
    return { kanaal, aan, uitzonderingen };
  });
}

function KanalenFormulier({ voorkeuren, omgeving }: { readonly voorkeuren: Voorkeuren; readonly omgeving: Omgeving }) {
  const [keuzes, setKeuzes] = useState(() => keuzesVan(voorkeuren));
  const [taal, setTaal] = useState<Taal>(voorkeuren.taal);
  const [fouten, setFouten] = useState<Fouten | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);
  const [, wijzig] = useMutation(PortaalWijzigVoorkeurenDocument);
  const meldingen = voorkeuren.kanalen.filter((k) => k.melding);

  const opslaan = async (event: FormEvent) => {
    event.preventDefault();
    if (bezig) return;
    setBezig(true);
    setStatus(null);
    const uitkomst = await voerUit(omgeving, wijzig, {
      input: { taal, kanalen: kanalenInvoer(keuzes, voorkeuren) },
    });
    setBezig(false);
    if (uitkomst.soort === 'fouten') setFouten(uitkomst.fouten);
    else if (uitkomst.soort === 'gelukt') {
      setFouten(null);
      setStatus('Wij hebben uw keuzes opgeslagen.');
    }
  };

  return (
    <>
      <Paragraph>
        Kies per soort melding hoe u die wilt krijgen. U kunt meer dan één manier kiezen. Kiest u niets? Dan krijgt u
        van ons geen melding.
      </Paragraph>
      {meldingen.length > 0 && (
        <div className="melding">
          {meldingen.map((k) => (
            <p key={k.kanaal}>
              <strong>{KANAAL_NAAM[k.kanaal]}:</strong> {k.melding}
            </p>
          ))}
        </div>
      )}
      <Samenvatting fouten={fouten} omgeving={omgeving} kopNiveau={3} />
      <form className="formulier" noValidate onSubmit={(event) => void opslaan(event)}>
        {ONDERWERPEN.map((onderwerp) => (
          <KeuzeGroep key={onderwerp} id={`kanalen-${onderwerp}`} legenda={ONDERWERP_VRAAG[onderwerp]}>
            {KANALEN.map((kanaal) => (
              <Keuze
                key={kanaal}
                id={`kanaal-${onderwerp}-${kanaal}`}
                type="checkbox"
                label={KANAAL_KEUZE[kanaal]}
                checked={keuzes[kanaal][onderwerp]}
                onChange={(aan) =>
                  setKeuzes((vorige) => ({ ...vorige, [kanaal]: { ...vorige[kanaal], [onderwerp]: aan } }))
                }
              />
            ))}
          </KeuzeGroep>
        ))}
        <KeuzeGroep id="taal" legenda="In welke taal wilt u e-mail en sms krijgen?">
          <Keuze
            id="taal-NL"
            type="radio"
            name="taal"
            value="NL"
            label="Nederlands"
            checked={taal === 'NL'}
            onChange={() => setTaal('NL')}
          />
          <Keuze
            id="taal-EN"
            type="radio"
            name="taal"
            value="EN"
            label={
              <>
                Engels (<span lang="en">English</span>)
              </>
            }
            checked={taal === 'EN'}
            onChange={() => setTaal('EN')}
          />
        </KeuzeGroep>
        <Button type="submit" purpose="primary" busy={bezig}>
          Keuzes opslaan
        </Button>
      </form>
      <StatusMelding tekst={status} />
    </>
  );
}

// Contactgegevens ---------------------------------------------------------------------------

function Contactgegevens({ voorkeuren, omgeving }: { readonly voorkeuren: Voorkeuren; readonly omgeving: Omgeving }) {
  const [status, setStatus] = useState<string | null>(null);
  return (
    <>
      <Paragraph>
        Wij sturen e-mail en sms alleen naar een adres of nummer dat u hebt bevestigd. Daarvoor krijgt u een code. Zo
        weten we zeker dat het adres of nummer van u is.
      </Paragraph>
      <StatusMelding tekst={status} />
      {voorkeuren.contactgegevens.length === 0 ? (
        <Paragraph>U hebt nog geen e-mailadres of mobiel nummer opgegeven.</Paragraph>
      ) : (
        <ul className="items">
          {voorkeuren.contactgegevens.map((contact) => (
            <ContactItem key={contact.id} contact={contact} omgeving={omgeving} setStatus={setStatus} />
          ))}
        </ul>
      )}
      <NieuwContact omgeving={omgeving} setStatus={setStatus} />
    </>
  );
}

const CODE_FOUTEN = new Set([
  'VERIFICATIECODE_ONJUIST',
  'VERIFICATIECODE_VERLOPEN',
  'VERIFICATIE_TE_VEEL_POGINGEN',
  'BAD_USER_INPUT',
]);

function ContactItem({
  contact,
  omgeving,
  setStatus,
}: {
  readonly contact: Contactgegeven;
  readonly omgeving: Omgeving;
  readonly setStatus: (tekst: string | null) => void;
}) {
  const [code, setCode] = useState('');
  const [fouten, setFouten] = useState<Fouten | null>(null);
  const [bezig, setBezig] = useState(false);
  const [, verifieer] = useMutation(PortaalVerifieerContactgegevenDocument);
  const [, opnieuw] = useMutation(PortaalStuurVerificatiecodeOpnieuwDocument);
  const [, standaard] = useMutation(PortaalMaakContactgegevenStandaardDocument);
  const [, verwijder] = useMutation(PortaalVerwijderContactgegevenDocument);
  const soort = SOORT[contact.soort];
  const kop = `contact-${contact.id}`;
  const codeVeld = `code-${contact.id}`;

  /** Runs one change of this address or number; on success says so and moves focus. */
  const wijzig = async <D,>(
    uitvoeren: () => Promise<Uitkomst<D>>,
    gelukt: { readonly tekst: string; readonly focus: string },
  ) => {
    if (bezig) return;
    setBezig(true);
    setStatus(null);
    const uitkomst = await uitvoeren();
    setBezig(false);
    if (uitkomst.soort === 'fouten') setFouten(uitkomst.fouten);
    else if (uitkomst.soort === 'gelukt') {
      setFouten(null);
      setStatus(gelukt.tekst);
      omgeving.focusOp(gelukt.focus);
    }
  };

  const bevestig = (event: FormEvent) => {
    event.preventDefault();
    const schoon = code.replace(/\s/g, '');
    const melding =
      schoon === '' ? 'Vul de code in.' : /^\d{6}$/.test(schoon) ? null : 'De code bestaat uit 6 cijfers.';
    if (melding) {
      setFouten({ velden: [{ veld: codeVeld, melding }] });
      return;
    }
    void wijzig(
      () =>
        voerUit(omgeving, verifieer, { input: { id: contact.id, code: schoon } }, (foutcode) =>
          CODE_FOUTEN.has(foutcode) ? codeVeld : undefined,
        ),
      { tekst: `Gelukt. ${contact.waarde} is bevestigd.`, focus: kop },
    );
  };

  return (
    <li className="item contactgegeven">
      <Heading level={3} id={kop} tabIndex={-1} className="contactgegeven__waarde">
        {contact.waarde}
      </Heading>
      <dl className="gegevens">
        <dt>Soort</dt>
        <dd>{soort.naam}</dd>
        <dt>Bevestigd</dt>
        <dd>
          {contact.geverifieerd
            ? `Ja${contact.geverifieerdOp ? `, op ${datum(contact.geverifieerdOp)}` : ''}`
            : 'Nog niet'}
        </dd>
        {contact.standaard && (
          <>
            <dt>Meldingen</dt>
            <dd>Wij sturen meldingen naar {soort.dit}.</dd>
          </>
        )}
      </dl>
      {contact.melding && (
        <div className={contact.onbestelbaar ? 'melding melding--fout' : 'melding'}>
          <p>{contact.melding}</p>
        </div>
      )}
      <Samenvatting fouten={fouten} omgeving={omgeving} kopNiveau={4} />
      {!contact.geverifieerd && (
        <form className="formulier" noValidate onSubmit={bevestig}>
          <TekstVeld
            id={codeVeld}
            label={`Code uit ${soort.bericht}`}
            hint={codeHint(contact)}
            fout={veldFout(fouten, codeVeld)}
            value={code}
            onChange={setCode}
            inputMode="numeric"
            autoComplete="one-time-code"
            spellCheck={false}
            smal
          />
          <div className="formulier__knoppen">
            <Button type="submit" purpose="primary" busy={bezig}>
              Bevestig {soort.dit}
            </Button>
            <Button
              purpose="secondary"
              aria-describedby={kop}
              onClick={() =>
                void wijzig(() => voerUit(omgeving, opnieuw, { id: contact.id }), {
                  tekst: `Wij hebben een nieuwe code gestuurd naar ${contact.waarde}. De vorige code werkt niet meer.`,
                  focus: codeVeld,
                })
              }
            >
              Stuur een nieuwe code
            </Button>
          </div>
        </form>
      )}
      <div className="formulier__knoppen">
        {contact.geverifieerd && !contact.standaard && !contact.onbestelbaar && (
          <Button
            purpose="secondary"
            aria-describedby={kop}
            onClick={() =>
              void wijzig(() => voerUit(omgeving, standaard, { id: contact.id }), {
                tekst: `Wij sturen meldingen nu naar ${contact.waarde}.`,
                focus: kop,
              })
            }
          >
            Gebruik {soort.dit} voor meldingen
          </Button>
        )}
        <Button
          purpose="secondary"
          aria-describedby={kop}
          onClick={() =>
            void wijzig(() => voerUit(omgeving, verwijder, { id: contact.id }), {
              tekst: `${contact.waarde} is verwijderd.`,
              focus: 'kop-contact',
            })
          }
        >
          Verwijder {soort.dit}
        </Button>
      </div>
    </li>
  );
}

function codeHint(contact: Contactgegeven): string {
  const { verificatie } = contact;
  if (!verificatie) return 'De code heeft 6 cijfers. Hebt u geen code? Vraag een nieuwe code aan.';
  if (verificatie.verlopen) return 'Deze code is niet meer geldig. Vraag een nieuwe code aan.';
  if (verificatie.pogingenOver === 0) return 'U kunt deze code niet meer gebruiken. Vraag een nieuwe code aan.';
  return (
    `De code heeft 6 cijfers. Hij werkt tot ${tijdstip(verificatie.verlooptOp)}. ` +
    `U kunt het nog ${verificatie.pogingenOver} keer proberen.`
  );
}

const NIEUW_FOUTEN = new Set(['BAD_USER_INPUT', 'CONTACTGEGEVEN_BESTAAT_AL']);

function NieuwContact({
  omgeving,
  setStatus,
}: {
  readonly omgeving: Omgeving;
  readonly setStatus: (tekst: string | null) => void;
}) {
  const [soort, setSoort] = useState<ContactSoort>('EMAIL');
  const [waarde, setWaarde] = useState('');
  const [fouten, setFouten] = useState<Fouten | null>(null);
  const [bezig, setBezig] = useState(false);
  const [, voegToe] = useMutation(PortaalVoegContactgegevenToeDocument);

  const toevoegen = async (event: FormEvent) => {
    event.preventDefault();
    if (bezig) return;
    if (waarde.trim() === '') {
      setFouten({
        velden: [
          {
            veld: 'nieuw-waarde',
            melding: soort === 'EMAIL' ? 'Vul een e-mailadres in.' : 'Vul een mobiel nummer in.',
          },
        ],
      });
      return;
    }
    setBezig(true);
    setStatus(null);
    const uitkomst = await voerUit(omgeving, voegToe, { input: { soort, waarde } }, (code) =>
      NIEUW_FOUTEN.has(code) ? 'nieuw-waarde' : undefined,
    );
    setBezig(false);
    if (uitkomst.soort === 'fouten') setFouten(uitkomst.fouten);
    else if (uitkomst.soort === 'gelukt') {
      setFouten(null);
      setWaarde('');
      const nieuw = uitkomst.data.voegContactgegevenToe.contactgegeven;
      if (nieuw) {
        setStatus(`Wij hebben een code gestuurd naar ${nieuw.waarde}. Vul die code in bij ${nieuw.waarde}.`);
        omgeving.focusOp(`code-${nieuw.id}`);
      }
    }
  };

  return (
    <div className="nieuw-contact">
      <Heading level={3}>E-mailadres of mobiel nummer toevoegen</Heading>
      <Samenvatting fouten={fouten} omgeving={omgeving} kopNiveau={4} />
      <form className="formulier" noValidate onSubmit={(event) => void toevoegen(event)}>
        <KeuzeGroep id="nieuw-soort" legenda="Wat wilt u toevoegen?">
          {(['EMAIL', 'TELEFOON'] as const).map((optie) => (
            <Keuze
              key={optie}
              id={`nieuw-soort-${optie}`}
              type="radio"
              name="nieuw-soort"
              value={optie}
              label={SOORT[optie].naam}
              checked={soort === optie}
              onChange={() => setSoort(optie)}
            />
          ))}
        </KeuzeGroep>
        <TekstVeld
          id="nieuw-waarde"
          label={SOORT[soort].naam}
          hint={`${SOORT[soort].voorbeeld} Wij sturen een code naar ${SOORT[soort].dit}.`}
          fout={veldFout(fouten, 'nieuw-waarde')}
          value={waarde}
          onChange={setWaarde}
          type={soort === 'EMAIL' ? 'email' : 'tel'}
          autoComplete={soort === 'EMAIL' ? 'email' : 'tel'}
          spellCheck={false}
        />
        <Button type="submit" purpose="primary" busy={bezig}>
          Stuur mij een code
        </Button>
      </form>
    </div>
  );
}

// Exceptions per zaaktype -------------------------------------------------------------------

interface ZaaktypeUitzondering {
  readonly kanaal: Kanaal;
  readonly zaaktype: string;
  readonly aan: boolean;
}

/** The kanaal's exceptions, with `zaaktype`'s replaced by `nieuw` (or only removed). */
function zonderZaaktype(voorkeuren: Voorkeuren, kanaal: Kanaal, zaaktype: string, nieuw?: UitzonderingInput) {
  const voorkeur = voorkeuren.kanalen.find((k) => k.kanaal === kanaal);
  const uitzonderingen = (voorkeur?.uitzonderingen ?? []).flatMap((u): UitzonderingInput[] => {
    if (u.onderwerp !== null) return [{ onderwerp: u.onderwerp, aan: u.aan }];
    if (u.zaaktype !== null && u.zaaktype !== zaaktype) return [{ zaaktype: u.zaaktype, aan: u.aan }];
    return [];
  });
  return { kanaal, aan: voorkeur?.aan ?? false, uitzonderingen: nieuw ? [...uitzonderingen, nieuw] : uitzonderingen };
}

function Uitzonderingen({
  voorkeuren,
  meldingen,
  omgeving,
}: {
  readonly voorkeuren: Voorkeuren;
  readonly meldingen: readonly Melding[];
  readonly omgeving: Omgeving;
}) {
  const [zaaktype, setZaaktype] = useState('');
  const [kanaal, setKanaal] = useState<Kanaal | null>(null);
  const [aan, setAan] = useState<boolean | null>(null);
  const [fouten, setFouten] = useState<Fouten | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);
  const [, wijzig] = useMutation(PortaalWijzigVoorkeurenDocument);

  const bestaand: ZaaktypeUitzondering[] = voorkeuren.kanalen.flatMap((k) =>
    k.uitzonderingen.flatMap((u) =>
      u.zaaktype === null ? [] : [{ kanaal: k.kanaal, zaaktype: u.zaaktype, aan: u.aan }],
    ),
  );
  // The soorten zaak the page knows by their code: those of the meldingen and of exceptions.
  const zaaktypen = [
    ...new Set([...meldingen.flatMap((m) => (m.zaaktype ? [m.zaaktype] : [])), ...bestaand.map((u) => u.zaaktype)]),
  ].sort();

  const opslaan = async (kanalen: ReturnType<typeof zonderZaaktype>[], gelukt: string, na?: () => void) => {
    if (bezig) return;
    setBezig(true);
    setStatus(null);
    const uitkomst = await voerUit(omgeving, wijzig, { input: { kanalen } });
    setBezig(false);
    if (uitkomst.soort === 'fouten') setFouten(uitkomst.fouten);
    else if (uitkomst.soort === 'gelukt') {
      setFouten(null);
      setStatus(gelukt);
      na?.();
    }
  };

  const toevoegen = (event: FormEvent) => {
    event.preventDefault();
    const velden: VeldFout[] = [];
    if (!zaaktype) velden.push({ veld: 'uitzondering-zaaktype', melding: 'Kies een soort zaak.' });
    if (!kanaal) velden.push({ veld: 'uitzondering-kanaal-EMAIL', melding: 'Kies hoe u de melding wilt krijgen.' });
    if (aan === null) velden.push({ veld: 'uitzondering-aan-ja', melding: 'Kies of u wel of geen melding wilt.' });
    if (velden.length > 0 || !kanaal || aan === null) {
      setFouten({ velden });
      return;
    }
    void opslaan(
      [zonderZaaktype(voorkeuren, kanaal, zaaktype, { zaaktype, aan })],
      `Wij hebben uw keuze voor ${soortZaak(zaaktype)} opgeslagen.`,
      () => {
        setZaaktype('');
        setKanaal(null);
        setAan(null);
      },
    );
  };

  return (
    <>
      <Paragraph>
        Wilt u voor één soort zaak iets anders? Bijvoorbeeld wel een e-mail over uw parkeervergunning? Dat kiest u hier.
      </Paragraph>
      <StatusMelding tekst={status} />
      <Samenvatting fouten={fouten} omgeving={omgeving} kopNiveau={3} />
      {bestaand.length > 0 && (
        <ul className="items">
          {bestaand.map((u, index) => {
            // By position: a zaaktype's code may hold spaces, which an id may not.
            const id = `uitzondering-${index}`;
            return (
              <li key={`${u.kanaal}/${u.zaaktype}`} className="item uitzondering">
                <p id={id}>
                  {soortZaak(u.zaaktype)}: {u.aan ? 'wel een' : 'geen'} melding {KANAAL_IN_ZIN[u.kanaal]}.
                </p>
                <Button
                  purpose="secondary"
                  aria-describedby={id}
                  onClick={() =>
                    void opslaan(
                      [zonderZaaktype(voorkeuren, u.kanaal, u.zaaktype)],
                      `Wij hebben de uitzondering voor ${soortZaak(u.zaaktype)} verwijderd.`,
                      () => omgeving.focusOp('kop-uitzonderingen-nieuw'),
                    )
                  }
                >
                  Verwijder deze uitzondering
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      <Heading level={3} id="kop-uitzonderingen-nieuw" tabIndex={-1}>
        Uitzondering maken
      </Heading>
      {zaaktypen.length === 0 ? (
        <Paragraph>
          Hebt u van ons een melding gekregen over een zaak? Dan kunt u hier voor die soort zaak iets anders kiezen.
        </Paragraph>
      ) : (
        <form className="formulier" noValidate onSubmit={toevoegen}>
          <KeuzeLijst
            id="uitzondering-zaaktype"
            label="Soort zaak"
            leeg="Kies een soort zaak"
            opties={zaaktypen.map((code) => ({ waarde: code, tekst: soortZaak(code) }))}
            fout={veldFout(fouten, 'uitzondering-zaaktype')}
            value={zaaktype}
            onChange={setZaaktype}
          />
          <KeuzeGroep
            id="uitzondering-kanaal"
            legenda="Hoe wilt u de melding krijgen?"
            fout={veldFout(fouten, 'uitzondering-kanaal-EMAIL')}
          >
            {KANALEN.map((optie) => (
              <Keuze
                key={optie}
                id={`uitzondering-kanaal-${optie}`}
                type="radio"
                name="uitzondering-kanaal"
                value={optie}
                label={KANAAL_KEUZE[optie]}
                checked={kanaal === optie}
                onChange={() => setKanaal(optie)}
                invalid={!!veldFout(fouten, 'uitzondering-kanaal-EMAIL')}
              />
            ))}
          </KeuzeGroep>
          <KeuzeGroep
            id="uitzondering-aan"
            legenda="Wilt u over deze soort zaak een melding krijgen?"
            fout={veldFout(fouten, 'uitzondering-aan-ja')}
          >
            <Keuze
              id="uitzondering-aan-ja"
              type="radio"
              name="uitzondering-aan"
              value="ja"
              label="Ja, stuur mij wel een melding"
              checked={aan === true}
              onChange={() => setAan(true)}
              invalid={!!veldFout(fouten, 'uitzondering-aan-ja')}
            />
            <Keuze
              id="uitzondering-aan-nee"
              type="radio"
              name="uitzondering-aan"
              value="nee"
              label="Nee, stuur mij geen melding"
              checked={aan === false}
              onChange={() => setAan(false)}
              invalid={!!veldFout(fouten, 'uitzondering-aan-ja')}
            />
          </KeuzeGroep>
          <Button type="submit" purpose="primary" busy={bezig}>
            Uitzondering opslaan
          </Button>
        </form>
      )}
    </>
  );
}

// Meldingen ---------------------------------------------------------------------------------

function MeldingenLijst({ meldingen }: { readonly meldingen: readonly Melding[] }) {
  if (meldingen.length === 0) {
    return <Paragraph>Wij hebben u nog geen meldingen over uw zaken gestuurd.</Paragraph>;
  }
  return (
    <>
      <Paragraph>
        Hier ziet u welke meldingen wij u stuurden over uw zaken. U ziet ook welke meldingen wij niet stuurden, en
        waarom. De nieuwste staan bovenaan.
      </Paragraph>
      <ul className="items">
        {meldingen.map((melding) => (
          <li key={melding.id} className="item">
            <Heading level={3}>{ONDERWERP_VRAAG[melding.onderwerp]}</Heading>
            <dl className="gegevens">
              <dt>Zaak</dt>
              <dd className="nummer">{melding.zaakIdentificatie}</dd>
              {melding.zaaktype && (
                <>
                  <dt>Soort zaak</dt>
                  <dd>{soortZaak(melding.zaaktype)}</dd>
                </>
              )}
              <dt>Hoe</dt>
              <dd>{KANAAL_KEUZE[melding.kanaal]}</dd>
              <dt>Wanneer</dt>
              <dd>{tijdstip(melding.verstuurdOp ?? melding.beslotenOp)}</dd>
              <dt>Verstuurd</dt>
              <dd>{STATUS[melding.status]}</dd>
              {melding.status === 'NIET_VERSTUURD' && (
                <>
                  <dt>Waarom niet</dt>
                  <dd>{reden(melding)}</dd>
                </>
              )}
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}
