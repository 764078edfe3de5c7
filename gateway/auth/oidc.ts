import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import { z } from 'zod';

/** The token is not acceptable (signature, issuer, audience, expiry, algorithm...). */
export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError';
}

/** The identity provider could not be reached to verify (discovery or JWKS down). */
export class IdentityProviderUnavailableError extends Error {
  override readonly name = 'IdentityProviderUnavailableError';
}

export interface OidcVerifierOptions {
  issuer: string;
  audience: string;
  algorithms: string[];
  clockToleranceSeconds: number;
  /** For tests and proxies; defaults to global fetch. */
  fetch?: typeof fetch;
  now?: () => Date;
}

export interface OidcVerifier {
  /** The verified claims, or InvalidTokenError / IdentityProviderUnavailableError. */
  verify(token: string): Promise<JWTPayload>;
}

const discoverySchema = z.object({ issuer: z.string(), jwks_uri: z.string().url() });

/**
 * Verifies access tokens of the OIDC provider the way production does: discovery document,
 * remote JWKS (cached and rate-limited by jose), an algorithm allow-list (never `none` or HMAC),
 * and required `iss`, `aud`, `exp`. Discovery is read on first use and retried after a failure.
 */
export function createOidcVerifier(options: OidcVerifierOptions): OidcVerifier {
  const fetchImpl = options.fetch ?? fetch;
  let jwks: Promise<ReturnType<typeof createRemoteJWKSet>> | undefined;

  const discover = async () => {
    const url = `${options.issuer}/.well-known/openid-configuration`;
    let body: unknown;
    try {
      const response = await fetchImpl(url, { signal: AbortSignal.timeout(5_000) });
      if (!response.ok) throw new Error(`discovery answered ${response.status}`);
      body = await response.json();
    } catch (error) {
      throw new IdentityProviderUnavailableError(error instanceof Error ? error.message : 'discovery failed');
    }
    const discovery = discoverySchema.safeParse(body);
    if (!discovery.success || discovery.data.issuer.replace(/\/+$/, '') !== options.issuer) {
      throw new IdentityProviderUnavailableError('discovery document does not match the configured issuer');
    }
    return createRemoteJWKSet(new URL(discovery.data.jwks_uri), { timeoutDuration: 5_000 });
  };

  return {
    async verify(token) {
      jwks ??= discover().catch((error: unknown) => {
        jwks = undefined; // try discovery again on the next request
        throw error;
      });
      const keySet = await jwks;
      try {
        const { payload } = await jwtVerify(token, keySet, {
          issuer: options.issuer,
          audience: options.audience,
          algorithms: options.algorithms,
          requiredClaims: ['exp', 'iss', 'aud'],
          clockTolerance: options.clockToleranceSeconds,
          ...(options.now ? { currentDate: options.now() } : {}),
        });
        return payload;
      } catch (error) {
        if (error instanceof joseErrors.JWKSTimeout || (error instanceof Error && error.name === 'TypeError')) {
          throw new IdentityProviderUnavailableError('JWKS could not be fetched');
        }
        throw new InvalidTokenError(error instanceof Error ? `${error.name}: ${error.message}` : 'invalid token');
      }
    },
  };
}
