import { hkdfSync } from 'node:crypto';
import { EncryptJWT, jwtDecrypt } from 'jose';

/** What a document link grants: one document of one zaaksysteem, for one resident. */
export interface DocumentLinkClaims {
  /** The zaaksysteem's name (`ZAKEN_BRONNEN[].naam`). */
  bron: string;
  /** The informatieobject's URL in that zaaksysteem's Documenten API. */
  document: string;
  /** The resident's pseudonymous id, for the Documenten API's audit trail. */
  gebruiker: string;
}

/**
 * Short-lived download links for documents. The portal cannot call a Documenten API itself (it
 * has no ZGW credentials, and upstream URLs never reach a client), so a link points to this
 * subgraph with an encrypted token (JWE, dir + A256GCM): which document, for whom, until when.
 * Encrypted rather than signed so that upstream URLs stay hidden; short-lived because whoever
 * holds the link can download that one document until it expires.
 */
export interface DocumentLinks {
  mint(claims: DocumentLinkClaims): Promise<{ url: string; geldigTot: Date }>;
  /** The claims of a valid, unexpired token; null for anything else. */
  open(token: string): Promise<DocumentLinkClaims | null>;
}

/** Options of {@link createDocumentLinks}. */
export interface DocumentLinkOptions {
  /** At least 32 characters; the same on every replica, so any replica can serve a link. */
  secret: string;
  /**
   * Public base URL under which `GET /documenten/{token}` of this subgraph is reachable for the
   * portal, e.g. `https://api.gemeente.example/zaken`. A function when it is known only later
   * (tests listening on port 0).
   */
  baseUrl: string | (() => string);
  /** Lifetime of a link (default 300 s). */
  ttlSeconds?: number;
  now?: () => number;
}

const AUDIENCE = 'profielservice:zaken:document';
/** The path prefix of the download route. */
export const DOCUMENT_PATH = '/documenten/';

export function createDocumentLinks(options: DocumentLinkOptions): DocumentLinks {
  if (options.secret.length < 32) throw new RangeError('document link secret must be at least 32 characters');
  // A key of its own for this purpose, derived from the configured secret.
  const key = new Uint8Array(hkdfSync('sha256', options.secret, 'profielservice', 'zaken document links v1', 32));
  const ttl = options.ttlSeconds ?? 300;
  const now = options.now ?? Date.now;
  const base = () => (typeof options.baseUrl === 'function' ? options.baseUrl() : options.baseUrl).replace(/\/+$/, '');
  return {
    async mint(claims) {
      const iat = Math.floor(now() / 1000);
      const token = await new EncryptJWT({ bron: claims.bron, doc: claims.document })
        .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
        .setSubject(claims.gebruiker)
        .setAudience(AUDIENCE)
        .setIssuedAt(iat)
        .setExpirationTime(iat + ttl)
        .encrypt(key);
      return { url: `${base()}${DOCUMENT_PATH}${token}`, geldigTot: new Date((iat + ttl) * 1000) };
    },
    async open(token) {
      try {
        const { payload } = await jwtDecrypt(token, key, {
          audience: AUDIENCE,
          requiredClaims: ['exp', 'sub'],
          currentDate: new Date(now()),
          keyManagementAlgorithms: ['dir'],
          contentEncryptionAlgorithms: ['A256GCM'],
        });
        const { bron, doc, sub } = payload;
        if (typeof bron !== 'string' || typeof doc !== 'string' || typeof sub !== 'string') return null;
        return { bron, document: doc, gebruiker: sub };
      } catch {
        return null;
      }
    },
  };
}
