import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasChromium, SECTIE_WEG, section, tabTo, usePortalSuite } from './browser.js';

const ZAAK = 'Parkeervergunning bewoners Boterdiep';
const ZAAK_ADRES = '/zaak?bronorganisatie=002564440&identificatie=ZAAK-2026-0000000101';

describe.skipIf(!hasChromium)('the reference portal: a zaak and the Berichten page', () => {
  const suite = usePortalSuite();
  const { open, checkPage, logIn } = suite;

  it(
    'goes from Mijn zaken to a zaak with the keyboard, and shows its steps, documents, MijnOverheid and owner',
    { timeout: 120_000 },
    async () => {
      const { page, expectOnlyOwnHost } = await open();
      await logIn(page);
      await page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor();
      await page.goto(`${suite.portal.url}/zaken`);
      await page.getByRole('heading', { level: 1, name: 'Mijn zaken' }).waitFor();
      const link = page.getByRole('main').getByRole('link', { name: ZAAK });
      await link.waitFor();

      // Keyboard only: Tab until the zaak's link has focus, then Enter.
      await tabTo(page, link);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: ZAAK }).waitFor();
      // The zaak is named by its organisation and zaaknummer only: no start date in the address.
      expect(page.url()).toBe(`${suite.portal.url}${ZAAK_ADRES}`);

      const main = page.getByRole('main');
      expect(await main.textContent()).toContain('ZAAK-2026-0000000101');
      expect(await main.textContent()).toContain('Aanvraag parkeervergunning');
      expect(await main.textContent()).toContain('2 november 2026');
      expect(await main.textContent()).toContain('Dit regelt u bij de gemeente.');

      // The steps: an ordered list, each state in words, the current one marked for assistive technology.
      const stappen = section(page, 'Stappen van uw zaak').getByRole('list').getByRole('listitem');
      expect(await section(page, 'Stappen van uw zaak').locator('ol').count()).toBe(1);
      expect((await stappen.allTextContents()).map((tekst) => tekst.replace(/\s+/g, ' ').trim())).toEqual([
        'Ontvangen Klaar',
        'In behandeling Hier is uw zaak nu',
        'Afgerond Komt nog',
      ]);
      expect(await stappen.evaluateAll((items) => items.map((item) => item.getAttribute('aria-current')))).toEqual([
        null,
        'step',
        null,
      ]);

      // The documents: title, kind and size in words, date; each a link to the portal itself.
      const documenten = section(page, 'Documenten').getByRole('link');
      expect(await documenten.allTextContents()).toEqual([
        expect.stringMatching(/^Aanvraag parkeervergunning \(PDF, \d+ (kB|bytes)\)$/),
        expect.stringMatching(/^Kopie kentekenbewijs \(PDF, \d+ (kB|bytes)\)$/),
      ]);
      for (const href of await documenten.evaluateAll((links) => links.map((a) => a.getAttribute('href')))) {
        expect(href).toMatch(/^\/documenten\/[A-Za-z0-9._~-]+$/);
      }
      expect(await section(page, 'Documenten').textContent()).toContain('Datum: 2 november 2026');

      // Also in MijnOverheid, with its link and what that means.
      const mijnOverheid = section(page, 'Ook in MijnOverheid');
      expect(await mijnOverheid.textContent()).toContain('De gemeente zet de zaak daar zelf neer.');
      expect(
        await mijnOverheid.getByRole('link', { name: 'Bekijk uw lopende zaken in MijnOverheid' }).getAttribute('href'),
      ).toBe('https://mijn.overheid.nl/lopende-zaken/');

      await checkPage(page, `Zaak ${ZAAK}`, 'zaak');
      expectOnlyOwnHost();
    },
  );

  it(
    'downloads a document through the portal: the same bytes as the gateway serves, as a PDF',
    { timeout: 90_000 },
    async () => {
      const { page, expectOnlyOwnHost } = await open();
      await logIn(page);
      await page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor();
      await page.goto(`${suite.portal.url}${ZAAK_ADRES}`);
      const link = section(page, 'Documenten').getByRole('link', { name: /^Aanvraag parkeervergunning/ });
      await link.waitFor();
      const href = (await link.getAttribute('href')) ?? '';

      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      expect(download.suggestedFilename()).toBe('aanvraag.pdf');
      const bytes = readFileSync(await download.path());
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

      // The same file as the gateway's own link gives, with its type; the page stays where it was.
      const viaPortal = await page.request.get(`${suite.portal.url}${href}`);
      expect(viaPortal.status()).toBe(200);
      expect(viaPortal.headers()['content-type']).toBe('application/pdf');
      expect(viaPortal.headers()['content-disposition']).toMatch(/^attachment; filename="aanvraag\.pdf"/);
      const direct = await fetch(new URL(href, suite.stack.gatewayUrl));
      expect(direct.status).toBe(200);
      expect(Buffer.from(await viaPortal.body())).toEqual(Buffer.from(await direct.arrayBuffer()));
      expect(Buffer.from(await viaPortal.body())).toEqual(bytes);
      await page.getByRole('heading', { level: 1, name: ZAAK }).waitFor();

      // Without the session, the portal hands out nothing.
      const signedOut = await fetch(`${suite.portal.url}${href}`);
      expect(signedOut.status).toBe(401);
      expectOnlyOwnHost();
    },
  );

  it('goes from a lopende zaak on the Overzicht to its page with the keyboard', { timeout: 90_000 }, async () => {
    const { page, expectOnlyOwnHost } = await open();
    await logIn(page);
    await page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor();
    const link = section(page, 'Lopende zaken').getByRole('link', { name: ZAAK });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(ZAAK_ADRES);

    await tabTo(page, link);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: ZAAK }).waitFor();
    expect(page.url()).toBe(`${suite.portal.url}${ZAAK_ADRES}`);
    expect(await page.getByRole('main').textContent()).toContain('ZAAK-2026-0000000101');
    await section(page, 'Stappen van uw zaak').getByRole('listitem').first().waitFor();
    expectOnlyOwnHost();
  });

  it(
    'finds an older, closed zaak by its number alone, and still opens an old link with a start date',
    { timeout: 90_000 },
    async () => {
      const { page, expectOnlyOwnHost } = await open();
      await logIn(page);
      await page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor();

      // Her oldest zaak, closed: the address has no date, the zaak is found all the same.
      await page.goto(`${suite.portal.url}/zaak?bronorganisatie=002564440&identificatie=ZAAK-2026-0000000102`);
      await page.getByRole('heading', { level: 1, name: 'Losliggende stoeptegels Boterdiep' }).waitFor();
      const main = page.getByRole('main');
      expect(await main.textContent()).toContain('ZAAK-2026-0000000102');
      expect(await main.textContent()).toContain('1 september 2026');
      expect(await main.textContent()).toContain('Afgerond op');
      expect(await section(page, 'Documenten').textContent()).toContain('Afhandeling van uw melding');
      await checkPage(page, 'Zaak Losliggende stoeptegels Boterdiep', 'zaak-afgerond');

      // A link from before, with `gestart`: still the zaak, also when that date is wrong.
      for (const gestart of ['2026-11-02', '2020-01-01', 'gisteren']) {
        await page.goto(`${suite.portal.url}${ZAAK_ADRES}&gestart=${gestart}`);
        await page.getByRole('heading', { level: 1, name: ZAAK }).waitFor();
        expect(await page.getByRole('main').textContent()).toContain('ZAAK-2026-0000000101');
      }
      expectOnlyOwnHost();
    },
  );

  it('says plainly when a zaak cannot be found', { timeout: 90_000 }, async () => {
    const { page, expectOnlyOwnHost } = await open();
    await logIn(page);
    await page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor();
    // Not hers: Suzanne is only belanghebbende in this zaak.
    await page.goto(`${suite.portal.url}/zaak?bronorganisatie=002564440&identificatie=ZAAK-2026-0000000103`);
    await page.getByRole('heading', { level: 1, name: 'Deze zaak kunnen we niet vinden' }).waitFor();
    expect(await page.getByRole('main').textContent()).not.toContain('Handhavingsverzoek');
    expect(await page.getByRole('link', { name: 'Bekijk al uw zaken' }).getAttribute('href')).toBe('/zaken');
    await checkPage(page, 'Zaak niet gevonden', 'zaak-niet-gevonden');

    // An address that cannot name a zaak (no RSIN, an RSIN that fails the elfproef): the same page.
    for (const adres of [
      '/zaak?bronorganisatie=gemeente&identificatie=ZAAK-2026-0000000101',
      '/zaak?bronorganisatie=123456789&identificatie=ZAAK-2026-0000000101',
      `/zaak?bronorganisatie=002564440&identificatie=${'Z'.repeat(41)}`,
    ]) {
      await page.goto(`${suite.portal.url}${adres}`);
      await page.getByRole('heading', { level: 1, name: 'Deze zaak kunnen we niet vinden' }).waitFor();
      expect(await page.getByRole('main').textContent()).not.toContain('RSIN');
    }
    expectOnlyOwnHost();
  });

  it(
    'shows the Berichtenbox: unread ones in words, each with its owner and a link to read it',
    { timeout: 90_000 },
    async () => {
      const { page, expectOnlyOwnHost } = await open();
      await logIn(page);
      await page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor();
      await page
        .getByRole('navigation', { name: 'Menu' })
        .getByRole('link', { name: 'Berichten', exact: true })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Berichten' }).waitFor();
      const box = section(page, 'Uw Berichtenbox');
      await box.getByRole('listitem').first().waitFor();

      const items = await box.getByRole('listitem').all();
      expect(items).toHaveLength(3);
      const byOnderwerp = new Map<string, string>();
      for (const item of items) {
        const onderwerp = (await item.getByRole('heading', { level: 3 }).textContent()) ?? '';
        byOnderwerp.set(onderwerp, (await item.textContent()) ?? '');
        expect(await item.getByText('Dit staat in MijnOverheid.').count()).toBe(1);
        expect(await item.getByRole('link', { name: 'Lees dit bericht in MijnOverheid' }).count()).toBe(1);
      }
      expect(byOnderwerp.get('Voorlopige aanslag inkomstenbelasting 2027')).toMatch(/Ongelezen/);
      expect(byOnderwerp.get('Voorlopige aanslag inkomstenbelasting 2027')).toContain('Met 1 bijlage.');
      expect(byOnderwerp.get('Herinnering APK')).toMatch(/Gelezen/);
      expect(byOnderwerp.get('Herinnering APK')).not.toMatch(/Ongelezen/);
      expect(byOnderwerp.get('Herinnering APK')).toContain('in de map archief');
      expect(await box.textContent()).toContain('U hebt 1 bericht dat u nog niet hebt gelezen.');
      // A bericht about one of her zaken at the gemeente links to that zaak's page.
      expect(await box.getByRole('link', { name: ZAAK }).getAttribute('href')).toBe(ZAAK_ADRES);
      await checkPage(page, 'Berichten', 'berichten');
      expectOnlyOwnHost();
    },
  );

  it(
    'shows the Berichtenbox as a plain message in its own block when MijnOverheid is down',
    { timeout: 90_000 },
    async () => {
      const { page, expectOnlyOwnHost } = await open();
      await logIn(page);
      await page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor();
      suite.stack.subgraphProxies.berichten?.setMode('reset');
      await page.goto(`${suite.portal.url}/berichten`);
      const box = section(page, 'Uw Berichtenbox');
      await box.getByText(SECTIE_WEG).waitFor();
      expect(await page.getByText(SECTIE_WEG).count()).toBe(1);
      expect(await box.getByRole('listitem').count()).toBe(0);
      // The rest of the page stays: the heading, the menu and what the page is for.
      expect(await page.getByRole('navigation', { name: 'Menu' }).isVisible()).toBe(true);
      expect(await page.getByRole('main').textContent()).toContain('U leest ze in MijnOverheid.');
      await checkPage(page, 'Berichten', 'berichten-niet-beschikbaar');
      expectOnlyOwnHost();
    },
  );
});
