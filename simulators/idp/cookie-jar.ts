interface StoredCookie {
  readonly origin: string;
  readonly name: string;
  readonly value: string;
  readonly path: string;
  /** Epoch milliseconds; undefined for a session cookie. */
  readonly expiresAt: number | undefined;
}

/**
 * Just enough of a browser's cookie store to walk an OpenID Connect login with `fetch`:
 * cookies are kept per origin and path, sent back on matching requests, and dropped when the
 * server expires them (oidc-provider clears its interaction cookies that way). Domain,
 * Secure and SameSite are ignored: the flow only talks to the IdP's own origin over loopback.
 * Share one jar between logins to behave like one browser.
 */
export class CookieJar {
  readonly #cookies = new Map<string, StoredCookie>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Stores the `Set-Cookie` headers of `response`, which answered a request to `url`. */
  store(url: URL, response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const cookie = this.#parse(url, header);
      if (!cookie) continue;
      const key = `${cookie.origin} ${cookie.path} ${cookie.name}`;
      if (cookie.expiresAt !== undefined && cookie.expiresAt <= this.now()) this.#cookies.delete(key);
      else this.#cookies.set(key, cookie);
    }
  }

  /** The `Cookie` header for a request to `url`, or undefined when no cookie applies. */
  header(url: URL): string | undefined {
    const now = this.now();
    const matching = [...this.#cookies.values()].filter(
      (cookie) =>
        cookie.origin === url.origin &&
        (cookie.expiresAt === undefined || cookie.expiresAt > now) &&
        pathMatches(url.pathname, cookie.path),
    );
    // Longer paths first, as browsers send them (RFC 6265, 5.4).
    matching.sort((a, b) => b.path.length - a.path.length);
    return matching.length > 0 ? matching.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ') : undefined;
  }

  #parse(url: URL, header: string): StoredCookie | undefined {
    const [pair = '', ...attributes] = header.split(';');
    const separator = pair.indexOf('=');
    if (separator <= 0) return undefined;
    let path = defaultPath(url.pathname);
    let expiresAt: number | undefined;
    for (const attribute of attributes) {
      const [rawName = '', ...rest] = attribute.split('=');
      const name = rawName.trim().toLowerCase();
      const value = rest.join('=').trim();
      if (name === 'path' && value.startsWith('/')) path = value;
      else if (name === 'max-age' && /^-?\d+$/.test(value)) expiresAt = this.now() + Number(value) * 1000;
      else if (name === 'expires' && expiresAt === undefined) {
        const time = Date.parse(value);
        if (!Number.isNaN(time)) expiresAt = time;
      }
    }
    return {
      origin: url.origin,
      name: pair.slice(0, separator).trim(),
      value: pair.slice(separator + 1).trim(),
      path,
      expiresAt,
    };
  }
}

/** RFC 6265, 5.1.4: a cookie path matches its own path and the paths below it. */
function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/';
}

/** RFC 6265, 5.1.4: without a Path attribute, the directory of the request path. */
function defaultPath(requestPath: string): string {
  const lastSlash = requestPath.lastIndexOf('/');
  return lastSlash <= 0 ? '/' : requestPath.slice(0, lastSlash);
}
