import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/stack.js';

/** Debian's Chromium; `.ci/run` installs it. Never a downloaded browser. */
const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium)
  console.warn(`SKIPPED: the playground browser test needs Chromium at ${CHROMIUM} (apt-get install chromium).`);

/** Only this machine: the page must not call a CDN or any other host. */
const LOOPBACK = /^(https?|wss?):\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\//;

const IDP_DOWN = 'Inloggen lukt nu niet: de inlogdienst antwoordt niet. Probeer het later opnieuw.';

/** The sizes the page must fit: laptop, desktop, small laptop or tablet, phone (last). */
const LAPTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const VIEWPORTS = [LAPTOP, { width: 1920, height: 1080 }, { width: 1024, height: 768 }, PHONE];

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];
/**
 * Violations that lie wholly inside GraphiQL's own markup and that no stylesheet or attribute the
 * page serves can fix. Each is one rule on one selector, so anything else still fails the test.
 */
const GRAPHIQL_OWN_VIOLATIONS = [
  {
    // GraphiQL renders each operation tab as `<li role="tab">` holding two buttons (select, close).
    // Fixing it means other markup in GraphiQL's React components; CSS cannot move the buttons out.
    rule: 'nested-interactive',
    selector: '.graphiql-tabs > li.graphiql-tab[role="tab"]',
  },
];

interface AxeFinding {
  rule: string;
  impact: string | null;
  targets: string[];
}

/**
 * Runs axe-core in the page, under the page's own Content-Security-Policy: `page.evaluate` runs
 * through the DevTools protocol, which the CSP does not govern (addScriptTag would add an inline
 * script, which `script-src 'self'` rightly refuses). Returns the serious and critical findings,
 * less the listed ones of GraphiQL's own markup.
 */
async function seriousA11yFindings(page: Page): Promise<AxeFinding[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    async ({ tags, allowed }) => {
      interface AxeResults {
        violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: string[] }> }>;
      }
      const axe = (window as unknown as { axe: { run(context: Document, options: unknown): Promise<AxeResults> } }).axe;
      const { violations } = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
      const isAllowed = (rule: string, target: string[]): boolean => {
        const element = target.length === 1 && target[0] ? document.querySelector(target[0]) : null;
        return allowed.some((entry) => entry.rule === rule && element !== null && element.matches(entry.selector));
      };
      return violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map((violation) => ({
          rule: violation.id,
          impact: violation.impact,
          targets: violation.nodes.map((node) => node.target).filter((target) => !isAllowed(violation.id, target)),
        }))
        .filter((finding) => finding.targets.length > 0)
        .map((finding) => ({ ...finding, targets: finding.targets.map((target) => target.join(' ')) }));
    },
    { tags: WCAG_22_AA, allowed: GRAPHIQL_OWN_VIOLATIONS },
  );
}

/** Where the header bar, GraphiQL and its bottom pane are, and whether the document scrolls. */
async function measureLayout(page: Page) {
  return page.evaluate(() => {
    const box = (selector: string) => {
      const element = document.querySelector(selector);
      if (!element) throw new Error(`${selector} is not on the page`);
      const { top, bottom, left, right, height } = element.getBoundingClientRect();
      return { top, bottom, left, right, height };
    };
    const scrolling = document.scrollingElement ?? document.documentElement;
    return {
      viewport: { width: innerWidth, height: innerHeight },
      scroll: { width: scrolling.scrollWidth, height: scrolling.scrollHeight },
      header: box('.login-bar'),
      graphiql: box('#graphiql .graphiql-container'),
      bottomPane: box('.graphiql-editor-tools'),
    };
  });
}

/** Monaco renders spaces as no-break spaces. */
const textOf = async (page: Page, selector: string) =>
  (await page.locator(selector).textContent())?.replace(/\u00a0/g, ' ') ?? '';

/** A JWT that reads like the IdP's but that no key of the gateway signed. */
function tokenTheGatewayRefuses(issuer: string): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return [
    part({ alg: 'RS256', typ: 'JWT', kid: 'niet-van-de-inlogdienst' }),
    part({ iss: issuer, aud: 'profielservice', sub: 'test', bsn: '999993653', iat: now, exp: now + 900 }),
    Buffer.from('geen echte handtekening').toString('base64url'),
  ].join('.');
}

describe.skipIf(!hasChromium)('the GraphQL playground in a real browser', () => {
  let stack: Stack;
  let browser: Browser;
  let root: string;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    stack = await startStack({ playground: true });
    root = stack.gatewayUrl.replace(/\/graphql$/, '/');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    });
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.[Symbol.asyncDispose]();
  });

  /**
   * A fresh browser context. Every test ends with `expectOnlyLoopback`: whatever the page does, it
   * calls nothing off this machine, and the browser reports no Content-Security-Policy violation.
   */
  async function open(options: { fakeClock?: boolean } = {}) {
    const context = await browser.newContext({ viewport: LAPTOP });
    contexts.push(context);
    const requested: string[] = [];
    const cspViolations: string[] = [];
    context.on('request', (request) => requested.push(request.url()));
    const page = await context.newPage();
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    // Playwright's clock: time runs as usual until a test jumps it forward.
    if (options.fakeClock) await page.clock.install();
    const expectOnlyLoopback = () => {
      expect(requested.filter((url) => !/^(data|blob):/.test(url) && !LOOPBACK.test(url))).toEqual([]);
      expect(cspViolations).toEqual([]);
    };
    return { page, context, expectOnlyLoopback };
  }

  const status = (page: Page) => page.locator('#login-status').textContent();

  /** Logs in at the DigiD-simulator from the playground's button, as a developer would. */
  async function logInAs(page: Page, name: string) {
    await page.getByRole('button', { name: 'Inloggen als testpersoon' }).click();
    await page.waitForURL((url) => url.toString().startsWith(stack.idp.issuer));
    await page.getByLabel(name).check();
    await page.getByRole('button', { name: 'Inloggen met DigiD' }).click();
    await page.waitForURL(root);
  }

  /** Runs the operation in the first tab (MijnOverzicht) and returns the request it sent. */
  async function runMijnOverzicht(page: Page): Promise<Request> {
    await expect
      .poll(() => textOf(page, '.graphiql-query-editor'), { timeout: 30_000 })
      .toContain('query MijnOverzicht');
    const sent = page.waitForRequest(
      (request) => request.url().endsWith('/graphql') && (request.postData() ?? '').includes('MijnOverzicht'),
    );
    await page.locator('.graphiql-execute-button').click();
    return sent;
  }

  it(
    'fills exactly the viewport below the header bar at common sizes, its bottom pane visible and usable',
    { timeout: 60_000 },
    async () => {
      const { page, expectOnlyLoopback } = await open();
      await page.goto(root);
      await page.locator('.graphiql-editor-tools').waitFor();

      for (const size of VIEWPORTS) {
        await page.setViewportSize(size);
        // GraphiQL lays itself out again after a resize; wait until it fits.
        await expect
          .poll(async () => (await measureLayout(page)).graphiql.bottom, { timeout: 10_000 })
          .toBeCloseTo(size.height, 0);
        const layout = await measureLayout(page);
        const at = `${size.width}×${size.height}`;
        // The document does not scroll, either way.
        expect(layout.scroll.height, at).toBeLessThanOrEqual(layout.viewport.height);
        expect(layout.scroll.width, at).toBeLessThanOrEqual(layout.viewport.width);
        // GraphiQL starts where the header bar ends and stops at the bottom of the viewport.
        expect(layout.graphiql.top, at).toBeCloseTo(layout.header.bottom, 0);
        expect(layout.graphiql.bottom, at).toBeCloseTo(layout.viewport.height, 0);
        // Its bottom pane (the Variables/Headers tab bar) lies wholly inside the viewport.
        expect(layout.bottomPane.top, at).toBeGreaterThanOrEqual(layout.header.bottom);
        expect(layout.bottomPane.bottom, at).toBeLessThanOrEqual(layout.viewport.height);
        expect(layout.bottomPane.height, at).toBeGreaterThan(30);
      }

      // Usable on the smallest screen: open Variables and type in it. Playwright clicks only what
      // is visible and not covered, and scrolls nothing here, as the page cannot scroll.
      await page.getByRole('button', { name: 'Variables', exact: true }).click();
      const variables = page.locator('section.graphiql-editor-tool[aria-label="Variables"]');
      const pane = await variables.boundingBox();
      expect(pane).not.toBeNull();
      // Room for a few lines of JSON.
      expect(pane?.height ?? 0).toBeGreaterThanOrEqual(90);
      expect((pane?.y ?? 0) + (pane?.height ?? 0)).toBeLessThanOrEqual(PHONE.height);
      // The section holds the Headers editor too, hidden until its tab is chosen.
      const variablesEditor =
        '.graphiql-editor-tool[aria-label="Variables"] .graphiql-editor:not(.hidden) .monaco-editor';
      await page.locator(variablesEditor).click();
      await page.keyboard.type('{"sleutel": 1');
      await expect.poll(() => textOf(page, variablesEditor)).toContain('"sleutel": 1');
      expect((await measureLayout(page)).scroll.height).toBeLessThanOrEqual(PHONE.height);
      expectOnlyLoopback();
    },
  );

  it('has no serious or critical WCAG 2.2 AA failure when logged out', { timeout: 60_000 }, async () => {
    const { page, expectOnlyLoopback } = await open();
    await page.goto(root);
    await expect.poll(() => status(page)).toBe('Niet ingelogd.');
    await page.locator('.graphiql-tab').first().waitFor();
    expect(await seriousA11yFindings(page)).toEqual([]);
    expectOnlyLoopback();
  });

  // Generous timeouts: GraphiQL's bundle is large and CI machines are shared.
  it(
    'logs in as a test person, runs MijnOverzicht, is accessible, and once the token expires says so and stops sending it',
    { timeout: 120_000 },
    async () => {
      const { page, expectOnlyLoopback } = await open({ fakeClock: true });
      await page.goto(root);
      await expect.poll(() => status(page)).toBe('Niet ingelogd.');

      await logInAs(page, 'Suzanne Moulin');
      await expect.poll(() => status(page), { timeout: 30_000 }).toMatch(/^Ingelogd als testpersoon BSN 999993653/);

      const sent = await runMijnOverzicht(page);
      expect(sent.headers()['authorization']).toMatch(/^Bearer /);
      await expect.poll(() => textOf(page, '.graphiql-response'), { timeout: 30_000 }).toContain('Suzanne Moulin');
      expect(await seriousA11yFindings(page)).toEqual([]);

      // The simulator's tokens live 15 minutes. Let 16 pass on the page's clock.
      await page.clock.fastForward('16:00');
      await expect
        .poll(() => status(page))
        .toBe('Uw inlog is verlopen. Log opnieuw in om weer vragen over "me" te stellen.');
      expect(await page.getByRole('button', { name: 'Opnieuw inloggen' }).isVisible()).toBe(true);
      expect(await page.getByRole('button', { name: 'Uitloggen' }).isVisible()).toBe(false);

      // The next run goes without the stale token: the gateway answers as to anyone not logged in.
      const after = await runMijnOverzicht(page);
      expect(after.headers()['authorization']).toBeUndefined();
      await expect.poll(() => textOf(page, '.graphiql-response'), { timeout: 30_000 }).toContain('UNAUTHENTICATED');
      expectOnlyLoopback();
    },
  );

  it(
    'says the login has expired when the gateway refuses the token the page holds, and stops sending it',
    { timeout: 60_000 },
    async () => {
      const { page, context, expectOnlyLoopback } = await open();
      // As after a restart of the identity provider with new keys: the page still holds a token
      // that looks valid (exp an hour away) but that the gateway refuses with 401.
      const refused = tokenTheGatewayRefuses(stack.idp.issuer);
      await context.addInitScript((token) => {
        if (!sessionStorage.getItem('test.seeded')) {
          sessionStorage.setItem('test.seeded', 'ja');
          sessionStorage.setItem('profielservice.playground.token', token);
        }
      }, refused);
      const authorizations: Array<string | undefined> = [];
      page.on('request', (request) => {
        if (request.url().endsWith('/graphql')) authorizations.push(request.headers()['authorization']);
      });
      await page.goto(root);

      // GraphiQL's first request (its schema) carries the token; the 401 turns the header over.
      await expect
        .poll(() => status(page), { timeout: 30_000 })
        .toBe(
          'Uw inlog is verlopen: de gateway accepteert hem niet meer. Log opnieuw in om weer vragen over "me" te stellen.',
        );
      expect(authorizations[0]).toBe(`Bearer ${refused}`);
      expect(await page.getByRole('button', { name: 'Opnieuw inloggen' }).isVisible()).toBe(true);

      const after = await runMijnOverzicht(page);
      expect(after.headers()['authorization']).toBeUndefined();
      await expect.poll(() => textOf(page, '.graphiql-response'), { timeout: 30_000 }).toContain('UNAUTHENTICATED');
      expect(authorizations.filter((authorization) => authorization !== undefined)).toHaveLength(1);
      expectOnlyLoopback();
    },
  );

  it(
    'says in the header that the login service does not answer: refused, silent, or failing at the token exchange',
    { timeout: 60_000 },
    async () => {
      const { page, context, expectOnlyLoopback } = await open({ fakeClock: true });
      const issuer = stack.idp.issuer;
      await page.goto(root);
      await expect.poll(() => status(page)).toBe('Niet ingelogd.');

      // The IdP refuses connections, as when it is not running.
      await context.route(`${issuer}/**`, (route) => route.abort('connectionrefused'));
      await page.getByRole('button', { name: 'Inloggen als testpersoon' }).click();
      await expect.poll(() => status(page)).toBe(IDP_DOWN);

      // The IdP accepts the connection but never answers: the page gives up after its timeout.
      await context.unrouteAll();
      await context.route(`${issuer}/**`, () => undefined);
      await page.getByRole('button', { name: 'Inloggen als testpersoon' }).click();
      await expect.poll(() => status(page)).toBe('Bezig met inloggen…');
      await page.clock.fastForward('00:30');
      await expect.poll(() => status(page)).toBe(IDP_DOWN);
      expect(await page.getByRole('button', { name: 'Inloggen als testpersoon' }).isVisible()).toBe(true);

      // The login at the IdP works, but the token exchange after it does not get through.
      await context.unrouteAll({ behavior: 'ignoreErrors' });
      const { token_endpoint } = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as {
        token_endpoint: string;
      };
      await context.route(token_endpoint, (route) => route.abort('connectionrefused'));
      await logInAs(page, 'Suzanne Moulin');
      await expect.poll(() => status(page), { timeout: 30_000 }).toBe(IDP_DOWN);
      expect(await page.evaluate(() => sessionStorage.getItem('profielservice.playground.token'))).toBeNull();
      expectOnlyLoopback();
    },
  );

  it('serves the page with a Content-Security-Policy that allows only the gateway and the login', async () => {
    const response = await fetch(root);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain(`connect-src 'self' ${new URL(stack.idp.issuer).origin}`);
    expect(await response.text()).not.toMatch(/https?:\/\/(?!127\.0\.0\.1|localhost)/);
  });
});
