/** The two halves of a Notify API key: the service id (the JWT `iss`) and the secret that signs. */
export interface NotifyApiKey {
  readonly serviceId: string;
  readonly secret: string;
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const API_KEY = new RegExp(`^(?:.+-)?(${UUID})-(${UUID})$`, 'i');

/**
 * Reads an API key as NotifyNL (like GOV.UK Notify) hands it out: `{naam}-{service id}-{secret}`,
 * the last two parts UUIDs. Returns undefined when the value has another shape.
 */
export function parseNotifyApiKey(value: string): NotifyApiKey | undefined {
  const match = API_KEY.exec(value.trim());
  if (!match?.[1] || !match[2]) return undefined;
  return { serviceId: match[1].toLowerCase(), secret: match[2].toLowerCase() };
}
