import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, logInAtIdpWithEherkenning, section, tabTo, usePortalSuite } from './browser.js';

const ZAAK = 'Parkeervergunning bewoners Boterdiep';
const ZAAK_ADRES = '/zaak?bronorganisatie=002564440&identificatie=ZAAK-2026-0000000101';

/**
 * After logging in, the resident is back on the page they opened: logged out, after the session
 * ended, and after logging in again at a higher level. And the "hoger niveau" page in the words
 * of eHerkenning for an entrepreneur.
 */
describe.skipIf(!hasChromium)('back to the page after logging in, in a real browser', () => {
  const suite = usePortalSuite();
  const { open, checkPage, logIn, logInAtIdp } = suite;

  /** Waits for the login to start at the simulator, and returns the level the portal asked for. */
  const authorization = (page: Page) =>
    page
      .waitForRequest((request) => request.url().startsWith(`${suite.stack.idp.issuer}/auth`))
      .then((request) => new URL(request.url()).searchParams.get('acr_values'));

  it(
    'opens Berichten logged out, logs in with the keyboard, and lands on Berichten',
    { timeout: 120_000 },
    async () => {
      const { page, expectOnlyOwnHost } = await open();
      await page.goto(`${suite.portal.url}/berichten`);
      await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
      expect(await page.getByRole('main').textContent()).toContain(
        'U logt in met DigiD. Daarna ziet u meteen de pagina die u wilde openen.',
      );
      await checkPage(page, 'Inloggen', 'inloggen-andere-pagina');

      await tabTo(page, page.getByRole('button', { name: 'Inloggen met DigiD' }));
      await page.keyboard.press('Enter');
      await logInAtIdp(page, 'Suzanne Moulin');

      await page.getByRole('heading', { level: 1, name: 'Berichten' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/berichten');
      // Her berichten, each with where to read it.
      await section(page, 'Uw Berichtenbox').getByRole('listitem').first().waitFor();
      expect(await page.title()).toBe('Berichten – Mijn Voorbeeldstad');
      expectOnlyOwnHost();
    },
  );

  it('after the session ended on a zaak, logs in again and shows that same zaak', { timeout: 120_000 }, async () => {
    const { page, expectOnlyOwnHost } = await open();
    await logIn(page);
    await page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor();
    await page.goto(`${suite.portal.url}${ZAAK_ADRES}`);
    await page.getByRole('heading', { level: 1, name: ZAAK }).waitFor();

    suite.portal.advanceClock(16 * 60_000);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'U bent uitgelogd' }).waitFor();
    await tabTo(page, page.getByRole('button', { name: 'Inloggen met DigiD' }));
    await page.keyboard.press('Enter');
    await logInAtIdp(page, 'Suzanne Moulin');

    // The zaak's own address, query and all.
    await page.getByRole('heading', { level: 1, name: ZAAK }).waitFor();
    expect(page.url()).toBe(`${suite.portal.url}${ZAAK_ADRES}`);
    expectOnlyOwnHost();
  });

  it(
    'on a page that does not know the means, offers DigiD and eHerkenning at the level asked, and comes back there',
    { timeout: 120_000 },
    async () => {
      const { page, expectOnlyOwnHost } = await open();
      await logIn(page, 'basis');
      await page.getByRole('heading', { level: 1, name: 'Log opnieuw in met een hoger niveau' }).waitFor();
      await page.goto(`${suite.portal.url}/zaken`);
      await page.getByRole('heading', { level: 1, name: 'Log opnieuw in met een hoger niveau' }).waitFor();
      const main = page.getByRole('main');
      expect(await main.textContent()).toContain('Uw manier van inloggen is niet genoeg om uw gegevens te zien.');
      expect(await main.textContent()).toContain('Log opnieuw in met eHerkenning EH2+ of hoger.');
      expect(await page.getByRole('button', { name: 'Opnieuw inloggen met eHerkenning EH2+' }).isVisible()).toBe(true);
      await checkPage(page, 'Inloggen met een hoger niveau', 'hoger-niveau-digid-of-eherkenning');

      const acr = authorization(page);
      await tabTo(page, page.getByRole('button', { name: 'Opnieuw inloggen met DigiD Midden' }));
      await page.keyboard.press('Enter');
      expect(await acr).toBe('urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract');
      await logInAtIdp(page, 'Suzanne Moulin', 'midden');

      await page.getByRole('heading', { level: 1, name: 'Mijn zaken' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/zaken');
      expectOnlyOwnHost();
    },
  );

  it(
    'tells an entrepreneur at eHerkenning EH1 to log in again with eHerkenning EH2+, in those words',
    { timeout: 120_000 },
    async () => {
      const { page, expectOnlyOwnHost } = await open();
      await page.goto(`${suite.portal.url}/`);
      await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
      await tabTo(page, page.getByRole('button', { name: 'Inloggen met eHerkenning' }));
      await page.keyboard.press('Enter');
      await logInAtIdpWithEherkenning(suite, page, '69599084', 'basis');

      await page.getByRole('heading', { level: 1, name: 'Log opnieuw in met een hoger niveau' }).waitFor();
      const main = page.getByRole('main');
      expect(await main.textContent()).toContain(
        'U bent ingelogd met eHerkenning EH1. Dat is niet genoeg om de gegevens van uw bedrijf te zien.',
      );
      expect(await main.textContent()).toContain('Log opnieuw in met eHerkenning EH2+ of hoger.');
      // Nothing about DigiD: that is not how an entrepreneur logs in.
      expect(await main.textContent()).not.toContain('DigiD');
      await checkPage(page, 'Inloggen met een hoger niveau', 'hoger-niveau-eherkenning');

      const acr = authorization(page);
      await tabTo(page, page.getByRole('button', { name: 'Opnieuw inloggen met eHerkenning EH2+' }));
      await page.keyboard.press('Enter');
      // The portal asks the provider for eHerkenning EH2+.
      expect(await acr).toBe('urn:etoegang:core:assurance-class:loa2plus');
      await logInAtIdpWithEherkenning(suite, page, '69599084', 'midden');

      await page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor();
      await section(page, 'Lopende zaken').getByRole('listitem').first().waitFor();
      // No owner under "not for eHerkenning": the BRP has nothing for a company.
      const gegevens = section(page, 'Uw gegevens');
      expect(await gegevens.textContent()).toContain('Persoonsgegevens uit de BRP horen bij inloggen met DigiD.');
      expect(await gegevens.locator('.eigenaar').count()).toBe(0);
      expectOnlyOwnHost();
    },
  );
});
