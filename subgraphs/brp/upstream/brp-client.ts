import type { Dispatcher } from 'undici';
import { createUpstreamClient } from '../../../lib/http/upstream.js';
import type { BrpPersoon, BrpRaadpleegResponse } from './brp-types.js';

/** The BRP accepts at most 20 BSNs in one RaadpleegMetBurgerservicenummer request. */
export const BRP_MAX_BSNS = 20;

export interface BrpClientOptions {
  baseUrl: string;
  apiKey?: string;
  timeoutMs: number;
  dispatcher?: Dispatcher;
  protocollering: { doelbinding: string; verwerking: string; originOin?: string };
}

export interface BrpClient {
  /** Persons for up to 20 BSNs, with only the given `fields`. Unknown BSNs are simply absent. */
  raadpleeg(bsns: readonly string[], fields: readonly string[]): Promise<BrpPersoon[]>;
}

// API gateways in front of the BRP reject long protocollering headers.
const cut = (value: string, max: number) => value.slice(0, max);

export function createBrpClient(options: BrpClientOptions): BrpClient {
  const http = createUpstreamClient({ name: 'BRP', timeoutMs: options.timeoutMs, dispatcher: options.dispatcher });
  const headers: Record<string, string> = {
    'x-doelbinding': cut(options.protocollering.doelbinding, 242),
    'x-verwerking': cut(options.protocollering.verwerking, 242),
    'x-gebruiker': 'BurgerZelf',
    ...(options.protocollering.originOin ? { 'x-origin-oin': cut(options.protocollering.originOin, 20) } : {}),
    ...(options.apiKey ? { 'x-api-key': options.apiKey } : {}),
  };
  return {
    async raadpleeg(bsns, fields) {
      if (bsns.length === 0) return [];
      if (bsns.length > BRP_MAX_BSNS) throw new RangeError(`at most ${BRP_MAX_BSNS} BSNs per BRP request`);
      const { body } = await http.json<BrpRaadpleegResponse>({
        method: 'POST',
        url: `${options.baseUrl}/personen`,
        headers,
        body: { type: 'RaadpleegMetBurgerservicenummer', burgerservicenummer: bsns, fields },
      });
      return Array.isArray(body?.personen) ? body.personen : [];
    },
  };
}
