import type { Dispatcher } from 'undici';
import { createUpstreamClient, UpstreamError } from '../../../lib/http/upstream.js';
import type { Logger } from '../../../lib/logging.js';
import type { BrpPersoon, BrpRaadpleegResponse } from './brp-types.js';
import type { AccessTokenSource } from './oauth.js';

/** The BRP accepts at most 20 BSNs in one RaadpleegMetBurgerservicenummer request. */
export const BRP_MAX_BSNS = 20;
/** And at most 130 paths in `fields`. */
export const BRP_MAX_FIELDS = 130;

/** Why and for whom the BRP is consulted; the BRP logs it with every request (protocollering). */
export interface Protocollering {
  doelbinding: string;
  verwerking: string;
  originOin?: string;
}

export interface BrpClientOptions {
  baseUrl: string;
  timeoutMs: number;
  dispatcher?: Dispatcher | undefined;
  protocollering: Protocollering;
  /** Sent as `X-API-KEY`, for API gateways that use keys. */
  apiKey?: string;
  /** OAuth 2.0 client credentials: the token goes in `Authorization: Bearer`. */
  oauth?: AccessTokenSource;
  /** Told when the BRP starts failing fast and when it answers again (lib/http/upstream.ts). */
  logger?: Logger | undefined;
}

export interface BrpClient {
  /**
   * Persons for up to 20 BSNs, with only the given `fields` (the BRP answers 400 to an empty list).
   * A BSN the BRP does not know is simply absent from the answer.
   */
  raadpleeg(bsns: readonly string[], fields: readonly string[]): Promise<BrpPersoon[]>;
}

/**
 * Lengths the API gateways in front of the BRP accept for the protocollering headers; a longer
 * value makes them refuse the whole request.
 */
export const PROTOCOLLERING_MAX = { doelbinding: 242, verwerking: 242, originOin: 20 } as const;

const cut = (value: string, max: number) => value.slice(0, max);
const isObject = (value: unknown): boolean => typeof value === 'object' && value !== null && !Array.isArray(value);

function protocolleringHeaders(p: Protocollering): Record<string, string> {
  return {
    'x-doelbinding': cut(p.doelbinding, PROTOCOLLERING_MAX.doelbinding),
    'x-verwerking': cut(p.verwerking, PROTOCOLLERING_MAX.verwerking),
    // The resident looks at their own data: no civil servant is involved.
    'x-gebruiker': 'BurgerZelf',
    ...(p.originOin ? { 'x-origin-oin': cut(p.originOin, PROTOCOLLERING_MAX.originOin) } : {}),
  };
}

/**
 * The client of BRP Personen v2 (`POST /personen`, `RaadpleegMetBurgerservicenummer`). A refused
 * OAuth token (401) is fetched anew and the request sent once more: a token can be revoked before
 * it expires, and asking the BRP is free of side effects. The upstream client retries a failed
 * connection, a 503 or a 429 once within the request's deadline (honouring `Retry-After`), never a
 * timeout: a slow BRP should not be asked twice.
 */
export function createBrpClient(options: BrpClientOptions): BrpClient {
  const http = createUpstreamClient({
    name: 'BRP',
    timeoutMs: options.timeoutMs,
    dispatcher: options.dispatcher,
    logger: options.logger,
  });
  const fixedHeaders: Record<string, string> = {
    ...protocolleringHeaders(options.protocollering),
    ...(options.apiKey ? { 'x-api-key': options.apiKey } : {}),
  };
  const { oauth } = options;

  const post = async (body: Record<string, unknown>): Promise<BrpRaadpleegResponse> => {
    const headers = oauth ? { ...fixedHeaders, authorization: `Bearer ${await oauth.token()}` } : fixedHeaders;
    const response = await http.json<BrpRaadpleegResponse>({
      method: 'POST',
      url: `${options.baseUrl}/personen`,
      headers,
      body,
      // Asking the BRP has no side effects: a failed connection or a 503 may be tried once more.
      idempotent: true,
    });
    return response.body;
  };

  return {
    async raadpleeg(bsns, fields) {
      if (bsns.length === 0) return [];
      if (bsns.length > BRP_MAX_BSNS) throw new RangeError(`at most ${BRP_MAX_BSNS} BSNs per BRP request`);
      if (fields.length === 0 || fields.length > BRP_MAX_FIELDS) {
        throw new RangeError(`a BRP request asks for 1 to ${BRP_MAX_FIELDS} fields`);
      }
      const body = { type: 'RaadpleegMetBurgerservicenummer', burgerservicenummer: [...bsns], fields: [...fields] };
      let answer: BrpRaadpleegResponse;
      try {
        answer = await post(body);
      } catch (error) {
        if (!(oauth && error instanceof UpstreamError && error.status === 401)) throw error;
        oauth.invalidate();
        answer = await post(body);
      }
      // `personen` may be left out when nobody was found; anything else than a list is not the contract.
      const personen: unknown = typeof answer === 'object' && answer !== null ? (answer.personen ?? []) : undefined;
      if (!Array.isArray(personen) || !personen.every(isObject))
        throw new UpstreamError('BRP', 'INVALID_RESPONSE', 200);
      return personen as BrpPersoon[];
    },
  };
}
