import { isIPv4, isIPv6 } from 'node:net';
import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import {
  Kind,
  OperationTypeNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { Counter } from 'prom-client';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { AppError, ERROR_MESSAGES } from '../../lib/errors.js';
import type { Caller } from '../../lib/internal-token.js';
import type { Logger } from '../../lib/logging.js';
import { registry } from '../../lib/observability/metrics.js';

/**
 * Rate limits of the gateway: per client address (before the token is checked), per resident
 * (after), and a strict one for the mutations that send or check a verification code. Counted
 * in Redis when configured, so every replica shares one count; in memory otherwise, and in memory
 * too while Redis is down (see {@link createRateLimits}).
 */

/** At most `points` requests per window of `durationSeconds`, counted per key. */
export interface RateLimit {
  readonly points: number;
  /**
   * Whole seconds, at least 1. Redis keeps a count with a TTL in whole seconds: a shorter or
   * fractional window would mean something else there than in memory (below one second, a count
   * that never expires).
   */
  readonly durationSeconds: number;
}

export interface RateLimits {
  /** Per client address (`req.ip`; an IPv6 address by its /64), before the token is checked. */
  readonly address: RateLimit;
  /** Per resident, by the pseudonymous `gebruikerId` (never the BSN), after the token is checked. */
  readonly resident: RateLimit;
  /** Per resident, for {@link VERIFICATION_MUTATIONS}: each such root field counts once. */
  readonly verification: RateLimit;
}

/**
 * The defaults, from how the API is used. A portal asks one operation per page, and a resident
 * clicking through the pages makes about one a second at most; an automatic persisted query
 * that the gateway does not know yet costs a second request.
 *
 * - `resident`: 120 a minute is twice what the busiest human clicks (a page a second), which
 *   leaves room for persisted-query misses and a retry, and stops a script within seconds.
 * - `address`: 3,000 a minute (50 a second). Many residents share one address: a gemeente's
 *   proxy, a library or care home, a mobile provider's carrier-grade NAT. This is the flood
 *   guard in front of token verification, not a per-person limit: 25 residents at their own
 *   limit, or hundreds reading at a normal pace, fit under it. A portal whose backend calls the
 *   gateway for all its residents from one address needs `trust proxy` set to that backend
 *   (so `req.ip` is the resident's address), or a limit fitted to its peak.
 * - `verification`: 6 per 10 minutes. Adding an e-mail address and a phone number, each with its
 *   code, one typo and one resent code is 6. Every code sent costs an e-mail or SMS (a script
 *   could make us send thousands), and every check is a guess at a code; the voorkeuren subgraph
 *   also caps attempts per code and codes per day, this caps them across codes and contacts.
 */
export const DEFAULT_RATE_LIMITS: RateLimits = {
  address: { points: 3_000, durationSeconds: 60 },
  resident: { points: 120, durationSeconds: 60 },
  verification: { points: 6, durationSeconds: 600 },
};

/** The root mutation fields that send a verification code or check one. */
export const VERIFICATION_MUTATIONS: ReadonlySet<string> = new Set([
  'voegContactgegevenToe',
  'stuurVerificatiecodeOpnieuw',
  'verifieerContactgegeven',
]);

/** The refusal's code and message, from the registry. */
const TE_VEEL_VERZOEKEN = { code: 'TE_VEEL_VERZOEKEN', message: ERROR_MESSAGES.TE_VEEL_VERZOEKEN } as const;

/**
 * A refused request: HTTP 429 with `Retry-After`. Thrown from the context function or a plugin
 * hook, Apollo Server takes the status and header from `extensions.http`.
 */
export class TooManyRequestsError extends AppError {
  override readonly name = 'TooManyRequestsError';
  /** When the client may try again, in whole seconds (what `Retry-After` says). */
  readonly retryAfterSeconds: number;

  constructor(retryAfterSeconds: number) {
    // Apollo Server takes status and headers (a Map) from `extensions.http`.
    const extensions: Record<string, unknown> = {
      code: TE_VEEL_VERZOEKEN.code,
      http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
    };
    super(TE_VEEL_VERZOEKEN.message, { extensions });
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** Answers a request refused before GraphQL runs: 429, `Retry-After` and a GraphQL-shaped body. */
export function sendTooManyRequests(res: Response, retryAfterSeconds: number): void {
  res
    .status(429)
    .setHeader('retry-after', String(retryAfterSeconds))
    .json({ errors: [{ message: TE_VEEL_VERZOEKEN.message, extensions: { code: TE_VEEL_VERZOEKEN.code } }] });
}

/**
 * The command the limiters send to Redis, as node-redis 5+ (`redis` 6) spells it. A structural
 * type, so any client created with `createClient()` fits and tests can pass a stand-in.
 */
export interface RateLimitRedis {
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
  /**
   * False while the client has no working connection (node-redis's `isReady`); counting then
   * moves to memory at once instead of waiting for a timeout. A client without it counts as ready.
   */
  readonly isReady?: boolean;
}

export interface RateLimitsOptions {
  limits: RateLimits;
  /**
   * Shared counts for every replica. The client is the caller's: it connects and closes it, and
   * listens to its `error` events. Without it, each process counts for itself.
   */
  redis?: RateLimitRedis | undefined;
  /**
   * Put before every Redis key, e.g. `profielservice:gateway:limiet`: the same for every replica
   * (so they share counts), apart from the keys of anything else in that Redis.
   */
  keyPrefix: string;
  logger: Logger;
  /**
   * How long one Redis command may take before the request is counted in memory instead
   * (default 50 ms). Redis next to the gateway answers in about a millisecond; one that takes
   * longer is down or overloaded, and must not hold a resident's page.
   */
  redisTimeoutMs?: number | undefined;
  /**
   * After a timeout, how long Redis is not asked at all (default 1 s), so a stalled Redis costs
   * one timeout, not one per request.
   */
  redisPauseAfterTimeoutMs?: number | undefined;
  /**
   * Told when counting in Redis stops working and when it works again, once per change; `reason`
   * is safe to log. By default both are logged.
   */
  onRedisAvailabilityChange?: ((available: boolean, reason: string) => void) | undefined;
}

export interface RateLimiting {
  /**
   * Express middleware: the limit per client address. Mount it before the token is verified and
   * before the body is read, so a flood costs a counter increment and nothing more. The address
   * is `req.ip`: behind a load balancer or reverse proxy set express's `trust proxy` to exactly
   * those proxies, or every resident shares the proxy's address. Without `trust proxy`,
   * `X-Forwarded-For` is ignored, so a client cannot name itself a fresh address.
   */
  readonly addressLimit: (req: Request, res: Response, next: NextFunction) => void;
  /**
   * Counts one request of a resident whose token was verified. Resolves when it may go on;
   * rejects with {@link TooManyRequestsError} when not (throw it on from the context function).
   */
  consumeResident(gebruikerId: string): Promise<void>;
  /**
   * Apollo Server plugin: the strict limit on {@link VERIFICATION_MUTATIONS}, checked once the
   * operation is known and before anything is executed. Only a logged-in resident is counted: an
   * anonymous caller is refused these mutations anyway, and is bounded by the address limit.
   */
  readonly verificationPlugin: ApolloServerPlugin<{ readonly caller: Caller }>;
}

/** Refusals, by limit: a limit that is too tight for real use shows here first. */
const refusals = new Counter({
  name: 'profielservice_rate_limited_total',
  help: 'Requests refused with 429, by limit (address, resident, verification).',
  labelNames: ['limit'] as const,
  registers: [registry],
});

type LimitName = keyof RateLimits;

function assertLimit(name: LimitName, limit: RateLimit): void {
  if (!Number.isInteger(limit.points) || limit.points < 1)
    throw new RangeError(`rate limit ${name}: points must be a positive integer, got ${limit.points}`);
  if (!Number.isInteger(limit.durationSeconds) || limit.durationSeconds < 1)
    throw new RangeError(
      `rate limit ${name}: durationSeconds must be a whole number ≥ 1, got ${limit.durationSeconds}`,
    );
}

/** What went wrong, in words that are safe to log: node's error code or the error's class name. */
function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown';
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : error.name;
}

class RedisUnavailableError extends Error {
  override readonly name = 'RedisUnavailableError';
}

/**
 * The Redis client as the limiters see it: fails at once while it has no connection or just
 * timed out, and gives up on a command after `timeoutMs`. A failure makes the limiter count in
 * memory (its insurance); `report` hears of each change between working and not, once.
 */
function guardRedis(
  client: RateLimitRedis,
  timeoutMs: number,
  pauseMs: number,
  report: (available: boolean, reason: string) => void,
): RateLimitRedis {
  let available = true;
  let pausedUntil = 0;
  const failed = (reason: string): RedisUnavailableError => {
    if (available) {
      available = false;
      report(false, reason);
    }
    return new RedisUnavailableError(reason);
  };
  return {
    async eval(script, options) {
      if (client.isReady === false) throw failed('not connected');
      if (Date.now() < pausedUntil) throw failed('timeout');
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          pausedUntil = Date.now() + pauseMs;
          reject(failed('timeout'));
        }, timeoutMs);
      });
      try {
        const result = await Promise.race([client.eval(script, options), timeout]);
        if (!available) {
          available = true;
          report(true, 'answered');
        }
        return result;
      } catch (error) {
        if (error instanceof RedisUnavailableError) throw error;
        const reason = reasonOf(error);
        // The client's own command time-out means the same as ours.
        if (reason === 'TimeoutError') pausedUntil = Date.now() + pauseMs;
        throw failed(reason);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** Logs an outage of Redis once when it starts and once when it ends, whoever notices it. */
function redisAvailabilityLog(logger: Logger): { change(available: boolean, reason: string): void } {
  let down = false;
  return {
    change(available, reason) {
      if (available === !down) return;
      down = !available;
      if (down) logger.warn({ reason }, 'redis unavailable; rate limits counted per replica');
      else logger.info('redis available again; rate limits shared by the replicas');
    },
  };
}

/**
 * The key of a client address. IPv4 (also written as IPv6, `::ffff:a.b.c.d`) by the whole
 * address; IPv6 by its first 64 bits, because one subscriber usually gets a whole /64 and could
 * otherwise take a fresh address, and a fresh limit, for every request.
 */
export function addressKey(ip: string | undefined): string {
  if (ip === undefined || ip === '') return 'onbekend';
  const address = ip.split('%')[0] ?? ip; // a zone index names the local interface, not the client
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (isIPv4(address) || !isIPv6(address)) return address;
  const [head = '', tail] = address.split('::');
  const groups = (part: string) => (part === '' ? [] : part.split(':'));
  // A dotted IPv4 tail fills the last two groups; it never reaches the first four.
  const width = (parts: string[]) => parts.reduce((sum, part) => sum + (part.includes('.') ? 2 : 1), 0);
  const front = groups(head);
  const back = tail === undefined ? [] : groups(tail);
  const all =
    tail === undefined ? front : [...front, ...Array<string>(8 - width(front) - width(back)).fill('0'), ...back];
  return `${all
    .slice(0, 4)
    .map((group) => parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}

/** How many root fields of the operation are in `names`; fragments at the root are followed. */
function countRootFields(
  selectionSet: SelectionSetNode,
  document: DocumentNode,
  names: ReadonlySet<string>,
  path: ReadonlySet<string> = new Set(),
): number {
  let count = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      // The field's name, not its alias: aliases are how one request would ask many times.
      if (names.has(selection.name.value)) count += 1;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      count += countRootFields(selection.selectionSet, document, names, path);
    } else {
      const name = selection.name.value;
      const fragment = document.definitions.find(
        (definition): definition is FragmentDefinitionNode =>
          definition.kind === Kind.FRAGMENT_DEFINITION && definition.name.value === name,
      );
      // Validation refuses fragment cycles before this runs; the path guards anyway.
      if (fragment && !path.has(name))
        count += countRootFields(fragment.selectionSet, document, names, new Set([...path, name]));
    }
  }
  return count;
}

type Outcome = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

/**
 * Builds the gateway's rate limits. With `redis`, each limit is a `RateLimiterRedis` with an
 * in-memory twin as insurance: while Redis is unreachable, slow or failing, every replica counts
 * in its own memory. A Redis outage then neither blocks residents nor lifts the limits; the
 * limits only become per replica until Redis answers again. The outage is logged once, when it
 * starts, and once when it ends.
 */
export function createRateLimits(options: RateLimitsOptions): RateLimiting {
  const { limits, logger } = options;
  if (options.keyPrefix.length === 0) throw new RangeError('createRateLimits needs a non-empty keyPrefix');
  for (const name of ['address', 'resident', 'verification'] as const) assertLimit(name, limits[name]);

  const store =
    options.redis &&
    guardRedis(
      options.redis,
      options.redisTimeoutMs ?? 50,
      options.redisPauseAfterTimeoutMs ?? 1_000,
      options.onRedisAvailabilityChange ?? redisAvailabilityLog(logger).change,
    );

  const limiter = (name: LimitName): RateLimiterAbstract => {
    const limit = limits[name];
    const settings = {
      keyPrefix: `${options.keyPrefix}:${name}`,
      points: limit.points,
      duration: limit.durationSeconds,
    };
    const memory = new RateLimiterMemory(settings);
    if (!store) return memory;
    return new RateLimiterRedis({ ...settings, storeClient: store, useRedisPackage: true, insuranceLimiter: memory });
  };
  const limiters: Record<LimitName, RateLimiterAbstract> = {
    address: limiter('address'),
    resident: limiter('resident'),
    verification: limiter('verification'),
  };

  const take = async (name: LimitName, key: string, points: number): Promise<Outcome> => {
    try {
      await limiters[name].consume(key, points);
      return { allowed: true };
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        refusals.inc({ limit: name });
        // Logged when a key first goes over in its window, not for every request after that.
        if (rejection.consumedPoints - points <= limits[name].points)
          logger.warn({ limit: name }, 'rate limit reached');
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
      }
      // Neither Redis nor memory could count: only a bug gets here. Letting the request through
      // keeps the service up; refusing would shut every resident out.
      logger.error({ limit: name, reason: reasonOf(rejection) }, 'rate limit not counted');
      return { allowed: true };
    }
  };

  return {
    addressLimit(req, res, next) {
      take('address', addressKey(req.ip ?? req.socket.remoteAddress), 1)
        .then((outcome) => (outcome.allowed ? next() : sendTooManyRequests(res, outcome.retryAfterSeconds)))
        .catch(next);
    },

    async consumeResident(gebruikerId) {
      const outcome = await take('resident', gebruikerId, 1);
      if (!outcome.allowed) throw new TooManyRequestsError(outcome.retryAfterSeconds);
    },

    verificationPlugin: {
      async requestDidStart() {
        return {
          async didResolveOperation({ contextValue, operation, document }) {
            const { caller } = contextValue;
            if (operation?.operation !== OperationTypeNode.MUTATION || caller.kind !== 'person') return;
            const count = countRootFields(operation.selectionSet, document, VERIFICATION_MUTATIONS);
            if (count === 0) return;
            const outcome = await take('verification', caller.gebruikerId, count);
            if (!outcome.allowed) throw new TooManyRequestsError(outcome.retryAfterSeconds);
          },
        };
      },
    },
  };
}
