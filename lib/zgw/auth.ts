import { SignJWT } from 'jose';

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

/**
 * ZGW authorisation: an HS256 JWT minted per call with `iss`/`client_id`, `iat` in seconds (ZGW
 * servers reject a token whose `iat` is too old or in milliseconds), and the resident as
 * `user_id`/`user_representation` for the audit trail.
 */
export async function zgwToken(credentials: ZgwCredentials, actor: ZgwActor, nowMs: number): Promise<string> {
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

/** The headers of every ZGW call: a fresh JWT and the CRS headers Zaken API 1.5.1 requires. */
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
