import { appError } from '../errors.js';
import { bearerToken } from '../http/bearer.js';
import {
  identityFromClaims,
  MachtigingNotAllowedError,
  pseudonymFor,
  type ClaimPreset,
  type MachtigingDiensten,
} from '../identity/index.js';
import type { Caller } from '../internal-token.js';
import type { Logger } from '../logging.js';
import { withVerifiedTokenCache } from './verified-tokens.js';
import {
  createOidcVerifier,
  IdentityProviderUnavailableError,
  type OidcVerifier,
  type OidcVerifierOptions,
} from './verifier.js';

/** How residents' access tokens are verified, as configured (`OIDC_*`); clock and fetch stay the defaults. */
export type OidcVerification = Omit<OidcVerifierOptions, 'fetch' | 'now'>;

/**
 * Everything that turns a resident's access token into a {@link Caller}: the gateway has these
 * settings, and so does a subgraph with `SUBGRAPH_AUTH=oidc`. The same pseudonym key gives the
 * same `Gebruiker.id` in both.
 */
export interface ResidentTokenSettings {
  readonly verification: OidcVerification;
  readonly claimPreset: ClaimPreset;
  readonly machtigingDiensten: MachtigingDiensten;
  readonly pseudonymKey: string;
}

/**
 * The caller behind an `Authorization` header: anonymous without one, the verified resident with
 * a valid access token; otherwise a coded error that refuses the whole request.
 */
export type ResidentCallers = (authorization: string | undefined, requestId: string) => Promise<Caller>;

/**
 * The verifier of residents' access tokens as production runs it: remembered by token hash, as a
 * portal sends the same token with every page of a session.
 */
export function createResidentTokenVerifier(verification: OidcVerification): OidcVerifier {
  return withVerifiedTokenCache(createOidcVerifier(verification));
}

export interface ResidentCallersOptions {
  oidc: OidcVerifier;
  claimPreset: ClaimPreset;
  machtigingDiensten?: MachtigingDiensten;
  pseudonymKey: string;
  logger: Logger;
}

/**
 * Resolves who is asking from the resident's own access token: the one implementation the
 * gateway and a subgraph in oidc mode share, so both give the same identity, the same
 * `Gebruiker.id` and the same refusals. A token that is present but not valid refuses the whole
 * request (401), so a client never mistakes it for an anonymous request; why it was refused is
 * for our logs, the client learns only that it was.
 */
export function createResidentCallers(options: ResidentCallersOptions): ResidentCallers {
  const { logger } = options;
  const diensten = options.machtigingDiensten ?? {};
  /*
   * The resident a verified token names, per claims object: the verified-token cache hands back
   * the same object for every page of a session, so the identity and its HMAC pseudonym are
   * derived once per token instead of once per request.
   */
  const residents = new WeakMap<object, Pick<Extract<Caller, { kind: 'person' }>, 'identity' | 'gebruikerId'>>();
  const residentOf = (claims: Parameters<typeof identityFromClaims>[0]) => {
    const known = residents.get(claims);
    if (known) return known;
    const identity = identityFromClaims(claims, options.claimPreset, diensten);
    const resident = { identity, gebruikerId: pseudonymFor(identity, options.pseudonymKey) };
    residents.set(claims, resident);
    return resident;
  };
  return async (authorization, requestId) => {
    if (!authorization) return { kind: 'anonymous', requestId };
    const refused = (reason: string) => {
      logger.info({ requestId, reason }, 'token refused');
      return appError('UNAUTHENTICATED', {
        httpStatus: 401,
        httpHeaders: { 'www-authenticate': 'Bearer error="invalid_token"' },
      });
    };
    const token = bearerToken(authorization);
    if (!token) throw refused('malformed Authorization header');
    try {
      return { kind: 'person', requestId, ...residentOf(await options.oidc.verify(token)) };
    } catch (error) {
      if (error instanceof IdentityProviderUnavailableError) {
        logger.error({ requestId, reason: error.message }, 'identity provider unavailable');
        throw appError('INTERNAL_SERVER_ERROR', {
          message: 'Wij kunnen uw inlog nu niet controleren. Probeer het later opnieuw.',
          httpStatus: 503,
        });
      }
      if (error instanceof MachtigingNotAllowedError) {
        logger.info({ requestId, reason: error.message }, 'machtiging refused');
        throw appError('FORBIDDEN', {
          message: 'U kunt hier niet namens deze persoon of dit bedrijf inloggen.',
          httpStatus: 403,
        });
      }
      throw refused(error instanceof Error ? error.message : 'unknown');
    }
  };
}

/** {@link createResidentCallers} from the configured settings, with the production verifier. */
export function residentCallersFrom(settings: ResidentTokenSettings, logger: Logger): ResidentCallers {
  return createResidentCallers({
    oidc: createResidentTokenVerifier(settings.verification),
    claimPreset: settings.claimPreset,
    machtigingDiensten: settings.machtigingDiensten,
    pseudonymKey: settings.pseudonymKey,
    logger,
  });
}
