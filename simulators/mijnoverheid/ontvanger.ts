import type { Request, RequestHandler } from 'express';
import { isValidBsn } from '../../lib/identity/index.js';
import type { ErrorResponder } from '../shared/problem.js';

/** A recipient as MijnOverheid identifies one: `BSN:999993653`, `KVK:69599084`, … */
export interface Ontvanger {
  type: 'BSN' | 'RSIN' | 'KVK' | 'OIN';
  waarde: string;
}

/** The FBS PoC's header pattern: the length depends on the type. */
const ONTVANGER_PATTERN = /^(BSN:[0-9]{9}|RSIN:[0-9]{9}|KVK:[0-9]{8}|OIN:[0-9]{20})$/;

/** Parses an `X-Ontvanger` value, checking the elfproef for BSN and RSIN as the service does. */
export function parseOntvanger(header: string | undefined): Ontvanger | undefined {
  if (header === undefined || !ONTVANGER_PATTERN.test(header)) return undefined;
  const [type, waarde] = header.split(':') as [Ontvanger['type'], string];
  if ((type === 'BSN' || type === 'RSIN') && !isValidBsn(waarde)) return undefined;
  return { type, waarde };
}

export const sameOntvanger = (a: Ontvanger, b: Ontvanger): boolean => a.type === b.type && a.waarde === b.waarde;

/** The recipient the middleware below validated. */
export function ontvangerOf(req: Request): Ontvanger {
  return (req as Request & { ontvanger: Ontvanger }).ontvanger;
}

/**
 * Requires the recipient in the `X-Ontvanger` header (never in the URL, so it stays out of access
 * logs): missing or malformed → 400.
 */
export function requireOntvanger(respond: ErrorResponder): RequestHandler {
  return (req, res, next) => {
    const header = req.get('x-ontvanger');
    const ontvanger = parseOntvanger(header);
    if (!ontvanger) {
      respond(req, res, 400, {
        detail:
          header === undefined
            ? 'De header X-Ontvanger ontbreekt.'
            : 'De header X-Ontvanger heeft niet het formaat <TYPE>:<WAARDE> (BSN, RSIN, KVK of OIN) of faalt de elfproef.',
      });
      return;
    }
    (req as Request & { ontvanger: Ontvanger }).ontvanger = ontvanger;
    next();
  };
}
