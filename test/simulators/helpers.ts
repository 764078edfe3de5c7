import { SignJWT, type JWTPayload } from 'jose';
import { createServer } from 'node:http';
import { listen, type Listening } from '../../lib/http/listen.js';
import type { Simulator } from '../../simulators/shared/simulator.js';

/** Starts a simulator on 127.0.0.1 with a free port; dispose the result to stop it. */
export function start(simulator: Simulator): Promise<Listening> {
  return listen(createServer(simulator.app), { port: 0, host: '127.0.0.1' });
}

/** An HS256 JWT as ZGW and Notify clients make them; `iat` in seconds (default: now). */
export function hs256(secret: string, claims: JWTPayload, iat = Math.floor(Date.now() / 1000)): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt(iat)
    .sign(new TextEncoder().encode(secret));
}

/**
 * `fetch` with a JSON body; the response body is parsed and typed as `T` (unchecked: the
 * assertions check it).
 */
export async function call<T = unknown>(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: unknown } = {},
): Promise<{ status: number; headers: Headers; body: T }> {
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers: { ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}), ...init.headers },
    ...(init.body !== undefined ? { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) } : {}),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: (text === '' ? undefined : JSON.parse(text)) as T,
  };
}

/** A problem+json body as the Dutch government contracts send it (the simulators' own type). */
export type { Problem as ProblemBody } from '../../simulators/shared/problem.js';
