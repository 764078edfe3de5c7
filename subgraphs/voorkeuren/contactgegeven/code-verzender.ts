import { randomInt } from 'node:crypto';
import type { NotifyClient } from '../../../lib/notifynl/index.js';
import type { GeplandeVerzending, TaalCode } from '../store/store.js';

/** NotifyNL template ids per purpose, per language (configuration `NOTIFYNL_TEMPLATES`). */
export interface NotifyTemplateSet {
  readonly 'verificatiecode-email': string;
  readonly 'verificatiecode-sms': string;
  /** Meldingen about zaken (part B); required when meldingen are on. */
  readonly 'zaak-status-email'?: string | undefined;
  readonly 'zaak-status-sms'?: string | undefined;
}

/** Dutch is required; an English template that is missing falls back to the Dutch one. */
export interface NotifyTemplates {
  readonly nl: NotifyTemplateSet;
  readonly en?: { readonly [K in keyof NotifyTemplateSet]?: NotifyTemplateSet[K] | undefined } | undefined;
}

/** Sends a verification code and returns NotifyNL's id of the message. */
export interface CodeVerzender {
  verstuur(verzending: GeplandeVerzending, code: string): Promise<string>;
}

/** The template for a purpose in the resident's language. */
export function templateVoor(
  templates: NotifyTemplates,
  taal: TaalCode,
  doel: 'verificatiecode-email' | 'verificatiecode-sms',
): string {
  return (taal === 'en' ? templates.en?.[doel] : undefined) ?? templates.nl[doel];
}

/**
 * Verification codes through NotifyNL, with our reservation as `reference` (so a delivery
 * receipt finds the contact detail back) and the validity in the personalisation.
 */
export function createCodeVerzender(
  client: NotifyClient,
  templates: NotifyTemplates,
  geldigMinuten: number,
): CodeVerzender {
  return {
    async verstuur({ referentie, contact, taal }, code) {
      const personalisation = { code, minuten: String(geldigMinuten) };
      const receipt =
        contact.soort === 'EMAIL'
          ? await client.sendEmail({
              templateId: templateVoor(templates, taal, 'verificatiecode-email'),
              emailAddress: contact.waarde,
              personalisation,
              reference: referentie,
            })
          : await client.sendSms({
              templateId: templateVoor(templates, taal, 'verificatiecode-sms'),
              phoneNumber: contact.waarde,
              personalisation,
              reference: referentie,
            });
      return receipt.id;
    },
  };
}

/** Six random digits from the operating system's CSPRNG. */
export function generateVerificatiecode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}
