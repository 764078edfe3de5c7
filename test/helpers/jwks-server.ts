import { createServer, type ServerResponse } from 'node:http';
import {
  SignJWT,
  exportJWK,
  generateKeyPair,
  type CryptoKey,
  type JWK,
  type JWTHeaderParameters,
  type JWTPayload,
} from 'jose';
import { listen } from '../../lib/http/listen.js';

/**
 * A minimal OpenID provider for verification tests: a discovery document and a JWKS on
 * 127.0.0.1 port 0, with keys the test publishes and failures it chooses, counting every request.
 * It issues no tokens itself: tests sign them with {@link SigningKey}, as an attacker or as the
 * provider.
 */
export interface JwksServer extends AsyncDisposable {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** The issuer the discovery document names: `url` + the path given at start. */
  readonly issuer: string;
  readonly jwksUri: string;
  /** Requests received since start (or the last {@link resetCounts}), per path kind. */
  readonly requests: { readonly discovery: number; readonly jwks: number; readonly other: number };
  resetCounts(): void;
  /** Replaces the published keys (public parts only are served). */
  publish(keys: readonly SigningKey[]): void;
  /** How the next requests to discovery or the JWKS are answered. */
  setFault(endpoint: 'discovery' | 'jwks', fault: EndpointFault): void;
  close(): Promise<void>;
}

/**
 * - `none`: answers normally;
 * - `status`: answers with that HTTP status and an empty JSON object;
 * - `hang`: reads the request and never answers;
 * - `garbage`: 200 with a body that is not JSON;
 * - `document`: 200 with this JSON body instead of the real one;
 * - `redirect`: 302 to `location`.
 */
export type EndpointFault =
  | { kind: 'none' }
  | { kind: 'status'; status: number }
  | { kind: 'hang' }
  | { kind: 'garbage' }
  | { kind: 'document'; body: unknown }
  | { kind: 'redirect'; location: string };

/** A key pair with a `kid`, and its public JWK as a provider publishes it. */
export interface SigningKey {
  readonly kid: string;
  readonly alg: string;
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
  readonly publicJwk: JWK;
  /** Signs `claims` with this key; the header gets `alg` and `kid` unless `header` overrides them. */
  sign(claims: JWTPayload, header?: Partial<JWTHeaderParameters>): Promise<string>;
}

export async function createSigningKey(kid: string, alg = 'RS256'): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const publicJwk: JWK = { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' };
  return {
    kid,
    alg,
    privateKey,
    publicKey,
    publicJwk,
    sign: (claims, header = {}) => new SignJWT(claims).setProtectedHeader({ alg, kid, ...header }).sign(privateKey),
  };
}

/**
 * Starts a {@link JwksServer}. `issuerPath` (e.g. `/realms/gemeente`) makes the issuer carry a
 * path, as Keycloak's does; `jwksUri` overrides the URI the discovery document names.
 */
export async function startJwksServer(
  options: { keys?: readonly SigningKey[]; issuerPath?: string; jwksUri?: string } = {},
): Promise<JwksServer> {
  let published: JWK[] = (options.keys ?? []).map((key) => key.publicJwk);
  const faults: Record<'discovery' | 'jwks', EndpointFault> = { discovery: { kind: 'none' }, jwks: { kind: 'none' } };
  const counts = { discovery: 0, jwks: 0, other: 0 };
  const issuerPath = options.issuerPath ?? '';
  // Discovery 1.0 §4: the issuer's terminating "/" is removed before the well-known path is appended.
  const base = issuerPath.replace(/\/+$/, '');
  let issuer = '';
  let jwksUri = '';

  const answer = (res: ServerResponse, fault: EndpointFault, body: () => unknown): void => {
    switch (fault.kind) {
      case 'hang':
        return; // closed by close(): listen() cuts open connections
      case 'status':
        res.writeHead(fault.status, { 'content-type': 'application/json' }).end('{}');
        return;
      case 'garbage':
        res.writeHead(200, { 'content-type': 'application/json' }).end('onderhoud: <html>tot 12:00</html>');
        return;
      case 'document':
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(fault.body));
        return;
      case 'redirect':
        res.writeHead(302, { location: fault.location }).end();
        return;
      case 'none':
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body()));
    }
  };

  const server = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    if (pathname === `${base}/.well-known/openid-configuration`) {
      counts.discovery++;
      answer(res, faults.discovery, () => ({
        issuer,
        jwks_uri: jwksUri,
        id_token_signing_alg_values_supported: ['RS256'],
      }));
    } else if (pathname === `${base}/jwks`) {
      counts.jwks++;
      answer(res, faults.jwks, () => ({ keys: published }));
    } else {
      counts.other++;
      res.writeHead(404, { 'content-type': 'application/json' }).end('{}');
    }
  });
  const listening = await listen(server, { port: 0 });
  issuer = `${listening.url}${issuerPath}`;
  jwksUri = options.jwksUri ?? `${listening.url}${base}/jwks`;

  return {
    url: listening.url,
    issuer,
    jwksUri,
    get requests() {
      return { ...counts };
    },
    resetCounts() {
      counts.discovery = 0;
      counts.jwks = 0;
      counts.other = 0;
    },
    publish(keys) {
      published = keys.map((key) => key.publicJwk);
    },
    setFault(endpoint, fault) {
      faults[endpoint] = fault;
    },
    close: () => listening.close(),
    [Symbol.asyncDispose]: () => listening.close(),
  };
}

/** A URL on loopback where nothing listens: a provider whose process is gone. */
export async function closedUrl(): Promise<string> {
  const listening = await listen(createServer(), { port: 0 });
  await listening.close();
  return listening.url;
}
