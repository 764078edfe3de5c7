import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, logInAtIdpWithEherkenning, SECTIE_WEG, section, tabTo, usePortalSuite } from './browser.js';

/** The value next to a label in a part's list of fields. */
const waarde = (block: Locator, label: string) =>
  block.locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd[1]');

describe.skipIf(!hasChromium)(
  'Mijn gegevens, Hoe beschermen wij uw gegevens, and eHerkenning, in a real browser',
  () => {
    const suite = usePortalSuite();
    const { open, checkPage, logIn } = suite;

    it(
      'shows Suzanne Moulin her BRP data part by part, each with how to have it changed, reached with the keyboard',
      { timeout: 120_000 },
      async () => {
        const { page, expectOnlyOwnHost } = await open();
        await logIn(page);
        await page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor();

        // From the menu, with the keyboard only.
        await tabTo(page, page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Mijn gegevens' }));
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { level: 1, name: 'Mijn gegevens' }).waitFor();
        await section(page, 'Naam').waitFor();

        expect(await waarde(section(page, 'Naam'), 'Volledige naam').textContent()).toBe('Suzanne Moulin');
        expect(await waarde(section(page, 'Geboorte'), 'Geboortedatum').textContent()).toBe('1 december 1985');
        const adres = section(page, 'Adres');
        expect(await waarde(adres, 'Adres').locator('.regel').allTextContents()).toEqual([
          'Boterdiep 31',
          '3077 AW Rotterdam',
        ]);
        expect(await waarde(adres, 'Ingeschreven in gemeente').textContent()).toBe('Rotterdam');
        expect(await waarde(adres, 'Aanhef in brieven').textContent()).toBe('Geachte mevrouw Moulin');
        expect(await waarde(section(page, 'Nationaliteit'), 'Nationaliteit').textContent()).toBe('Franse');
        const partner = section(page, 'Burgerlijke staat en partner');
        expect(await waarde(partner, 'Burgerlijke staat').textContent()).toBe('Getrouwd');
        expect(await partner.getByRole('heading', { level: 3 }).allTextContents()).toEqual(['Jean Marie Beaudelaire']);
        expect(await waarde(partner, 'Getrouwd op').textContent()).toBe('1 december 2008');
        expect(await section(page, 'Kinderen').textContent()).toContain('Er staan geen kinderen van u in de BRP.');
        expect(await section(page, 'Ouders').getByRole('heading', { level: 3 }).allTextContents()).toEqual([
          'Lisette Béamont',
          'Guîllaumé Moulin',
        ]);
        expect(await waarde(section(page, 'Geheimhouding van uw gegevens'), 'Geheimhouding').textContent()).toBe('Nee');

        // Every part that can be wrong says how to have it changed, in the API's words.
        for (const kop of [
          'Naam',
          'Geboorte',
          'Adres',
          'Nationaliteit',
          'Burgerlijke staat en partner',
          'Kinderen',
          'Ouders',
        ]) {
          expect(await section(page, kop).getByText('Zo laat u dit aanpassen').count()).toBe(1);
        }
        expect(await adres.textContent()).toContain('Geef uw nieuwe adres door aan de gemeente waar u gaat wonen.');
        // Whose data this is, in words, and nothing in onderzoek for her.
        expect(await page.locator('main').getByText('Dit regelt u bij de gemeente.').count()).toBe(1);
        expect(await page.getByText('In onderzoek', { exact: true }).count()).toBe(0);
        await checkPage(page, 'Mijn gegevens', 'mijn-gegevens');
        expectOnlyOwnHost();
      },
    );

    it(
      'marks each field the gemeente is checking with "In onderzoek", and says what that means',
      { timeout: 90_000 },
      async () => {
        const { page, expectOnlyOwnHost } = await open();
        await logIn(page, 'substantieel', 'Govert de Geus');
        await page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor();
        await page.goto(`${suite.portal.url}/gegevens`);
        const geboorte = section(page, 'Geboorte');
        await geboorte.waitFor();

        expect(await geboorte.textContent()).toContain('De gemeente onderzoekt of deze gegevens kloppen.');
        expect(await geboorte.textContent()).toContain(
          'Tot het onderzoek klaar is, kloppen deze gegevens misschien niet.',
        );
        expect(await geboorte.textContent()).toContain('Het onderzoek loopt sinds 25 augustus 2022.');
        // What it means and what to do, once for the page.
        expect(await page.locator('main').textContent()).toContain(
          'Dat betekent: de gemeente kijkt of deze gegevens kloppen. Tot het onderzoek klaar is, kloppen ze misschien niet.',
        );
        expect(await waarde(geboorte, 'Geboortedatum').textContent()).toBe('2 oktober 1984 In onderzoek');

        // Only the field under investigation carries the words: the date of the marriage, not the state itself.
        const staat = section(page, 'Burgerlijke staat en partner');
        expect(await waarde(staat, 'Burgerlijke staat').textContent()).toBe('Getrouwd');
        expect(await waarde(staat, 'Sinds').textContent()).toBe('3 december 2005 In onderzoek');
        expect(await staat.textContent()).toContain('Tot het onderzoek klaar is, klopt dit gegeven misschien niet.');

        // A child whose name and birth date are checked; one whose data are not.
        const kinderen = section(page, 'Kinderen').getByRole('listitem');
        const gloria = kinderen.filter({ has: page.getByRole('heading', { name: 'Gloria de Geus' }) });
        expect(await gloria.textContent()).toContain('Naam: In onderzoek');
        expect(await waarde(gloria, 'Geboortedatum').textContent()).toBe('12 oktober 2021 In onderzoek');
        const gerdien = kinderen.filter({ has: page.getByRole('heading', { name: 'Gerdien de Geus' }) });
        expect(await gerdien.textContent()).not.toContain('In onderzoek');

        // The gemeente found he no longer lives at his address: said plainly, with what to do.
        expect(await section(page, 'Adres').textContent()).toContain(
          'De gemeente heeft vastgesteld dat u niet meer op dit adres woont. Woont u hier wel? Neem dan contact op met de gemeente.',
        );
        await checkPage(page, 'Mijn gegevens', 'mijn-gegevens-in-onderzoek');
        expectOnlyOwnHost();
      },
    );

    it('explains geheimhouding, and shows an address abroad as it is written', { timeout: 90_000 }, async () => {
      const { page, expectOnlyOwnHost } = await open();
      await logIn(page, 'substantieel', 'Maxima in de Hand');
      await page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor();
      await page.goto(`${suite.portal.url}/gegevens`);
      const geheimhouding = section(page, 'Geheimhouding van uw gegevens');
      await geheimhouding.waitFor();

      expect(await waarde(geheimhouding, 'Geheimhouding').textContent()).toBe('Ja, u hebt om geheimhouding gevraagd');
      expect(await geheimhouding.textContent()).toContain(
        'De gemeente geeft uw gegevens daarom niet aan organisaties zoals kerken, goede doelen of verenigingen.',
      );
      const adres = section(page, 'Adres');
      expect(await waarde(adres, 'Adres').locator('.regel').allTextContents()).toEqual([
        'Rue du pomme 25',
        'Bruxelles',
        'postcode 1000',
        'België',
      ]);
      expect(await waarde(adres, 'Ingeschreven in gemeente').textContent()).toBe('Registratie Niet-Ingezetenen');
      await checkPage(page, 'Mijn gegevens', 'mijn-gegevens-geheimhouding');
      expectOnlyOwnHost();
    });

    it('shows the BRP being down as a plain message in its own block', { timeout: 90_000 }, async () => {
      const { page, expectOnlyOwnHost } = await open();
      await logIn(page);
      await page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor();

      suite.stack.subgraphProxies.brp?.setMode('reset');
      await page.goto(`${suite.portal.url}/gegevens`);
      await page.getByText(SECTIE_WEG).waitFor();
      expect(await page.getByText(SECTIE_WEG).count()).toBe(1);
      // The page itself stays: its heading, what it is about, and the menu.
      expect(await page.getByRole('heading', { level: 1, name: 'Mijn gegevens' }).isVisible()).toBe(true);
      expect(await page.locator('main').textContent()).toContain(
        'Hier ziet u uw gegevens uit de Basisregistratie Personen',
      );
      expect(await page.getByRole('navigation', { name: 'Menu' }).isVisible()).toBe(true);
      await checkPage(page, 'Mijn gegevens', 'mijn-gegevens-niet-beschikbaar');
      expectOnlyOwnHost();
    });

    it(
      'shows how the resident logged in and who read her data, newest first, page by page with the keyboard',
      { timeout: 120_000 },
      async () => {
        const { page, expectOnlyOwnHost } = await open();
        await logIn(page);
        const zaken = section(page, 'Lopende zaken');
        await zaken.getByRole('listitem').first().waitFor();
        // Each Overzicht reads the BRP, the zaaksystemen and MijnOverheid: more than one page of reads.
        for (let keer = 0; keer < 4; keer++) {
          await page.reload();
          await zaken.getByRole('listitem').first().waitFor();
        }
        await suite.stack.verwerkingen.flush();

        await page
          .getByRole('navigation', { name: 'Menu' })
          .getByRole('link', { name: 'Hoe beschermen wij uw gegevens' })
          .click();
        await page.getByRole('heading', { level: 1, name: 'Hoe beschermen wij uw gegevens' }).waitFor();
        const inloggen = section(page, 'Hoe u bent ingelogd');
        await inloggen.waitFor();
        expect(await waarde(inloggen, 'Ingelogd met').textContent()).toBe('DigiD');
        expect(await waarde(inloggen, 'Niveau').textContent()).toBe('Substantieel');
        expect(await inloggen.textContent()).toContain('Zo weten we zeker dat u het bent.');

        const bronnen = section(page, 'Welke gegevens wij ophalen, en waarom');
        expect(await bronnen.getByRole('heading', { level: 3 }).allTextContents()).toEqual([
          'Basisregistratie Personen (BRP)',
          'Zaaksystemen van de gemeente',
          'MijnOverheid',
          'Uw voorkeuren',
        ]);

        const bekeken = section(page, 'Wie heeft uw gegevens bekeken');
        expect(await bekeken.textContent()).toContain('De gemeente bewaart dit overzicht 400 dagen.');
        const rijen = bekeken.getByRole('listitem');
        expect(await rijen.count()).toBe(10);
        // Newest first, each with when, what, where from, why and by whom.
        const eerste = rijen.first();
        expect(await eerste.getByRole('heading', { level: 3 }).textContent()).toMatch(
          /^\d{1,2} \p{L}+ \d{4} om \d{2}:\d{2}$/u,
        );
        const bronnenGezien = new Set(await rijen.locator('dt:text-is("Waar vandaan") + dd').allTextContents());
        expect([...bronnenGezien].sort()).toEqual([
          'Basisregistratie Personen (BRP)',
          'MijnOverheid',
          'Zaaksystemen van de gemeente',
        ]);
        const brp = rijen.filter({ hasText: 'Basisregistratie Personen (BRP)' }).first();
        expect(await waarde(brp, 'Welke gegevens').textContent()).toContain('Naam');
        expect(await waarde(brp, 'Waarom').textContent()).toBe('Uw gegevens tonen in Mijn Omgeving');
        expect(await waarde(brp, 'Door wie').textContent()).toBe('Uzelf');
        const nieuwste = await rijen.allTextContents();
        await checkPage(page, 'Hoe beschermen wij uw gegevens', 'bescherming');

        // The next page, with the keyboard: older reads only, and a way back to the newest.
        await tabTo(page, bekeken.getByRole('link', { name: 'Bekijk wie uw gegevens eerder bekeek' }));
        await page.keyboard.press('Enter');
        await page.waitForURL((url) => url.pathname === '/bescherming' && url.searchParams.has('na'));
        const ouderRijen = section(page, 'Wie heeft uw gegevens bekeken').getByRole('listitem');
        await ouderRijen.first().waitFor();
        // One row per read of one source (its time, data, source and number): none of the first page again.
        const ouder = await ouderRijen.allTextContents();
        expect(ouder.length).toBeGreaterThan(0);
        expect(ouder.filter((rij) => nieuwste.includes(rij))).toEqual([]);
        expect(await page.getByRole('link', { name: 'Terug naar de nieuwste keren' }).isVisible()).toBe(true);
        await checkPage(page, 'Hoe beschermen wij uw gegevens', 'bescherming-eerder');
        expectOnlyOwnHost();
      },
    );

    it(
      'logs an entrepreneur in with eHerkenning, and shows the Overzicht with the BRP left out in plain words',
      { timeout: 120_000 },
      async () => {
        const { page, expectOnlyOwnHost } = await open();
        await page.goto(`${suite.portal.url}/`);
        await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
        await checkPage(page, 'Inloggen', 'inloggen-eherkenning');

        // With the keyboard, past the DigiD button.
        const authorization = page.waitForRequest((request) =>
          request.url().startsWith(`${suite.stack.idp.issuer}/auth`),
        );
        await tabTo(page, page.getByRole('button', { name: 'Inloggen met eHerkenning' }));
        await page.keyboard.press('Enter');
        // The portal asks the provider for eHerkenning, at the level the gateway reads with.
        expect(new URL((await authorization).url()).searchParams.get('acr_values')).toBe(
          'urn:etoegang:core:assurance-class:loa2plus',
        );
        await logInAtIdpWithEherkenning(suite, page, '69599084', 'midden');

        await page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor();
        const gegevens = section(page, 'Uw gegevens');
        await gegevens.getByText('U bent ingelogd met eHerkenning.', { exact: false }).waitFor();
        expect(await page.locator('main').textContent()).toContain('U bent ingelogd met eHerkenning EH2 of EH2+.');
        expect(await gegevens.textContent()).toContain('Persoonsgegevens uit de BRP horen bij inloggen met DigiD.');
        // The company's zaken still show, each with its owner.
        const zaken = section(page, 'Lopende zaken');
        await zaken.getByRole('listitem').first().waitFor();
        for (const item of await zaken.getByRole('listitem').all()) {
          expect(await item.textContent()).toMatch(/Dit regelt u bij de gemeente\.|Dit staat in MijnOverheid\./);
        }
        await checkPage(page, 'Overzicht', 'overzicht-eherkenning');

        // Mijn gegevens says plainly why there is nothing, and how to see one's own data.
        await page.goto(`${suite.portal.url}/gegevens`);
        await page.getByText('Wilt u uw eigen gegevens zien? Log dan in met DigiD.').waitFor();
        expect(await page.locator('main').textContent()).toContain(
          'U bent ingelogd met eHerkenning. Persoonsgegevens uit de BRP horen bij inloggen met DigiD.',
        );
        expect(await page.getByRole('button', { name: 'Inloggen met DigiD' }).isVisible()).toBe(true);
        expect(await page.getByText(SECTIE_WEG).count()).toBe(0);
        await checkPage(page, 'Mijn gegevens', 'mijn-gegevens-eherkenning');

        await page.goto(`${suite.portal.url}/bescherming`);
        const inloggen = section(page, 'Hoe u bent ingelogd');
        await inloggen.waitFor();
        expect(await waarde(inloggen, 'Ingelogd met').textContent()).toBe('eHerkenning');
        expect(await waarde(inloggen, 'Niveau').textContent()).toBe('EH2 of EH2+');
        expectOnlyOwnHost();
      },
    );
  },
);
