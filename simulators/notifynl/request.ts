import { isUuid } from '../shared/ids.js';
import type { NotifyError } from './errors.js';
import { placeholders, type NotifyTemplate } from './templates.js';

export type Channel = 'email' | 'sms';

/** A send request that passed validation. */
export interface SendRequest {
  template: NotifyTemplate;
  recipient: string;
  personalisation: Record<string, string>;
  reference: string | null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Normalises a phone number: Dutch mobile numbers in any common notation become `+316…`; other
 * international numbers must start with `+` or `00`. Returns `undefined` when not a number.
 */
export function normalisePhoneNumber(input: string): string | undefined {
  const compact = input.replace(/[\s\-().]/g, '');
  if (/^06\d{8}$/.test(compact)) return `+31${compact.slice(1)}`;
  const international = compact.replace(/^00/, '+');
  return /^\+[1-9]\d{7,14}$/.test(international) ? international : undefined;
}

const validation = (message: string): NotifyError => ({ error: 'ValidationError', message });

/**
 * Validates a `POST /v2/notifications/{email|sms}` body as Notify does: JSON-schema errors as
 * ValidationError (all at once), then template problems as BadRequestError.
 */
export function parseSendRequest(
  channel: Channel,
  body: unknown,
  templates: ReadonlyMap<string, NotifyTemplate>,
): { ok: true; request: SendRequest } | { ok: false; errors: NotifyError[] } {
  const input =
    typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const recipientField = channel === 'email' ? 'email_address' : 'phone_number';
  const errors: NotifyError[] = [];

  const templateId = input['template_id'];
  if (templateId === undefined) errors.push(validation('template_id is a required property'));
  else if (typeof templateId !== 'string' || !isUuid(templateId))
    errors.push(validation('template_id is not a valid UUID'));

  const rawRecipient = input[recipientField];
  let recipient: string | undefined;
  if (rawRecipient === undefined) errors.push(validation(`${recipientField} is a required property`));
  else if (typeof rawRecipient !== 'string')
    errors.push(validation(`${recipientField} ${String(rawRecipient)} is not of type string`));
  else if (channel === 'email') {
    if (EMAIL.test(rawRecipient)) recipient = rawRecipient;
    else errors.push(validation('email_address Not a valid email address'));
  } else {
    recipient = normalisePhoneNumber(rawRecipient);
    if (!recipient) errors.push(validation('phone_number Not a valid phone number'));
  }

  const personalisation = input['personalisation'] ?? {};
  const values: Record<string, string> = {};
  if (typeof personalisation !== 'object' || personalisation === null || Array.isArray(personalisation)) {
    errors.push(validation('personalisation is not of type object'));
  } else {
    for (const [name, value] of Object.entries(personalisation)) {
      if (typeof value === 'string' || typeof value === 'number') values[name] = String(value);
    }
  }

  const reference = input['reference'];
  if (reference !== undefined && reference !== null && typeof reference !== 'string') {
    errors.push(validation('reference is not of type string, null'));
  }
  if (errors.length > 0 || typeof templateId !== 'string' || recipient === undefined) return { ok: false, errors };

  const template = templates.get(templateId);
  if (!template) return { ok: false, errors: [{ error: 'BadRequestError', message: 'Template not found' }] };
  if (template.type !== channel) {
    return {
      ok: false,
      errors: [
        { error: 'BadRequestError', message: `${template.type} template is not suitable for ${channel} notification` },
      ],
    };
  }
  const missing = placeholders(`${template.subject ?? ''} ${template.body}`).filter((name) => !(name in values));
  if (missing.length > 0) {
    return {
      ok: false,
      errors: [{ error: 'BadRequestError', message: `Missing personalisation: ${missing.join(', ')}` }],
    };
  }
  return {
    ok: true,
    request: {
      template,
      recipient,
      personalisation: values,
      reference: typeof reference === 'string' ? reference : null,
    },
  };
}
