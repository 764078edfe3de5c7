import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/stack.js';
import { buildFrontEnd, reservePortal, startPortal, type RunningPortal } from './harness.js';

/** Debian's Chromium; `.ci/run` installs it. Never a downloaded browser. */
const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium)
  console.warn(`SKIPPED: the portal browser test needs Chromium at ${CHROMIUM} (apt-get install chromium).`);

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
/**
 * Where the screenshots go: `docs/portal/` with `UPDATE_SCREENSHOTS=1` (`npm run screenshots`),
 * else a temporary folder, so a test run leaves the repository as it was.
 */
const SCREENSHOTS = process.env['UPDATE_SCREENSHOTS']
  ? fileURLToPath(new URL('../../docs/portal/', import.meta.url))
  : `${mkdtempSync(join(tmpdir(), 'portaal-schermen-'))}/`;
const PORTAAL = 'Mijn Voorbeeldstad';
/** The gateway's own message for a section whose subgraph is down (BRON_NIET_BESCHIKBAAR), shown as it is. */
const SECTIE_WEG = /^We kunnen .+ nu niet ophalen\. Probeer het later opnieuw\.$/;

describe.skipIf(!hasChromium)('the reference portal in a real browser', () => {
  let stack: Stack;
  let portal: RunningPortal;
  let browser: Browser;
  let removeBuild = () => undefined as void;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    const web = await buildFrontEnd();
    removeBuild = web.remove;
    // The portal's socket first: the stack's IdP must know its callback URL.
    const reserved = await reservePortal();
    stack = await startStack({
      extraRedirectUris: [reserved.callbackUrl],
      subgraphProxies: true,
      // Short deadlines, so a stopped subgraph costs the test little; the same mechanism as production.
      gateway: {
        requestDeadlineMs: 1_500,
        subgraphTimeoutMs: 1_500,
        subgraphBreaker: { failureThreshold: 2, openMs: 300 },
        // As in production: the gateway answers only the manifest's operations, the portal's included.
        safelist: true,
      },
    });
    portal = await startPortal(stack, reserved, { staticDir: web.dir });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
    for (const proxy of Object.values(stack.subgraphProxies)) proxy.setMode('forward');
  });
  afterAll(async () => {
    await browser?.close();
    await portal?.[Symbol.asyncDispose]();
    await stack?.[Symbol.asyncDispose]();
    removeBuild();
  });

  /**
   * A fresh browser context. `expectOnlyOwnHost` (call it at the end of a test): every resource
   * the portal's pages loaded came from the portal itself (the IdP's login page loads its own),
   * and no request carried an access token.
   */
  async function open(viewport = DESKTOP) {
    const context = await browser.newContext({ viewport });
    contexts.push(context);
    const requests: Array<{ url: string; page: string; navigation: boolean; authorization: string | undefined }> = [];
    const page = await context.newPage();
    context.on('request', (request) =>
      requests.push({
        url: request.url(),
        page: request.frame().url(),
        navigation: request.isNavigationRequest(),
        authorization: request.headers()['authorization'],
      }),
    );
    const expectOnlyOwnHost = () => {
      const fromPortal = requests.filter((r) => !r.navigation && r.page.startsWith(portal.url));
      expect(fromPortal.length).toBeGreaterThan(0);
      expect(fromPortal.filter((r) => !r.url.startsWith(`${portal.url}/`)).map((r) => r.url)).toEqual([]);
      expect(requests.filter((r) => r.authorization !== undefined)).toEqual([]);
    };
    return { page, context, expectOnlyOwnHost };
  }

  async function expectAccessible(page: Page) {
    const { violations } = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
    expect(violations.map((v) => ({ rule: v.id, targets: v.nodes.map((n) => n.target.join(' ')) }))).toEqual([]);
  }

  /** The document is no wider than the viewport: nothing needs scrolling sideways (WCAG 1.4.10). */
  async function expectReflowAt320(page: Page) {
    const before = page.viewportSize() ?? DESKTOP;
    await page.setViewportSize({ width: 320, height: 640 });
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    await page.setViewportSize(before);
  }

  async function screenshots(page: Page, name: string) {
    const before = page.viewportSize() ?? DESKTOP;
    for (const [size, viewport] of [
      ['desktop', DESKTOP],
      ['telefoon', PHONE],
    ] as const) {
      await page.setViewportSize(viewport);
      await page.screenshot({ path: `${SCREENSHOTS}${name}-${size}.png`, fullPage: true });
    }
    await page.setViewportSize(before);
  }

  /** Every page and state is checked the same way: its own title, Dutch, axe, reflow, screenshots. */
  async function checkPage(page: Page, titel: string, screenshot: string) {
    await expect.poll(() => page.title()).toBe(`${titel} – ${PORTAAL}`);
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');
    await expectAccessible(page);
    await expectReflowAt320(page);
    await screenshots(page, screenshot);
  }

  /** At the DigiD-simulator: choose a person and a level, then log in, with the keyboard. */
  async function logInAtIdp(page: Page, name: string, niveau: 'basis' | 'midden' | 'substantieel' = 'substantieel') {
    await page.waitForURL((url) => url.href.startsWith(stack.idp.issuer));
    await page.getByLabel(name).focus();
    await page.keyboard.press('Space');
    await page.locator(`#digid-niveau-${niveau}`).focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Inloggen met DigiD' }).focus();
    await page.keyboard.press('Enter');
    // The IdP sends the browser to the portal's /callback, which logs in and goes on to the page.
    await page.waitForURL((url) => url.href.startsWith(portal.url) && url.pathname !== '/callback');
  }

  async function logIn(page: Page, niveau: 'basis' | 'midden' | 'substantieel' = 'substantieel') {
    await page.goto(`${portal.url}/`);
    await page.getByRole('button', { name: 'Inloggen met DigiD' }).click();
    await logInAtIdp(page, 'Suzanne Moulin', niveau);
  }

  /** The block of one section of the Overzicht, by its heading. */
  const section = (page: Page, heading: string) =>
    page.locator('section').filter({ has: page.getByRole('heading', { level: 2, name: heading }) });

  it(
    'logs in with the keyboard only, shows Suzanne Moulin her zaken with their owner, and keeps the token on the server',
    { timeout: 120_000 },
    async () => {
      const { page, context, expectOnlyOwnHost } = await open();
      await page.goto(`${portal.url}/`);
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
      }
      expect(await section(page, 'Uw gegevens').textContent()).toContain('Suzanne');
      expect(
        await section(page, 'Ongelezen berichten').getByText('Dit staat in MijnOverheid.').count(),
      ).toBeGreaterThan(0);
      await checkPage(page, 'Overzicht', 'overzicht');

      // The session cookie is HttpOnly and SameSite=Lax: no script on the page can read it.
      // (Cookies belong to a host, not a port: the DigiD-simulator's on 127.0.0.1 are left out.)
      const portalCookies = async () =>
        (await context.cookies(portal.url)).filter((c) => c.name.startsWith('portaal_'));
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

      const authorization = page.waitForRequest((request) => request.url().startsWith(`${stack.idp.issuer}/auth`));
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

    stack.subgraphProxies.zaken?.setMode('reset');
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
    portal.advanceClock(16 * 60_000);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'U bent uitgelogd' }).waitFor();
    expect(await page.getByRole('button', { name: 'Inloggen met DigiD' }).isVisible()).toBe(true);
    await checkPage(page, 'Opnieuw inloggen', 'sessie-verlopen');
    expectOnlyOwnHost();
  });

  it('answers an unknown address with a page that says so, and status 404', { timeout: 60_000 }, async () => {
    const { page, expectOnlyOwnHost } = await open();
    const response = await page.goto(`${portal.url}/bestaat-niet`);
    expect(response?.status()).toBe(404);
    await page.getByRole('heading', { level: 1, name: 'Deze pagina bestaat niet' }).waitFor();
    await checkPage(page, 'Pagina niet gevonden', 'niet-gevonden');
    expectOnlyOwnHost();
  });
});
