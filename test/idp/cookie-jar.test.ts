import { describe, expect, it } from 'vitest';
import { CookieJar } from '../../simulators/idp/cookie-jar.js';

function responseSetting(...cookies: string[]): Response {
  const headers = new Headers();
  for (const cookie of cookies) headers.append('set-cookie', cookie);
  return new Response(null, { headers });
}

describe('CookieJar', () => {
  it('sends cookies back on their path and below it, longest path first', () => {
    const jar = new CookieJar();
    jar.store(
      new URL('http://127.0.0.1:4010/auth'),
      responseSetting('_session=s; path=/; httponly', '_interaction=i; path=/interaction/abc; httponly; samesite=lax'),
    );
    expect(jar.header(new URL('http://127.0.0.1:4010/interaction/abc/login'))).toBe('_interaction=i; _session=s');
    expect(jar.header(new URL('http://127.0.0.1:4010/interaction/abcdef'))).toBe('_session=s');
    expect(jar.header(new URL('http://localhost:4010/auth'))).toBeUndefined();
  });

  it('forgets a cookie the server expires', () => {
    const jar = new CookieJar();
    const url = new URL('http://127.0.0.1:4010/auth/abc');
    jar.store(url, responseSetting('_interaction_resume=r; path=/auth/abc'));
    jar.store(url, responseSetting('_interaction_resume=; path=/auth/abc; expires=Thu, 01 Jan 1970 00:00:00 GMT'));
    expect(jar.header(url)).toBeUndefined();
  });
});
