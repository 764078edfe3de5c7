/**
 * What each peer gateway of the benchmark does per request besides routing: the same token work
 * as ours (gateway/server.ts), done the plain way. The resident's OIDC access token is checked
 * with jose against the IdP's JWKS (discovery once, `createRemoteJWKSet`, same issuer, audience
 * and `typ`), the identity is normalised with lib/identity, and every subgraph call gets an
 * internal token from lib/internal-token.ts, signed with the key the launcher gave our gateway,
 * so the subgraphs accept it. Nothing is cached beyond what jose caches itself.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { z } from 'zod';
import { appError } from '../../../lib/errors.js';
import { bearerToken } from '../../../lib/http/bearer.js';
import { identityFromClaims, pseudonymFor } from '../../../lib/identity/index.js';
import { createInternalTokenSigner, type Caller } from '../../../lib/internal-token.js';
import type { DevSecrets } from '../../dev-secrets.js';

/** The variables the benchmark gives a peer (scripts/bench/peers.ts). */
const peerEnv = z.object({
  BENCH_ISSUER: z.string().url(),
  BENCH_AUDIENCE: z.string().min(1),
  /** The launcher's dev-secrets.json: the internal token key and the pseudonym key. */
  BENCH_SECRETS_FILE: z.string().min(1),
  BENCH_SUPERGRAPH_FILE: z.string().min(1),
  /** Subgraph name → its /graphql URL on the launcher's ports, as JSON. */
  BENCH_SUBGRAPH_URLS: z.string().transform((text, context) => {
    const parsed = z.record(z.string(), z.string().url()).safeParse(JSON.parse(text));
    if (!parsed.success) {
      context.addIssue({ code: 'custom', message: 'not a map of subgraph names to URLs' });
      return z.NEVER;
    }
    return parsed.data;
  }),
});

export interface PeerConfig {
  readonly issuer: string;
  readonly audience: string;
  readonly secrets: DevSecrets;
  /** The committed supergraph with each subgraph's URL pointed at the launcher's port. */
  readonly supergraphSdl: string;
  readonly subgraphUrls: Readonly<Record<string, string>>;
}

export function readPeerConfig(environment: NodeJS.ProcessEnv = process.env): PeerConfig {
  const env = peerEnv.parse(environment);
  const subgraphUrls = env.BENCH_SUBGRAPH_URLS;
  return {
    issuer: env.BENCH_ISSUER,
    audience: env.BENCH_AUDIENCE,
    secrets: JSON.parse(readFileSync(env.BENCH_SECRETS_FILE, 'utf8')) as DevSecrets,
    supergraphSdl: withSubgraphUrls(readFileSync(env.BENCH_SUPERGRAPH_FILE, 'utf8'), subgraphUrls),
    subgraphUrls,
  };
}

/**
 * The supergraph with the `url` of each `@join__graph` replaced by the one given for its name:
 * the committed file names the default ports, the benchmark's stack runs on free ones.
 */
export function withSubgraphUrls(sdl: string, urls: Readonly<Record<string, string>>): string {
  return sdl.replace(/@join__graph\(name: "([^"]+)", url: "[^"]*"\)/g, (whole, name: string) =>
    urls[name] ? `@join__graph(name: "${name}", url: "${urls[name]}")` : whole,
  );
}

export interface TokenWork {
  /** The verified resident, or anonymous without a token; a refused token throws a 401 error. */
  caller(authorization: string | null | undefined): Promise<Caller>;
  /** A fresh internal token for one call to `subgraph`. */
  sign(subgraph: string, caller: Caller): Promise<string>;
}

/** Algorithms our gateway accepts by default (gateway/config.ts OIDC_ALGORITHMS). */
const ALGORITHMS = ['RS256', 'PS256', 'ES256'];

export async function createTokenWork(config: PeerConfig): Promise<TokenWork> {
  const discoveryUrl = `${config.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  const discovery = z
    .object({ jwks_uri: z.string().url() })
    .parse(await (await fetch(discoveryUrl, { signal: AbortSignal.timeout(10_000) })).json());
  const jwks = createRemoteJWKSet(new URL(discovery.jwks_uri));
  const signer = await createInternalTokenSigner(config.secrets.internalPrivateJwk);
  const pseudonymKey = config.secrets.pseudonymKey;
  return {
    async caller(authorization) {
      const requestId = randomUUID();
      if (!authorization) return { kind: 'anonymous', requestId };
      try {
        const token = bearerToken(authorization);
        if (!token) throw new Error('malformed Authorization header');
        const { payload } = await jwtVerify(token, jwks, {
          issuer: config.issuer,
          audience: config.audience,
          algorithms: ALGORITHMS,
          typ: 'at+jwt',
          requiredClaims: ['exp', 'iss', 'aud'],
          clockTolerance: 10,
        });
        const identity = identityFromClaims(payload, 'bsn');
        return { kind: 'person', requestId, identity, gebruikerId: pseudonymFor(identity, pseudonymKey) };
      } catch {
        throw appError('UNAUTHENTICATED', { httpStatus: 401 });
      }
    },
    sign: (subgraph, caller) => signer.sign(subgraph, caller),
  };
}

/** The line a peer prints on stdout once it listens; the benchmark waits for it. */
export function announceReady(port: number): void {
  console.log(JSON.stringify({ ready: true, port }));
}

/** The line a peer prints instead when it cannot run here (a missing optional package). */
export function announceUnavailable(reason: string): void {
  console.log(JSON.stringify({ unavailable: reason }));
}
