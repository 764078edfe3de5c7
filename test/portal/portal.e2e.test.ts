import { describe, expect, it } from 'vitest';
import { hasChromium, section, SECTIE_WEG, usePortalSuite } from './browser.js';

describe.skipIf(!hasChromium)('the reference portal in a real browser', () => {
  const suite = usePortalSuite();
  const { open, checkPage, logIn, logInAtIdp } = suite;

  it(
    'logs in with the keyboard only, shows Suzanne Moulin her zaken with their owner, and keeps the token on the server',
    { timeout: 120_000 },
    async () => {
      const { page, context, expectOnlyOwnHost } = await open();
      await page.goto(`${suite.portal.url}/`);
      await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
      await checkPage(page, 'Inloggen', 'inloggen');

      // Tab: the skip link first, visible while it has focus; Enter moves focus to the content.
      await page.keyboard.press('Tab');
      const skipLink = page.getByRole('link', { name: 'Naar de inhoud' });
      await expect.poll(() => skipLink.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await skipLink.isVisible()).toBe(true);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('inhoud');
      // The next Tab reaches the login button, with a visible focus ring; Enter logs in.
      await page.keyboard.press('Tab');
      const button = page.getByRole('button', { name: 'Inloggen met DigiD' });
      await expect.poll(() => button.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await button.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
      await page.keyboard.press('Enter');
      await logInAtIdp(page, 'Suzanne Moulin');

      // Overzicht: her lopende zaken, each with its owner in words and the API's explanation.
      await page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor();
      const zaken = section(page, 'Lopende zaken');
      await zaken.getByRole('listitem').first().waitFor();
      expect(await zaken.getByRole('listitem').count()).toBeGreaterThan(0);
      for (const item of await zaken.getByRole('listitem').all()) {
        expect(await item.textContent()).toMatch(/Dit regelt u bij de gemeente\.|Dit staat in MijnOverheid\./);
        // A zaak of the gemeente: its name links to its own page, by organisation and zaaknummer.
        // One that MijnOverheid owns keeps only the link there.
        const kopLink = item.getByRole('heading', { level: 3 }).getByRole('link');
        if ((await item.textContent())?.includes('Dit regelt u bij de gemeente.')) {
          expect(await kopLink.getAttribute('href')).toMatch(/^\/zaak\?bronorganisatie=\d{9}&identificatie=[^&]+$/);
        } else {
          expect(await kopLink.count()).toBe(0);
        }
      }
      expect(await section(page, 'Uw gegevens').textContent()).toContain('Suzanne');
      expect(
        await section(page, 'Ongelezen berichten').getByText('Dit staat in MijnOverheid.').count(),
      ).toBeGreaterThan(0);
      await checkPage(page, 'Overzicht', 'overzicht');

      // The session cookie is HttpOnly and SameSite=Lax: no script on the page can read it.
      // (Cookies belong to a host, not a port: the DigiD-simulator's on 127.0.0.1 are left out.)
      const portalCookies = async () =>
        (await context.cookies(suite.portal.url)).filter((c) => c.name.startsWith('portaal_'));
      expect(
        (await portalCookies()).map((c) => ({ name: c.name, httpOnly: c.httpOnly, sameSite: c.sameSite })),
      ).toEqual([{ name: 'portaal_sessie', httpOnly: true, sameSite: 'Lax' }]);
      expect(await page.evaluate(() => document.cookie)).toBe('');

      // Mijn zaken, from the menu.
      await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Mijn zaken' }).click();
      await page.getByRole('heading', { level: 1, name: 'Mijn zaken' }).waitFor();
      await page.locator('main li').first().waitFor();
      const items = await page.locator('main li').all();
      expect(items.length).toBeGreaterThan(1);
      for (const item of items) {
        expect(await item.textContent()).toMatch(/Dit regelt u bij de gemeente\.|Dit staat in MijnOverheid\./);
      }
      await checkPage(page, 'Mijn zaken', 'mijn-zaken');

      // Logging out ends the session on the server.
      await page.getByRole('button', { name: 'Uitloggen' }).click();
      await page.getByText('U bent uitgelogd.').waitFor();
      expect(await portalCookies()).toEqual([]);
      expectOnlyOwnHost();
    },
  );

  it(
    'asks to log in again at the level the API names (NIVEAU_TE_LAAG), and then shows the overview',
    { timeout: 90_000 },
    async () => {
      const { page, expectOnlyOwnHost } = await open();
      await logIn(page, 'basis');
      await page.getByRole('heading', { level: 1, name: 'Log opnieuw in met een hoger niveau' }).waitFor();
      expect(await page.locator('main').textContent()).toContain('U bent ingelogd met DigiD Basis.');
      await checkPage(page, 'Inloggen met een hoger niveau', 'hoger-niveau');

      const authorization = page.waitForRequest((request) =>
        request.url().startsWith(`${suite.stack.idp.issuer}/auth`),
      );
      await page.getByRole('button', { name: 'Opnieuw inloggen met DigiD Midden' }).click();
      // The portal asks the provider for that level.
      expect(new URL((await authorization).url()).searchParams.get('acr_values')).toBe(
        'urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract',
      );
      await logInAtIdp(page, 'Suzanne Moulin', 'midden');
      await page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor();
      await section(page, 'Lopende zaken').getByRole('listitem').first().waitFor();
      expectOnlyOwnHost();
    },
  );

  it('shows a section that is down as a plain message in that block only', { timeout: 90_000 }, async () => {
    const { page, expectOnlyOwnHost } = await open();
    await logIn(page);
    await page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor();
    await section(page, 'Lopende zaken').getByRole('listitem').first().waitFor();

    suite.stack.subgraphProxies.zaken?.setMode('reset');
    await page.reload();
    await section(page, 'Lopende zaken').getByText(SECTIE_WEG).waitFor();
    // Only there: the other sections still show what their sources gave.
    expect(await page.getByText(SECTIE_WEG).count()).toBe(1);
    expect(await section(page, 'Uw gegevens').textContent()).toContain('Suzanne');
    expect(await section(page, 'Ongelezen berichten').getByText('Dit staat in MijnOverheid.').count()).toBeGreaterThan(
      0,
    );
    await checkPage(page, 'Overzicht', 'sectie-niet-beschikbaar');
    expectOnlyOwnHost();
  });

  it('says the session has ended after a quarter of an hour without use', { timeout: 90_000 }, async () => {
    const { page, expectOnlyOwnHost } = await open();
    await logIn(page);
    await page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor();
    suite.portal.advanceClock(16 * 60_000);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'U bent uitgelogd' }).waitFor();
    expect(await page.getByRole('button', { name: 'Inloggen met DigiD' }).isVisible()).toBe(true);
    await checkPage(page, 'Opnieuw inloggen', 'sessie-verlopen');
    expectOnlyOwnHost();
  });

  it('answers an unknown address with a page that says so, and status 404', { timeout: 60_000 }, async () => {
    const { page, expectOnlyOwnHost } = await open();
    const response = await page.goto(`${suite.portal.url}/bestaat-niet`);
    expect(response?.status()).toBe(404);
    await page.getByRole('heading', { level: 1, name: 'Deze pagina bestaat niet' }).waitFor();
    await checkPage(page, 'Pagina niet gevonden', 'niet-gevonden');
    expectOnlyOwnHost();
  });
});
