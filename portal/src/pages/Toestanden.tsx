import { Heading } from '@nl-design-system-candidate/heading-react/css';
import { Paragraph } from '@nl-design-system-candidate/paragraph-react/css';
import { Link } from '@nl-design-system-candidate/link-react/css';
import { dezePagina, InlogKnop, Laden } from '../components/Meldingen.js';
import { Layout } from '../components/Layout.js';
import { GEMEENTE } from '../gemeente.js';
import type { Niveau } from '../operations/index.js';
import type { Authenticatie, Pagina } from '../pagina.js';
import { inlogNaam, NIVEAU } from '../tekst.js';

/** Not logged in (or no longer): what the portal is for, and one button. */
export function Inloggen({ verlopen }: { readonly verlopen: boolean }) {
  const melding = new URLSearchParams(window.location.search);
  return (
    <Layout titel={verlopen ? 'Opnieuw inloggen' : 'Inloggen'} ingelogd={false}>
      <Heading level={1}>{verlopen ? 'U bent uitgelogd' : 'Inloggen'}</Heading>
      {verlopen && (
        <div className="melding">
          <p>U was een tijd niet actief. Daarom bent u uitgelogd. Zo kan niemand anders uw gegevens zien.</p>
        </div>
      )}
      {melding.get('inloggen') === 'mislukt' && (
        <div className="melding melding--fout">
          <p>Inloggen is niet gelukt. Probeer het nog een keer.</p>
        </div>
      )}
      {melding.get('uitgelogd') === 'ja' && (
        <div className="melding">
          <p>U bent uitgelogd.</p>
        </div>
      )}
      <Paragraph>
        Op {GEMEENTE.portaal} ziet u uw zaken bij de gemeente, uw berichten en uw gegevens. Alles op één plek.
      </Paragraph>
      <Paragraph>
        U logt in met DigiD. Daarna ziet u meteen {dezePagina() ? 'de pagina die u wilde openen' : 'uw overzicht'}.
      </Paragraph>
      <InlogKnop label="Inloggen met DigiD" />
      <Heading level={2}>Voor ondernemers</Heading>
      <Paragraph>
        Hebt u een bedrijf of organisatie? Log dan in met eHerkenning. U ziet dan de zaken en berichten van uw bedrijf.
      </Paragraph>
      <InlogKnop label="Inloggen met eHerkenning" middel="EHERKENNING" />
    </Layout>
  );
}

/**
 * Logged in at a level below what the API asks: explain, and offer to log in again at that level,
 * with the same means. Where the page does not know the means, it offers DigiD and eHerkenning.
 */
export function HogerNiveau({
  vereist,
  huidig,
}: {
  readonly vereist: Niveau;
  readonly huidig: Authenticatie | undefined;
}) {
  return (
    <Layout titel="Inloggen met een hoger niveau" ingelogd>
      <Heading level={1}>Log opnieuw in met een hoger niveau</Heading>
      {huidig?.middel === 'EHERKENNING' ? (
        <>
          <Paragraph>
            U bent ingelogd met {inlogNaam('EHERKENNING', huidig.niveau, true)}. Dat is niet genoeg om de gegevens van
            uw bedrijf te zien.
          </Paragraph>
          <HogerMetEherkenning vereist={vereist} />
        </>
      ) : (
        <>
          <Paragraph>
            {huidig
              ? `U bent ingelogd met DigiD ${NIVEAU[huidig.niveau].naam}. Dat is niet genoeg om uw gegevens te zien.`
              : 'Uw manier van inloggen is niet genoeg om uw gegevens te zien.'}
          </Paragraph>
          <Paragraph>
            Log opnieuw in met DigiD {NIVEAU[vereist].naam}. Dat doet u {NIVEAU[vereist].hoe}. Zo weten we zeker dat u
            het bent.
          </Paragraph>
          <InlogKnop label={`Opnieuw inloggen met DigiD ${NIVEAU[vereist].naam}`} niveau={vereist} />
          {!huidig && (
            <>
              <Heading level={2}>Voor ondernemers</Heading>
              <HogerMetEherkenning vereist={vereist} />
            </>
          )}
        </>
      )}
    </Layout>
  );
}

function HogerMetEherkenning({ vereist }: { readonly vereist: Niveau }) {
  const naam = inlogNaam('EHERKENNING', vereist);
  return (
    <>
      <Paragraph>Log opnieuw in met {naam} of hoger. Zo weten we zeker dat u namens uw bedrijf inlogt.</Paragraph>
      <Paragraph>Hebt u dit niveau nog niet? Vraag het aan bij de leverancier van uw eHerkenning.</Paragraph>
      <InlogKnop label={`Opnieuw inloggen met ${naam}`} niveau={vereist} middel="EHERKENNING" />
    </>
  );
}

/**
 * Every state of a page but its answer: still loading (under the page's own title), logged out,
 * a level too low, nothing answered at all. Each page shows its answer itself.
 */
export function PaginaToestand<T extends { me: object | null }>({
  pagina,
  titel,
}: {
  readonly pagina: Exclude<Pagina<T>, { soort: 'klaar' }>;
  readonly titel: string;
}) {
  switch (pagina.soort) {
    case 'laden':
      return (
        <Layout titel={titel} ingelogd={false}>
          <Heading level={1}>{titel}</Heading>
          <Laden />
        </Layout>
      );
    case 'uitgelogd':
      return <Inloggen verlopen={pagina.verlopen} />;
    case 'niveau':
      return <HogerNiveau vereist={pagina.vereist} huidig={pagina.huidig} />;
    case 'fout':
      return <Fout melding={pagina.melding} />;
  }
}

/** The page's operation gave nothing at all (the gateway is down, for instance). */
export function Fout({ melding }: { readonly melding: string }) {
  return (
    <Layout titel="Er ging iets mis" ingelogd>
      <Heading level={1}>Er ging iets mis</Heading>
      <div className="melding melding--fout">
        <p>{melding}</p>
      </div>
    </Layout>
  );
}

export function NietGevonden() {
  return (
    <Layout titel="Pagina niet gevonden" ingelogd={false}>
      <Heading level={1}>Deze pagina bestaat niet</Heading>
      <Paragraph>Misschien is het adres niet goed. Kijk het adres na of ga naar het overzicht.</Paragraph>
      <Paragraph>
        <Link href="/">Naar het overzicht</Link>
      </Paragraph>
    </Layout>
  );
}
