import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/stack.js';

/** Debian's Chromium; `.ci/run` installs it. Never a downloaded browser. */
const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium)
  console.warn(`SKIPPED: the playground browser test needs Chromium at ${CHROMIUM} (apt-get install chromium).`);

/** Only this machine: the page must not call a CDN or any other host. */
const LOOPBACK = /^(https?|wss?):\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\//;

describe.skipIf(!hasChromium)('the GraphQL playground in a real browser', () => {
  let stack: Stack;
  let browser: Browser;
  beforeAll(async () => {
    stack = await startStack({ playground: true });
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
  afterAll(async () => {
    await browser?.close();
    await stack?.[Symbol.asyncDispose]();
  });

  // Generous timeouts: GraphiQL's bundle is large and CI machines are shared.
  it(
    'logs in as a test person, runs MijnOverzicht and shows the name, calling nothing off loopback',
    { timeout: 120_000 },
    async () => {
      const context = await browser.newContext();
      const requested: string[] = [];
      context.on('request', (request) => requested.push(request.url()));
      const page = await context.newPage();
      const root = stack.gatewayUrl.replace(/\/graphql$/, '/');

      await page.goto(root);
      await expect.poll(() => page.locator('#login-status').textContent()).toBe('Niet ingelogd.');

      await page.getByRole('button', { name: 'Inloggen als testpersoon' }).click();
      await page.waitForURL((url) => url.toString().startsWith(stack.idp.issuer));
      await page.getByLabel('Suzanne Moulin').check();
      await page.getByRole('button', { name: 'Inloggen met DigiD' }).click();

      await page.waitForURL(root);
      await expect
        .poll(() => page.locator('#login-status').textContent(), { timeout: 30_000 })
        .toMatch(/^Ingelogd als testpersoon BSN 999993653/);

      // The first tab holds MijnOverzicht; run it.
      // Monaco renders spaces as no-break spaces.
      const editorText = async () =>
        (await page.locator('.graphiql-query-editor').textContent())?.replace(/\u00a0/g, ' ');
      await expect.poll(editorText, { timeout: 30_000 }).toContain('query MijnOverzicht');
      await page.locator('.graphiql-execute-button').click();
      await expect
        .poll(async () => (await page.locator('.graphiql-response').textContent())?.replace(/\u00a0/g, ' '), {
          timeout: 30_000,
        })
        .toContain('Suzanne Moulin');

      const offLoopback = requested.filter(
        (url) => !url.startsWith('data:') && !url.startsWith('blob:') && !LOOPBACK.test(url),
      );
      expect(offLoopback).toEqual([]);
      await context.close();
    },
  );

  it('serves the page with a Content-Security-Policy that allows only the gateway and the login', async () => {
    const response = await fetch(stack.gatewayUrl.replace(/\/graphql$/, '/'));
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain(`connect-src 'self' ${new URL(stack.idp.issuer).origin}`);
    expect(await response.text()).not.toMatch(/https?:\/\/(?!127\.0\.0\.1|localhost)/);
  });
});
