import { SignJWT } from 'jose';
import type { Dispatcher } from 'undici';
import { z } from 'zod';
import { assertNever } from '../errors.js';
import { createUpstreamClient, UpstreamError } from '../http/upstream.js';
import type { Logger } from '../logging.js';
import type { NotifyApiKey } from './api-key.js';

/** The name NotifyNL failures carry in logs and {@link UpstreamError}s. */
export const NOTIFYNL = 'NotifyNL';

export interface NotifyClientOptions {
  /** NotifyNL's base URL, without `/v2` (e.g. `https://api.notifynl.nl`). */
  baseUrl: string;
  apiKey: NotifyApiKey;
  timeoutMs: number;
  dispatcher?: Dispatcher | undefined;
  /** Told when the source starts failing fast and when it answers again (lib/http/upstream.ts). */
  logger?: Logger | undefined;
  /**
   * Time source for the token's `iat`. NotifyNL refuses a token more than 30 seconds off its own
   * clock, so this is the real clock outside tests.
   */
  now?: () => Date;
}

interface SendBase {
  templateId: string;
  personalisation?: Readonly<Record<string, string>>;
  /**
   * Our own id for this message. NotifyNL stores it and returns it in delivery-status callbacks
   * and in `GET /v2/notifications?reference=`; it does not deduplicate on it.
   */
  reference: string;
}

export interface SendEmailRequest extends SendBase {
  emailAddress: string;
}

export interface SendSmsRequest extends SendBase {
  /** E.164, e.g. `+31612345678`. */
  phoneNumber: string;
}

/** What NotifyNL answered when it accepted a message. */
export interface NotifyReceipt {
  /** NotifyNL's id of the notification. */
  id: string;
  reference: string | null;
}

/** Delivery states of e-mail and SMS (NotifyNL API v2). */
export type NotifyStatus =
  | 'created'
  | 'sending'
  | 'pending'
  | 'sent'
  | 'delivered'
  | 'permanent-failure'
  | 'temporary-failure'
  | 'technical-failure';

/** A notification as `GET /v2/notifications` lists it (the fields we use). */
export interface NotifyNotification {
  id: string;
  reference: string | null;
  type: 'email' | 'sms' | 'letter';
  status: string;
  createdAt: string;
}

/**
 * A client for NotifyNL API v2 (a GOV.UK Notify fork). Every call carries a fresh HS256 token,
 * so a retried call never reuses a stale `iat`. Failures are {@link UpstreamError}s named
 * {@link NOTIFYNL}; see {@link isRetryableNotifyError} for which ones to try again.
 */
export interface NotifyClient {
  sendEmail(request: SendEmailRequest): Promise<NotifyReceipt>;
  sendSms(request: SendSmsRequest): Promise<NotifyReceipt>;
  /** Notifications sent under `reference`, newest first (first page only: a reference is ours and rare). */
  findByReference(reference: string): Promise<NotifyNotification[]>;
}

const receiptSchema = z.object({ id: z.string().min(1), reference: z.string().nullable().optional() });
const listSchema = z.object({
  notifications: z.array(
    z.object({
      id: z.string(),
      reference: z.string().nullable(),
      type: z.enum(['email', 'sms', 'letter']),
      status: z.string(),
      created_at: z.string(),
    }),
  ),
});

/**
 * The HS256 bearer token NotifyNL wants on every request: `iss` = service id, `iat` in whole
 * seconds (a millisecond `iat` lies years in the future and is refused).
 */
export function notifyToken(apiKey: NotifyApiKey, now: Date): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(apiKey.serviceId)
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .sign(new TextEncoder().encode(apiKey.secret));
}

/**
 * Whether a failed call may be tried again later: rate limits, server errors, time-outs, network
 * failures and unreadable answers. A 4xx other than 429 means the request itself is wrong (template,
 * recipient, our key) and repeats the same way.
 */
export function isRetryableNotifyError(error: unknown): boolean {
  if (!(error instanceof UpstreamError)) return false;
  switch (error.kind) {
    case 'RATE_LIMITED':
    case 'UNAVAILABLE':
    case 'TIMEOUT':
    case 'CIRCUIT_OPEN':
    case 'INVALID_RESPONSE':
      // An answer we cannot read says nothing about whether NotifyNL accepted the message: the
      // dispatcher looks it up by reference before it sends again, so trying again is safe.
      return true;
    case 'BAD_REQUEST':
    case 'UNAUTHORIZED':
    case 'NOT_FOUND':
      return false;
    default:
      return assertNever(error.kind);
  }
}

/** Builds a {@link NotifyClient}; it opens no connection until the first call. */
export function createNotifyClient(options: NotifyClientOptions): NotifyClient {
  const http = createUpstreamClient({
    name: NOTIFYNL,
    timeoutMs: options.timeoutMs,
    ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
    logger: options.logger,
  });
  const now = options.now ?? (() => new Date());
  const base = options.baseUrl.replace(/\/+$/, '');
  const authorization = async () => ({ authorization: `Bearer ${await notifyToken(options.apiKey, now())}` });

  const send = async (path: string, body: Record<string, unknown>): Promise<NotifyReceipt> => {
    const response = await http.json<unknown>({
      method: 'POST',
      url: `${base}/v2/notifications/${path}`,
      headers: await authorization(),
      body,
    });
    const parsed = receiptSchema.safeParse(response.body);
    if (!parsed.success) throw new UpstreamError(NOTIFYNL, 'INVALID_RESPONSE', response.status);
    return { id: parsed.data.id, reference: parsed.data.reference ?? null };
  };

  return {
    sendEmail: (request) =>
      send('email', {
        template_id: request.templateId,
        email_address: request.emailAddress,
        personalisation: request.personalisation ?? {},
        reference: request.reference,
      }),
    sendSms: (request) =>
      send('sms', {
        template_id: request.templateId,
        phone_number: request.phoneNumber,
        personalisation: request.personalisation ?? {},
        reference: request.reference,
      }),
    async findByReference(reference) {
      const response = await http.json<unknown>({
        method: 'GET',
        url: `${base}/v2/notifications?reference=${encodeURIComponent(reference)}`,
        headers: await authorization(),
      });
      const parsed = listSchema.safeParse(response.body);
      if (!parsed.success) throw new UpstreamError(NOTIFYNL, 'INVALID_RESPONSE', response.status);
      return parsed.data.notifications.map((n) => ({
        id: n.id,
        reference: n.reference,
        type: n.type,
        status: n.status,
        createdAt: n.created_at,
      }));
    },
  };
}
