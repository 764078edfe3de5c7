import { SignJWT } from 'jose';
import { createExpiringMap } from '../cache/expiring-map.js';

/** Who a request is for, as the ZGW audit trail records it (`user_id`, `user_representation`). */
export interface ZgwActor {
  userId: string;
  userRepresentation: string;
}

/** The credentials of one ZGW application (Open Zaak: one client for Zaken, Catalogi and Documenten). */
export interface ZgwCredentials {
  clientId: string;
  secret: string;
}

/** How long one minted token is used again for the same application and resident. */
const REUSE_MS = 30_000;
const remembered = createExpiringMap<{ token: Promise<string>; mintedAtMs: number }>();

/**
 * ZGW authorisation: an HS256 JWT with `iss`/`client_id`, `iat` in seconds (ZGW servers reject a
 * token whose `iat` is too old or in milliseconds), and the resident as
 * `user_id`/`user_representation` for the audit trail. A token is used again for the same
 * application and resident for 30 seconds: a page makes several calls per zaaksysteem, and
 * signing each costs more than the call's own work, while an `iat` 30 s old is well inside what
 * ZGW servers accept (Open Zaak: an hour by default).
 */
export function zgwToken(credentials: ZgwCredentials, actor: ZgwActor, nowMs: number): Promise<string> {
  const key = JSON.stringify([credentials.clientId, credentials.secret, actor.userId, actor.userRepresentation]);
  const known = remembered.get(key, nowMs);
  if (known && nowMs >= known.mintedAtMs) return known.token;
  const token = mintZgwToken(credentials, actor, nowMs);
  remembered.set(key, { token, mintedAtMs: nowMs }, nowMs + REUSE_MS);
  // A failed signing is not remembered.
  token.catch(() => remembered.delete(key));
  return token;
}

function mintZgwToken(credentials: ZgwCredentials, actor: ZgwActor, nowMs: number): Promise<string> {
  return new SignJWT({
    client_id: credentials.clientId,
    user_id: actor.userId,
    user_representation: actor.userRepresentation,
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(credentials.clientId)
    .setIssuedAt(Math.floor(nowMs / 1000))
    .sign(new TextEncoder().encode(credentials.secret));
}

/** The headers of every ZGW call: a JWT (see {@link zgwToken}) and the CRS headers Zaken API 1.5.1 requires. */
export async function zgwHeaders(
  credentials: ZgwCredentials,
  actor: ZgwActor,
  nowMs: number,
): Promise<Record<string, string>> {
  return {
    authorization: `Bearer ${await zgwToken(credentials, actor, nowMs)}`,
    'accept-crs': 'EPSG:4326',
    'content-crs': 'EPSG:4326',
  };
}

/**
 * The actor for calls made for no resident in particular (catalogus data shared by everyone):
 * the audit trail names the application itself.
 */
export function systeemActor(credentials: ZgwCredentials): ZgwActor {
  return { userId: credentials.clientId, userRepresentation: 'Profielservice Mijn-Omgeving (catalogus)' };
}
