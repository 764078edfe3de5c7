import type { Locator, Page } from 'playwright-core';
import { describe, expect, it, vi } from 'vitest';
import { zaaksysteem } from '../helpers/zaaksysteem.js';
import { hasChromium, section, SECTIE_WEG, usePortalSuite } from './browser.js';

const TITEL = 'Meldingen en contactgegevens';
/** As NotifyNL receives it: the domain in lower case, the rest as she typed it. */
const MAIL = 'Suzanne.Moulin@example.nl';

/**
 * The page "Meldingen en contactgegevens" in a real browser, with the keyboard only: Suzanne
 * Moulin chooses how she hears about her zaken, adds and confirms an e-mail address (the code
 * comes from the NotifyNL simulator, as it would arrive in her inbox), sees which meldingen were
 * sent and which were not and why, and at DigiD Basis is asked to log in at Midden to change
 * anything. The tests build on each other in order, like one resident's visit.
 */
describe.skipIf(!hasChromium)('the page Meldingen en contactgegevens', () => {
  const suite = usePortalSuite();
  const { open, checkPage, logIn } = suite;

  const naarMeldingen = async (page: Page) => {
    await page.goto(`${suite.portal.url}/meldingen`);
    await page.getByRole('heading', { level: 1, name: TITEL }).waitFor();
    await section(page, 'Hoe wilt u meldingen krijgen?').getByRole('button', { name: 'Keuzes opslaan' }).waitFor();
  };
  /** Focus by the keyboard's own means is what is tested; `focus()` only skips the Tabs to get there. */
  const druk = async (page: Page, element: Locator, key: 'Space' | 'Enter') => {
    await element.focus();
    await page.keyboard.press(key);
  };
  const heeftFocus = (element: Locator) => element.evaluate((el) => el === document.activeElement);
  const kanaal = (page: Page, onderwerp: string, naam: string) =>
    section(page, 'Hoe wilt u meldingen krijgen?').getByRole('group', { name: onderwerp }).getByLabel(naam);
  /** The last code NotifyNL delivered to `aan`, as the resident reads it in their inbox. */
  const codeVoor = (aan: string) => {
    const bericht = suite.stack.simulators.notifyNl
      .sent()
      .filter((n) => n.recipient === aan)
      .at(-1);
    if (!bericht) throw new Error(`no message to ${aan}`);
    return bericht.personalisation['code'] ?? '';
  };

  it('shows the choices and saves a changed kanaal', { timeout: 120_000 }, async () => {
    const { page, expectOnlyOwnHost } = await open();
    await logIn(page);
    await naarMeldingen(page);
    const kanalen = section(page, 'Hoe wilt u meldingen krijgen?');
    // The defaults: MijnOverheid tells her, the gemeente sends no e-mail or sms of its own.
    expect(await kanaal(page, 'Uw zaak is een stap verder', 'In MijnOverheid').isChecked()).toBe(true);
    expect(await kanaal(page, 'Uw zaak is een stap verder', 'Per e-mail').isChecked()).toBe(false);
    expect(await section(page, 'Meldingen over uw zaken').textContent()).toContain(
      'Wij hebben u nog geen meldingen over uw zaken gestuurd.',
    );
    await checkPage(page, TITEL, 'meldingen');

    // E-mail and sms when her zaak is a step further.
    await druk(page, kanaal(page, 'Uw zaak is een stap verder', 'Per e-mail'), 'Space');
    await druk(page, kanaal(page, 'Uw zaak is een stap verder', 'Per sms'), 'Space');
    await druk(page, kanalen.getByRole('button', { name: 'Keuzes opslaan' }), 'Enter');
    await kanalen.getByRole('status').getByText('Wij hebben uw keuzes opgeslagen.').waitFor();

    // Stored: a fresh page shows the same.
    await naarMeldingen(page);
    expect(await kanaal(page, 'Uw zaak is een stap verder', 'Per e-mail').isChecked()).toBe(true);
    expect(await kanaal(page, 'Uw zaak is een stap verder', 'Per sms').isChecked()).toBe(true);
    expect(await kanaal(page, 'Uw zaak is afgerond', 'Per e-mail').isChecked()).toBe(false);
    expect(await kanaal(page, 'Uw zaak is afgerond', 'In MijnOverheid').isChecked()).toBe(true);
    expectOnlyOwnHost();
  });

  it(
    'adds an e-mail address; a wrong code puts focus on the error summary, the right code confirms it',
    { timeout: 120_000 },
    async () => {
      const { page, expectOnlyOwnHost } = await open();
      await logIn(page);
      await naarMeldingen(page);
      const contact = section(page, 'Uw e-mailadressen en mobiele nummers');
      const samenvatting = contact.getByRole('group', { name: 'Er ging iets mis' });

      // Nothing filled in: the summary takes focus and its link leads to the field.
      const veld = contact.getByRole('textbox', { name: 'E-mailadres' });
      await druk(page, contact.getByRole('button', { name: 'Stuur mij een code' }), 'Enter');
      await expect.poll(() => heeftFocus(samenvatting)).toBe(true);
      expect(await samenvatting.getByRole('link').allTextContents()).toEqual(['Vul een e-mailadres in.']);
      expect(await veld.getAttribute('aria-invalid')).toBe('true');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await expect.poll(() => heeftFocus(veld)).toBe(true);

      await page.keyboard.type('Suzanne.Moulin@Example.NL');
      await page.keyboard.press('Enter');
      await contact
        .getByRole('status')
        .getByText('Wij hebben een code gestuurd naar Suzanne.Moulin@example.nl.', { exact: false })
        .waitFor();
      expect(await samenvatting.count()).toBe(0);
      // Focus moves to the new address's code field.
      const item = contact.getByRole('listitem').filter({ hasText: 'Suzanne.Moulin@example.nl' });
      const code = item.getByRole('textbox', { name: 'Code uit de e-mail' });
      await expect.poll(() => heeftFocus(code)).toBe(true);
      expect(await code.getAttribute('aria-describedby')).toBeTruthy();
      expect(await item.textContent()).toContain('U kunt het nog 5 keer proberen.');

      // A wrong code: the summary takes focus and names the field; the field says it too.
      const goed = codeVoor(MAIL);
      await page.keyboard.type(goed === '000000' ? '000001' : '000000');
      await page.keyboard.press('Enter');
      const fout = item.getByRole('group', { name: 'Er ging iets mis' });
      await expect.poll(() => heeftFocus(fout)).toBe(true);
      expect(await fout.getByRole('link').allTextContents()).toEqual([
        'De code klopt niet. U kunt het nog 4 keer proberen.',
      ]);
      expect(await code.getAttribute('aria-invalid')).toBe('true');
      const beschrijving = await code.evaluate((el) =>
        (el.getAttribute('aria-describedby') ?? '')
          .split(' ')
          .map((id) => document.getElementById(id)?.textContent)
          .join(' '),
      );
      expect(beschrijving).toContain('De code klopt niet. U kunt het nog 4 keer proberen.');
      expect(await item.textContent()).toContain('U kunt het nog 4 keer proberen.');
      await checkPage(page, TITEL, 'meldingen-fout');

      // The link in the summary leads to the field; the right code confirms the address.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await expect.poll(() => heeftFocus(code)).toBe(true);
      await page.keyboard.press('Control+A');
      await page.keyboard.type(goed);
      await page.keyboard.press('Enter');
      await contact.getByRole('status').getByText('Gelukt. Suzanne.Moulin@example.nl is bevestigd.').waitFor();
      expect(await item.getByRole('textbox').count()).toBe(0);
      expect(await item.textContent()).toMatch(/BevestigdJa, op \d+ \w+ \d{4}/);
      expect(await item.textContent()).toContain('Wij sturen meldingen naar dit e-mailadres.');
      await expect.poll(() => heeftFocus(item.getByRole('heading', { level: 3 }))).toBe(true);
      await checkPage(page, TITEL, 'meldingen-bevestigd');
      expectOnlyOwnHost();
    },
  );

  it(
    'lists the meldingen sent and not sent, with why, and takes an exception for one soort zaak',
    { timeout: 120_000 },
    async () => {
      const { page, expectOnlyOwnHost } = await open();
      await logIn(page);
      // The zaaksysteem moves two of her zaken a step further: an omgevingsvergunning (the
      // gemeente tells her itself) and a parkeervergunning (MijnOverheid already tells her).
      const zgw = zaaksysteem(suite.stack.zgwUrls.zgwA);
      await zgw.zetStatus('ZAAK-2026-0000000107', 'Beoordeling');
      await zgw.zetStatus('ZAAK-2026-0000000101', 'In behandeling');
      await vi.waitFor(
        async () => {
          await suite.stack.meldingen.ronde();
          await naarMeldingen(page);
          const lijst = section(page, 'Meldingen over uw zaken').getByRole('listitem');
          expect(await lijst.filter({ hasText: 'Wij sturen de melding zo.' }).count()).toBe(0);
          expect(await lijst.count()).toBe(4);
        },
        { timeout: 15_000, interval: 250 },
      );
      const meldingen = section(page, 'Meldingen over uw zaken');
      const melding = (zaak: string, hoe: string) =>
        meldingen
          .getByRole('listitem')
          .filter({ hasText: zaak })
          .filter({ hasText: `Hoe${hoe}` });
      // Sent by e-mail to the confirmed address.
      expect(await melding('ZAAK-2026-0000000107', 'Per e-mail').textContent()).toMatch(/VerstuurdJa/);
      // Not sent by sms, and why: she has no confirmed mobile number.
      const sms = await melding('ZAAK-2026-0000000107', 'Per sms').textContent();
      expect(sms).toContain('VerstuurdNee');
      expect(sms).toContain('Waarom nietWij hebben geen bevestigd mobiel nummer van u.');
      // The parkeervergunning: MijnOverheid already told her.
      for (const hoe of ['Per e-mail', 'Per sms']) {
        const tekst = await melding('ZAAK-2026-0000000101', hoe).textContent();
        expect(tekst).toContain('Soort zaakParkeervergunning');
        expect(tekst).toContain('U kreeg hierover al een e-mail van MijnOverheid.');
      }
      await checkPage(page, TITEL, 'meldingen-lijst');

      // An e-mail about her parkeervergunning after all.
      const uitzonderingen = section(page, 'Anders voor één soort zaak');
      const soort = uitzonderingen.getByLabel('Soort zaak');
      await soort.focus();
      await page.keyboard.type('Parkeer');
      expect(await soort.inputValue()).toBe('PARKEERVERGUNNING');
      await druk(
        page,
        uitzonderingen.getByRole('group', { name: 'Hoe wilt u de melding krijgen?' }).getByLabel('Per e-mail'),
        'Space',
      );
      await druk(page, uitzonderingen.getByLabel('Ja, stuur mij wel een melding'), 'Space');
      await druk(page, uitzonderingen.getByRole('button', { name: 'Uitzondering opslaan' }), 'Enter');
      await uitzonderingen
        .getByRole('status')
        .getByText('Wij hebben uw keuze voor Parkeervergunning opgeslagen.')
        .waitFor();
      await uitzonderingen.getByText('Parkeervergunning: wel een melding per e-mail.').waitFor();
      // The kanalen per onderwerp are as they were.
      expect(await kanaal(page, 'Uw zaak is een stap verder', 'Per e-mail').isChecked()).toBe(true);
      expect(await kanaal(page, 'Uw zaak is afgerond', 'Per e-mail').isChecked()).toBe(false);
      expectOnlyOwnHost();
    },
  );

  it('at DigiD Basis shows the page, and a change asks to log in again at Midden', { timeout: 90_000 }, async () => {
    const { page, expectOnlyOwnHost } = await open();
    await logIn(page, 'basis');
    await naarMeldingen(page);
    const kanalen = section(page, 'Hoe wilt u meldingen krijgen?');
    await druk(page, kanaal(page, 'Uw zaak is afgerond', 'Per e-mail'), 'Space');
    await druk(page, kanalen.getByRole('button', { name: 'Keuzes opslaan' }), 'Enter');
    const samenvatting = kanalen.getByRole('group', { name: 'Log opnieuw in om dit te wijzigen' });
    await expect.poll(() => heeftFocus(samenvatting)).toBe(true);
    expect(await samenvatting.textContent()).toContain(
      'U bent ingelogd met DigiD Basis. Om iets te wijzigen, logt u opnieuw in met DigiD Midden.',
    );
    await checkPage(page, TITEL, 'meldingen-hoger-niveau');

    // The next Tab reaches the button; Enter asks the provider for Midden.
    await page.keyboard.press('Tab');
    const knop = samenvatting.getByRole('button', { name: 'Opnieuw inloggen met DigiD Midden' });
    await expect.poll(() => heeftFocus(knop)).toBe(true);
    const authorization = page.waitForRequest((request) => request.url().startsWith(`${suite.stack.idp.issuer}/auth`));
    await page.keyboard.press('Enter');
    expect(new URL((await authorization).url()).searchParams.get('acr_values')).toBe(
      'urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract',
    );
    expectOnlyOwnHost();
  });

  it('shows the API’s own message in each block when the voorkeuren source is down', { timeout: 90_000 }, async () => {
    const { page, expectOnlyOwnHost } = await open();
    await logIn(page);
    suite.stack.subgraphProxies.voorkeuren?.setMode('reset');
    await page.goto(`${suite.portal.url}/meldingen`);
    await page.getByRole('heading', { level: 1, name: TITEL }).waitFor();
    for (const kop of [
      'Hoe wilt u meldingen krijgen?',
      'Uw e-mailadressen en mobiele nummers',
      'Anders voor één soort zaak',
      'Meldingen over uw zaken',
    ]) {
      await section(page, kop).getByText(SECTIE_WEG).waitFor();
    }
    // Nothing to change while the choices cannot be read.
    expect(await page.getByRole('main').getByRole('button').count()).toBe(0);
    await checkPage(page, TITEL, 'meldingen-niet-beschikbaar');
    expectOnlyOwnHost();
  });
});
