import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { startStack, type Stack, type StackOptions } from '../helpers/stack.js';
import { buildFrontEnd, reservePortal, startPortal, type RunningPortal } from './harness.js';

/**
 * What every browser suite of the reference portal shares: one stack (safelisting gateway, as in
 * production), the portal's back-end, Debian's Chromium, and the checks each page and state gets
 * (own title, Dutch, axe WCAG 2.2 AA, reflow at 320 px, text at 200 %, screenshots).
 */

/** Debian's Chromium; `.ci/run` installs it. Never a downloaded browser. */
const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
if (!hasChromium)
  console.warn(`SKIPPED: the portal browser tests need Chromium at ${CHROMIUM} (apt-get install chromium).`);

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };
/**
 * Where the screenshots go: `docs/portal/` with `UPDATE_SCREENSHOTS=1` (`npm run screenshots`),
 * else a temporary folder, so a test run leaves the repository as it was.
 */
const SCREENSHOTS = process.env['UPDATE_SCREENSHOTS']
  ? fileURLToPath(new URL('../../docs/portal/', import.meta.url))
  : `${mkdtempSync(join(tmpdir(), 'portaal-schermen-'))}/`;
export const PORTAAL = 'Mijn Voorbeeldstad';
/** The gateway's own message for a section whose subgraph is down (BRON_NIET_BESCHIKBAAR), shown as it is. */
export const SECTIE_WEG = /^We kunnen .+ nu niet ophalen\. Probeer het later opnieuw\.$/;

export type DigidNiveau = 'basis' | 'midden' | 'substantieel';

export interface OpenPage {
  readonly page: Page;
  readonly context: BrowserContext;
  /**
   * Call at the end of a test: every resource the portal's pages loaded came from the portal
   * itself (the IdP's login page loads its own), and no request carried an access token.
   */
  expectOnlyOwnHost(): void;
}

export interface PortalSuite {
  readonly stack: Stack;
  readonly portal: RunningPortal;
  /** A fresh browser context, closed after the test. */
  open(viewport?: { width: number; height: number }): Promise<OpenPage>;
  /** Its own title, `lang="nl"`, no axe violation, reflow at 320 px, text at 200 %, screenshots. */
  checkPage(page: Page, titel: string, screenshot: string): Promise<void>;
  /** At the DigiD-simulator: choose a person and a level, then log in, with the keyboard. */
  logInAtIdp(page: Page, name: string, niveau?: DigidNiveau): Promise<void>;
  /** From the portal's start page, as Suzanne Moulin unless another person is named. */
  logIn(page: Page, niveau?: DigidNiveau, name?: string): Promise<void>;
}

/**
 * Registers the hooks of a browser suite (call it inside `describe`) and returns the suite's
 * handles; they are usable inside the tests, once `beforeAll` has run.
 */
export function usePortalSuite(options: { readonly gateway?: StackOptions['gateway'] } = {}): PortalSuite {
  let stack: Stack | undefined;
  let portal: RunningPortal | undefined;
  let browser: Browser | undefined;
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
      gateway: {
        // Short deadlines, so a stopped subgraph costs the test little; the same mechanism as production.
        requestDeadlineMs: 1_500,
        subgraphTimeoutMs: 1_500,
        subgraphBreaker: { failureThreshold: 2, openMs: 300 },
        // As in production: the gateway answers only the manifest's operations, the portal's included.
        safelist: true,
        ...options.gateway,
      },
    });
    portal = await startPortal(stack, reserved, { staticDir: web.dir });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 120_000);
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
    for (const proxy of Object.values(stack?.subgraphProxies ?? {})) proxy.setMode('forward');
  });
  afterAll(async () => {
    await browser?.close();
    await portal?.[Symbol.asyncDispose]();
    await stack?.[Symbol.asyncDispose]();
    removeBuild();
  });

  const started = () => {
    if (!stack || !portal || !browser) throw new Error('the portal suite has not started (beforeAll)');
    return { stack, portal, browser };
  };

  async function open(viewport = DESKTOP): Promise<OpenPage> {
    const { portal, browser } = started();
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

  /** The document is no wider than the viewport: nothing needs scrolling sideways. */
  async function expectNoSidewaysScroll(page: Page) {
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  }

  /** WCAG 1.4.10: at 320 CSS px wide, everything still fits. */
  async function expectReflowAt320(page: Page) {
    const before = page.viewportSize() ?? DESKTOP;
    await page.setViewportSize({ width: 320, height: 640 });
    await expectNoSidewaysScroll(page);
    await page.setViewportSize(before);
  }

  /**
   * WCAG 1.4.4: with the browser's text size at 200 % (the root font size, as the browser setting
   * does), the text does grow (sizes are relative, not fixed pixels), nothing needs scrolling
   * sideways and no text is cut off by its box.
   */
  async function expectTextAt200(page: Page) {
    const heading = page.locator('h1').first();
    const fontSize = () => heading.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const before = await fontSize();
    await page.evaluate(() => {
      document.documentElement.style.fontSize = '200%';
    });
    try {
      expect(await fontSize()).toBeGreaterThanOrEqual(before * 1.9);
      await expectNoSidewaysScroll(page);
      const clipped = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('body *')]
          .filter((el) => {
            const style = getComputedStyle(el);
            const hides = [style.overflowX, style.overflowY].some((o) => o === 'hidden' || o === 'clip');
            // The skip link is meant to be out of sight until it has focus.
            return (
              hides &&
              el.offsetParent !== null &&
              el.textContent?.trim() &&
              !el.matches('.nl-skip-link, .nl-skip-link *')
            );
          })
          .filter((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
          .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
      );
      expect(clipped).toEqual([]);
    } finally {
      await page.evaluate(() => {
        document.documentElement.style.fontSize = '';
      });
    }
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

  async function checkPage(page: Page, titel: string, screenshot: string) {
    await expect.poll(() => page.title()).toBe(`${titel} – ${PORTAAL}`);
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');
    await expectAccessible(page);
    await expectReflowAt320(page);
    await expectTextAt200(page);
    await screenshots(page, screenshot);
  }

  async function logInAtIdp(page: Page, name: string, niveau: DigidNiveau = 'substantieel') {
    const { stack, portal } = started();
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

  async function logIn(page: Page, niveau: DigidNiveau = 'substantieel', name = 'Suzanne Moulin') {
    await page.goto(`${started().portal.url}/`);
    await page.getByRole('button', { name: 'Inloggen met DigiD' }).click();
    await logInAtIdp(page, name, niveau);
  }

  return {
    get stack() {
      return started().stack;
    },
    get portal() {
      return started().portal;
    },
    open,
    checkPage,
    logInAtIdp,
    logIn,
  };
}

/** The block of one section of a page, by its heading (level 2). */
export const section = (page: Page, heading: string) =>
  page.locator('section').filter({ has: page.getByRole('heading', { level: 2, name: heading }) });

/**
 * At the DigiD-simulator's eHerkenning form: choose a company (by KvK number) and a level, then
 * log in, with the keyboard. The simulator shows both forms whatever the portal asked for.
 */
export async function logInAtIdpWithEherkenning(
  suite: PortalSuite,
  page: Page,
  kvk: string,
  niveau: DigidNiveau = 'midden',
): Promise<void> {
  await page.waitForURL((url) => url.href.startsWith(suite.stack.idp.issuer));
  await page.locator(`#eh-bedrijf-${kvk}`).focus();
  await page.keyboard.press('Space');
  await page.locator(`#eh-niveau-${niveau}`).focus();
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: 'Inloggen met eHerkenning' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.href.startsWith(suite.portal.url) && url.pathname !== '/callback');
}

/**
 * Tab until `target` has focus, as a keyboard user gets there, and check that its focus ring
 * shows. Fails when sixty Tabs never reach it.
 */
export async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let presses = 0; presses < 60; presses++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) {
      expect(await target.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
      return;
    }
  }
  throw new Error('the keyboard never reached the element');
}
