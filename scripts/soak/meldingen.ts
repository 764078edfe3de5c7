import { request } from 'undici';
import { parseNotifyApiKey, notifyToken, type NotifyApiKey } from '../../lib/notifynl/index.js';
import { zgwHeaders, type ZgwCredentials } from '../../lib/zgw/index.js';
import { NOTIFY_TEMPLATES } from '../../simulators/notifynl/templates.js';

/**
 * The resident whose meldingen are counted: Suzanne Moulin, initiator of zaken in gemeente A.
 * ZAAK-2026-0000000107 (Aanvraag omgevingsvergunning) is one MijnOverheid does not announce, so a
 * status change leads to our own e-mail; ZAAK-2026-0000000101 (parkeervergunning) is one it does,
 * so we stay silent about it (test/meldingen/meldingen.e2e.test.ts, schema/overlap.yaml).
 */
export const MELDINGEN_BSN = '999993653';
export const MELDINGEN_MAIL = 'suzanne.moulin@example.nl';
export const SENT_ZAAK = { identificatie: 'ZAAK-2026-0000000107', statustype: 'Beoordeling' } as const;
export const SUPPRESSED_ZAAK = { identificatie: 'ZAAK-2026-0000000101', statustype: 'In behandeling' } as const;

/** An e-mail as the NotifyNL simulator lists it (`GET /v2/notifications`). */
export interface SentEmail {
  readonly id: string;
  readonly reference: string | null;
  readonly emailAddress: string | null;
  readonly templateId: string;
  readonly subject: string | null;
  readonly body: string;
  readonly createdAt: string;
}

export interface MeldingenEndpoints {
  readonly graphqlUrl: string;
  readonly notifyUrl: string;
  /** The launcher's NotifyNL API key (`ontwikkel-{service id}-{secret}`, see scripts/start.ts). */
  readonly notifyApiKey: string;
  readonly zgwUrl: string;
  readonly zgw: ZgwCredentials;
}

/** A status the soak set in the zaaksysteem. */
export interface StatusChange {
  readonly zaak: string;
  readonly statustype: string;
  /** ms since the start of the load. */
  readonly atMs: number;
  readonly brp: string;
  readonly url: string;
}

/** Talks to the gateway as the resident, to the zaaksysteem as its behandelaar and to NotifyNL as the service. */
export class MeldingenProbe {
  readonly #key: NotifyApiKey;
  readonly #zaken = new Map<string, { url: string; zaaktype: string }>();
  readonly #statustypen = new Map<string, string>();

  constructor(private readonly endpoints: MeldingenEndpoints) {
    const key = parseNotifyApiKey(endpoints.notifyApiKey);
    if (!key) throw new Error('De NotifyNL-sleutel van de launcher heeft een onbekende vorm.');
    this.#key = key;
  }

  /**
   * Gives the resident a verified e-mail address and turns the e-mail channel on (SMS off), with
   * the same mutations a portal uses; the verification code is read from what NotifyNL sent.
   */
  async chooseEmail(token: string): Promise<void> {
    const added = await this.graphql(
      token,
      `mutation($waarde: String!) { voegContactgegevenToe(input: { soort: EMAIL, waarde: $waarde }) { contactgegeven { id } } }`,
      { waarde: MELDINGEN_MAIL },
    );
    const id = dig(added, ['voegContactgegevenToe', 'contactgegeven', 'id']);
    if (typeof id !== 'string') throw new Error(`voegContactgegevenToe gaf geen id: ${JSON.stringify(added)}`);
    const code = await this.#verificationCode();
    const verified = await this.graphql(
      token,
      `mutation($id: ID!, $code: String!) { verifieerContactgegeven(input: { id: $id, code: $code }) { contactgegeven { geverifieerd } } }`,
      { id, code },
    );
    if (dig(verified, ['verifieerContactgegeven', 'contactgegeven', 'geverifieerd']) !== true) {
      throw new Error(`Het e-mailadres is niet geverifieerd: ${JSON.stringify(verified)}`);
    }
    await this.graphql(
      token,
      'mutation { wijzigVoorkeuren(input: { kanalen: [{ kanaal: EMAIL, aan: true }, { kanaal: SMS, aan: false }] }) { taal } }',
      {},
    );
  }

  /** The code in the newest verification e-mail to the resident's address (it may take a moment). */
  async #verificationCode(): Promise<string> {
    const template = NOTIFY_TEMPLATES['verificatiecode-email'].id;
    for (let attempt = 0; attempt < 50; attempt++) {
      const mail = (await this.sentEmails()).find(
        (n) => n.emailAddress === MELDINGEN_MAIL && n.templateId === template,
      );
      const code = mail ? /verificatiecode is ([^\s.]+)/.exec(mail.body)?.[1] : undefined;
      if (code) return code;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`Geen verificatiecode naar ${MELDINGEN_MAIL} bij NotifyNL gevonden.`);
  }

  /** Sets a status on a seeded zaak of gemeente A, as its behandelaar would; returns the status URL. */
  async zetStatus(zaak: string, statustype: string): Promise<string> {
    const found = await this.#zaak(zaak);
    const typeKey = `${found.zaaktype} ${statustype}`;
    let typeUrl = this.#statustypen.get(typeKey);
    if (typeUrl === undefined) {
      const typen = dig(
        await this.#zgw(`/catalogi/api/v1/statustypen?zaaktype=${encodeURIComponent(found.zaaktype)}`),
        ['results'],
      );
      const match = Array.isArray(typen)
        ? typen.find((t: unknown) => dig(t, ['omschrijving']) === statustype)
        : undefined;
      const url = dig(match, ['url']);
      if (typeof url !== 'string') throw new Error(`Geen statustype ${statustype} voor ${zaak}.`);
      typeUrl = url;
      this.#statustypen.set(typeKey, url);
    }
    const status = await this.#zgw('/zaken/api/v1/statussen', {
      zaak: found.url,
      statustype: typeUrl,
      datumStatusGezet: new Date().toISOString(),
    });
    return String(dig(status, ['url']));
  }

  async #zaak(identificatie: string): Promise<{ url: string; zaaktype: string }> {
    const known = this.#zaken.get(identificatie);
    if (known) return known;
    const results = dig(await this.#zgw(`/zaken/api/v1/zaken?identificatie=${identificatie}`), ['results']);
    const first: unknown = Array.isArray(results) ? results[0] : undefined;
    const url = dig(first, ['url']);
    const zaaktype = dig(first, ['zaaktype']);
    if (typeof url !== 'string' || typeof zaaktype !== 'string') throw new Error(`Geen zaak ${identificatie}.`);
    const zaak = { url, zaaktype };
    this.#zaken.set(identificatie, zaak);
    return zaak;
  }

  async #zgw(path: string, body?: unknown): Promise<unknown> {
    const headers = await zgwHeaders(
      this.endpoints.zgw,
      { userId: 'behandelaar', userRepresentation: 'Behandelaar (soak)' },
      Date.now(),
    );
    const response = await request(`${this.endpoints.zgwUrl}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      headersTimeout: 10_000,
      bodyTimeout: 10_000,
    });
    const text = await response.body.text();
    if (response.statusCode >= 300) throw new Error(`ZGW ${path}: HTTP ${response.statusCode} ${text.slice(0, 300)}`);
    return JSON.parse(text) as unknown;
  }

  /** Every e-mail NotifyNL accepted for the launcher's service, oldest first. */
  async sentEmails(): Promise<SentEmail[]> {
    const response = await request(`${this.endpoints.notifyUrl}/v2/notifications?template_type=email`, {
      headers: { authorization: `Bearer ${await notifyToken(this.#key, new Date())}` },
      headersTimeout: 10_000,
      bodyTimeout: 10_000,
    });
    const text = await response.body.text();
    if (response.statusCode !== 200) throw new Error(`NotifyNL: HTTP ${response.statusCode} ${text.slice(0, 300)}`);
    const list = dig(JSON.parse(text) as unknown, ['notifications']);
    if (!Array.isArray(list)) throw new Error('NotifyNL gaf geen lijst met notifications.');
    return list
      .map((n: unknown) => ({
        id: String(dig(n, ['id'])),
        reference: stringOrNull(dig(n, ['reference'])),
        emailAddress: stringOrNull(dig(n, ['email_address'])),
        templateId: String(dig(n, ['template', 'id'])),
        subject: stringOrNull(dig(n, ['subject'])),
        body: String(dig(n, ['body'])),
        createdAt: String(dig(n, ['created_at'])),
      }))
      .reverse(); // NotifyNL lists newest first
  }

  /** The status e-mails to the resident about one zaak. */
  async statusEmails(zaak: string): Promise<SentEmail[]> {
    const template = NOTIFY_TEMPLATES['zaak-status-email'].id;
    return (await this.sentEmails()).filter(
      (n) => n.emailAddress === MELDINGEN_MAIL && n.templateId === template && (n.subject ?? '').includes(zaak),
    );
  }

  /** The resident's own view: `me.meldingen` (the newest 100). */
  async meldingen(token: string): Promise<{ zaakIdentificatie: string; kanaal: string; status: string }[]> {
    const data = await this.graphql(
      token,
      '{ me { meldingen(aantal: 100) { zaakIdentificatie kanaal status redenCode } } }',
      {},
    );
    const list = dig(data, ['me', 'meldingen']);
    if (!Array.isArray(list)) throw new Error(`me.meldingen ontbreekt: ${JSON.stringify(data)}`);
    return list.map((m: unknown) => ({
      zaakIdentificatie: String(dig(m, ['zaakIdentificatie'])),
      kanaal: String(dig(m, ['kanaal'])),
      status: String(dig(m, ['status'])),
    }));
  }

  /** A GraphQL call as the resident; throws on any error in the answer. */
  async graphql(token: string, query: string, variables: Record<string, unknown>): Promise<unknown> {
    const response = await request(this.endpoints.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
      headersTimeout: 30_000,
      bodyTimeout: 30_000,
    });
    const text = await response.body.text();
    const body = JSON.parse(text) as { data?: unknown; errors?: unknown };
    if (response.statusCode !== 200 || body.errors !== undefined) {
      throw new Error(`GraphQL: HTTP ${response.statusCode} ${text.slice(0, 500)}`);
    }
    return body.data;
  }
}

function dig(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
