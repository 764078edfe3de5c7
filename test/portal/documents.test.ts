import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listen, type Listening } from '../../lib/http/listen.js';
import { fileName, gatewayDocumentUrl } from '../../portal/bff/documents.js';
import { loadPortalOperations } from '../../portal/bff/operations.js';
import { createPortal } from '../../portal/bff/portal.js';
import { createMemorySessionStore, type SessionStore } from '../../portal/bff/sessions.js';
import { OPERATIONS_DIR } from './harness.js';

const SECRET = 'test-portaal-sessie-geheim-0123456789';
/** A file that starts as a PDF does, with bytes that are not text, so a mangled stream shows. */
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from([0, 1, 2, 250, 251, 252, 253, 254, 255])]);

interface Seen {
  readonly url: string;
  readonly authorization: string | undefined;
}

/** A stand-in gateway that serves documents by token, and records what it was asked. */
function gatewayHandler(seen: Seen[]) {
  return (req: IncomingMessage, res: ServerResponse) => {
    seen.push({ url: req.url ?? '', authorization: req.headers.authorization });
    switch (req.url) {
      case '/documenten/besluit.abc_DEF-123':
        res.writeHead(200, {
          'content-type': 'application/pdf',
          'content-length': String(PDF.length),
          'content-disposition': `attachment; filename="besluit.pdf"; filename*=UTF-8''besluit%20%C3%A9%C3%A9n.pdf`,
        });
        res.end(PDF);
        return;
      case '/documenten/pagina':
        res.writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          'content-disposition': 'attachment; filename="../../etc/pagina.html"',
        });
        res.end('<script>alert(1)</script>');
        return;
      case '/documenten/verlopen':
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ melding: 'intern: http://zaken.intern:4003/documenten/api/v1/x' }));
        return;
      default:
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('stack trace at http://zaken.intern:4003');
    }
  };
}

/**
 * The portal's document route, without a browser: it fetches only under the gateway's own
 * document path, with the session's token, and hands the file on as a safe download.
 */
describe('the portal back-end: documents of a zaak', () => {
  let gateway: Listening;
  let elsewhere: Listening;
  let portal: Listening;
  let sessions: SessionStore;
  let staticDir: string;
  const toGateway: Seen[] = [];
  const toElsewhere: Seen[] = [];

  beforeAll(async () => {
    staticDir = mkdtempSync(join(tmpdir(), 'portaal-documenten-'));
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><html lang="nl"><title>t</title></html>');
    gateway = await listen(createServer(gatewayHandler(toGateway)), { port: 0 });
    elsewhere = await listen(createServer(gatewayHandler(toElsewhere)), { port: 0 });
    const server = createServer();
    portal = await listen(server, { port: 0 });
    sessions = createMemorySessionStore({ secret: SECRET, idleMs: 15 * 60_000 });
    server.on(
      'request',
      createPortal({
        publicUrl: portal.url,
        gatewayUrl: `${gateway.url}/graphql`,
        // Never reached: nobody logs in here; sessions are made directly.
        oidc: { issuer: 'http://127.0.0.1:9', clientId: 'portaal', redirectUri: `${portal.url}/callback` },
        sessions,
        operations: loadPortalOperations(OPERATIONS_DIR),
        staticDir,
      }).handler,
    );
  });
  beforeEach(() => {
    toGateway.length = 0;
    toElsewhere.length = 0;
  });
  afterAll(async () => {
    await portal?.close();
    await gateway?.close();
    await elsewhere?.close();
    rmSync(staticDir, { recursive: true, force: true });
  });

  const loggedIn = () =>
    `portaal_sessie=${sessions.create({ accessToken: 'het-token-van-de-inwoner', verlooptOp: Date.now() + 3_600_000 })}`;
  const download = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${portal.url}${path}`, { headers: { 'sec-fetch-site': 'same-origin', ...headers }, redirect: 'manual' });
  /** As sent, without the URL clean-up fetch does (`..` and `%2e%2e` stay in the path). */
  const raw = (path: string, cookie: string) =>
    new Promise<{ status: number; headers: IncomingHttpHeaders }>((resolve, reject) => {
      const { hostname, port } = new URL(portal.url);
      request({ hostname, port, path, headers: { cookie, 'sec-fetch-site': 'same-origin' } }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
      })
        .on('error', reject)
        .end();
    });

  it('fetches the document at the gateway with the session token and hands it on as a download', async () => {
    const response = await download('/documenten/besluit.abc_DEF-123', { cookie: loggedIn() });
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(PDF);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-length')).toBe(String(PDF.length));
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="besluit __n.pdf"; filename*=UTF-8''besluit%20%C3%A9%C3%A9n.pdf`,
    );
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
    expect(toGateway).toEqual([
      { url: '/documenten/besluit.abc_DEF-123', authorization: 'Bearer het-token-van-de-inwoner' },
    ]);
  });

  it('refuses a link to another host or outside the document path, and asks no one', async () => {
    const host = new URL(elsewhere.url).host;
    const cookie = loggedIn();
    for (const path of [
      `/documenten/${encodeURIComponent(`${elsewhere.url}/documenten/besluit.abc_DEF-123`)}`,
      `/documenten/${encodeURIComponent(`//${host}/documenten/besluit.abc_DEF-123`)}`,
      `/documenten/${encodeURIComponent(`@${host}`)}`,
      `/documenten/${encodeURIComponent('../graphql')}`,
      '/documenten/..',
      '/documenten/%2e%2e',
      `/documenten/${elsewhere.url}/documenten/besluit.abc_DEF-123`,
      '/documenten/besluit%3Fx=1',
    ]) {
      const response = await raw(path, cookie);
      expect(response.status, path).toBe(404);
      expect(response.headers['content-disposition'], path).toBeUndefined();
      expect(response.headers['content-type'], path).not.toMatch(/pdf/);
    }
    expect(toElsewhere).toEqual([]);
    expect(toGateway).toEqual([]);
  });

  it('builds gateway addresses only under its document path, a gateway behind a path prefix included', () => {
    expect(gatewayDocumentUrl('https://api.voorbeeldstad.nl/graphql', 'abc.def')?.href).toBe(
      'https://api.voorbeeldstad.nl/documenten/abc.def',
    );
    expect(gatewayDocumentUrl('https://www.voorbeeldstad.nl/profiel/graphql', 'abc')?.href).toBe(
      'https://www.voorbeeldstad.nl/profiel/documenten/abc',
    );
    for (const token of [
      'https://kwaadwillend.example/documenten/abc',
      '//kwaadwillend.example/abc',
      '@kwaadwillend.example',
      '..',
      '.',
      '../graphql',
      'abc/def',
      'abc%2Fdef',
      'abc?x=1',
      'abc#x',
      '',
      'a'.repeat(5000),
    ]) {
      expect(gatewayDocumentUrl('https://api.voorbeeldstad.nl/graphql', token), token).toBeUndefined();
    }
  });

  it('asks for a login without a session, and refuses a request another site makes', async () => {
    const signedOut = await download('/documenten/besluit.abc_DEF-123');
    expect(signedOut.status).toBe(401);
    expect(await signedOut.text()).toBe(
      'U bent niet meer ingelogd. Log opnieuw in en kies het document dan opnieuw bij uw zaak.',
    );
    const cookie = loggedIn();
    for (const site of ['cross-site', 'same-site']) {
      const response = await download('/documenten/besluit.abc_DEF-123', { cookie, 'sec-fetch-site': site });
      expect(response.status).toBe(403);
    }
    // An address the resident typed or saved is theirs to open.
    expect((await download('/documenten/besluit.abc_DEF-123', { cookie, 'sec-fetch-site': 'none' })).status).toBe(200);
    expect(toGateway).toHaveLength(1);
  });

  it('passes nothing of the gateway on when it fails, and serves a page-like file as bytes', async () => {
    const cookie = loggedIn();
    const expired = await download('/documenten/verlopen', { cookie });
    expect(expired.status).toBe(404);
    expect(expired.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await expired.text()).toBe('Deze link werkt niet meer. Ga terug naar uw zaak en kies het document opnieuw.');

    const broken = await download('/documenten/kapot', { cookie });
    expect(broken.status).toBe(502);
    expect(await broken.text()).toBe('We kunnen dit document nu niet ophalen. Probeer het later opnieuw.');

    const page = await download('/documenten/pagina', { cookie });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('application/octet-stream');
    expect(page.headers.get('content-disposition')).toBe(
      `attachment; filename="pagina.html"; filename*=UTF-8''pagina.html`,
    );
    expect(page.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
  });

  it('keeps a file name without path, quotes or control characters', () => {
    expect(fileName(`attachment; filename*=UTF-8''..%2F..%2Fgeheim%0A.pdf`)).toBe('geheim.pdf');
    expect(fileName('attachment; filename="C:\\\\map\\\\besluit.pdf"')).toBe('besluit.pdf');
    expect(fileName(`attachment; filename*=UTF-8''%E0%A4%A`)).toBe('document');
    expect(fileName(null)).toBe('document');
    expect(fileName('attachment; filename=".."')).toBe('document');
  });
});
