import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** What the portal keeps for one logged-in resident. Never sent to the browser. */
export interface Sessie {
  readonly accessToken: string;
  /** When the access token expires (ms since the epoch); the session ends then too. */
  readonly verlooptOp: number;
}

/** A login under way: what the callback needs to finish it. */
export interface Inlogpoging {
  readonly state: string;
  readonly codeVerifier: string;
  /** The portal page to return to after the login (path and query), checked when the login started. */
  readonly terug?: string;
  readonly verlooptOp: number;
}

/**
 * What a cookie stands for: a live session, one this portal issued that has ended (so the page
 * can say "your session has ended" rather than "you are not logged in"), or nothing.
 */
export type SessieOpzoeking =
  | { readonly status: 'ACTIEF'; readonly sessie: Sessie }
  | { readonly status: 'VERLOPEN' }
  | { readonly status: 'GEEN' };

export interface SessionStoreOptions {
  /** Signs cookie values, so a forged or altered cookie is refused without a look-up. */
  readonly secret: string;
  /** A session unused for this long ends. */
  readonly idleMs: number;
  readonly now?: () => number;
  /** Oldest sessions are dropped beyond this; a memory store must not grow without bound. */
  readonly maxEntries?: number;
}

export interface SessionStore {
  create(sessie: Sessie): string;
  find(cookie: string | undefined): SessieOpzoeking;
  delete(cookie: string | undefined): void;
  /** Remembers a login under way; returns its cookie value. */
  startLogin(poging: Inlogpoging): string;
  /** The login under way for this cookie, once: a second callback with the same cookie finds nothing. */
  takeLogin(cookie: string | undefined): Inlogpoging | undefined;
}

interface Entry<T> {
  readonly value: T;
  lastUsed: number;
}

/**
 * Sessions in this process's memory: enough for the reference portal and one replica. Several
 * replicas need a shared store (Redis) behind the same interface. Entries are keyed by a random
 * 256-bit id; the cookie carries that id and an HMAC of it.
 */
export function createMemorySessionStore(options: SessionStoreOptions): SessionStore {
  const now = options.now ?? Date.now;
  const maxEntries = options.maxEntries ?? 10_000;
  const sessions = new Map<string, Entry<Sessie>>();
  const logins = new Map<string, Entry<Inlogpoging>>();

  const sign = (id: string) => createHmac('sha256', options.secret).update(id).digest('base64url');
  const issue = () => {
    const id = randomBytes(32).toString('base64url');
    return { id, cookie: `${id}.${sign(id)}` };
  };
  /** The id inside a cookie value this store signed, or undefined. */
  const verified = (cookie: string | undefined): string | undefined => {
    const [id, mac, ...rest] = (cookie ?? '').split('.');
    if (!id || !mac || rest.length > 0) return undefined;
    const expected = Buffer.from(sign(id));
    const given = Buffer.from(mac);
    return expected.length === given.length && timingSafeEqual(expected, given) ? id : undefined;
  };
  const sessionAlive = (entry: Entry<Sessie>, at: number) =>
    at < entry.value.verlooptOp && at - entry.lastUsed < options.idleMs;
  const sweep = () => {
    const at = now();
    for (const [id, entry] of sessions) if (!sessionAlive(entry, at)) sessions.delete(id);
    for (const [id, entry] of logins) if (at >= entry.value.verlooptOp) logins.delete(id);
    // Maps iterate in insertion order: the first keys are the oldest.
    for (const map of [sessions, logins] as Map<string, unknown>[]) {
      for (const id of map.keys()) {
        if (map.size < maxEntries) break;
        map.delete(id);
      }
    }
  };

  return {
    create(sessie) {
      sweep();
      const { id, cookie } = issue();
      sessions.set(id, { value: sessie, lastUsed: now() });
      return cookie;
    },
    find(cookie) {
      const id = verified(cookie);
      if (id === undefined) return { status: 'GEEN' };
      const entry = sessions.get(id);
      const at = now();
      if (!entry || !sessionAlive(entry, at)) {
        sessions.delete(id);
        return { status: 'VERLOPEN' };
      }
      entry.lastUsed = at;
      return { status: 'ACTIEF', sessie: entry.value };
    },
    delete(cookie) {
      const id = verified(cookie);
      if (id !== undefined) sessions.delete(id);
    },
    startLogin(poging) {
      sweep();
      const { id, cookie } = issue();
      logins.set(id, { value: poging, lastUsed: now() });
      return cookie;
    },
    takeLogin(cookie) {
      const id = verified(cookie);
      if (id === undefined) return undefined;
      const entry = logins.get(id);
      logins.delete(id);
      return entry && now() < entry.value.verlooptOp ? entry.value : undefined;
    },
  };
}
