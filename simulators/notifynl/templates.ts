import { stableUuid } from '../shared/ids.js';

/** A Notify template; `((naam))` placeholders are filled from `personalisation`. */
export interface NotifyTemplate {
  id: string;
  type: 'email' | 'sms';
  name: string;
  version: number;
  /** E-mail only. */
  subject?: string;
  body: string;
}

function template(key: string, rest: Omit<NotifyTemplate, 'id' | 'version'>): NotifyTemplate {
  return { id: stableUuid(`notifynl:template:${key}`), version: 1, ...rest };
}

/**
 * Templates the simulator knows out of the box, by name. Their ids are stable, so configuration
 * and tests can refer to them (`NOTIFY_TEMPLATES['zaak-status-email'].id`).
 */
export const NOTIFY_TEMPLATES = {
  'zaak-status-email': template('zaak-status-email', {
    type: 'email',
    name: 'Statuswijziging zaak (e-mail)',
    subject: 'Nieuwe status voor uw zaak ((zaak))',
    body: 'Beste ((naam)),\n\nUw zaak ((zaak)) heeft een nieuwe status: ((status)).\n\nBekijk uw zaak op ((url)).',
  }),
  'zaak-status-sms': template('zaak-status-sms', {
    type: 'sms',
    name: 'Statuswijziging zaak (sms)',
    body: 'Uw zaak ((zaak)) heeft een nieuwe status: ((status)). Meer informatie: ((url))',
  }),
  'verificatiecode-email': template('verificatiecode-email', {
    type: 'email',
    name: 'Verificatiecode e-mailadres',
    subject: 'Uw verificatiecode',
    body: 'Uw verificatiecode is ((code)). De code is 15 minuten geldig.',
  }),
  'verificatiecode-sms': template('verificatiecode-sms', {
    type: 'sms',
    name: 'Verificatiecode telefoonnummer',
    body: 'Uw verificatiecode is ((code)). De code is 15 minuten geldig.',
  }),
  'zaak-status-email-en': template('zaak-status-email-en', {
    type: 'email',
    name: 'Case status update (e-mail, English)',
    subject: 'New status for your case ((zaak))',
    body: 'Dear ((naam)),\n\nYour case ((zaak)) has a new status: ((status)).\n\nSee your case at ((url)).',
  }),
  'zaak-status-sms-en': template('zaak-status-sms-en', {
    type: 'sms',
    name: 'Case status update (SMS, English)',
    body: 'Your case ((zaak)) has a new status: ((status)). More information: ((url))',
  }),
  'verificatiecode-email-en': template('verificatiecode-email-en', {
    type: 'email',
    name: 'Verification code e-mail address (English)',
    subject: 'Your verification code',
    body: 'Your verification code is ((code)). The code is valid for 15 minutes.',
  }),
  'verificatiecode-sms-en': template('verificatiecode-sms-en', {
    type: 'sms',
    name: 'Verification code phone number (English)',
    body: 'Your verification code is ((code)). The code is valid for 15 minutes.',
  }),
} as const satisfies Record<string, NotifyTemplate>;

const PLACEHOLDER = /\(\(([^()]+?)\)\)/g;

/** The placeholder names a text uses, in order of first use. */
export function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => (m[1] ?? '').trim()))];
}

/** Fills the placeholders; the caller has checked that every one has a value. */
export function render(text: string, personalisation: Readonly<Record<string, string>>): string {
  return text.replace(PLACEHOLDER, (_match, name: string) => personalisation[name.trim()] ?? '');
}
