import { fetch } from 'undici';

/** Where the simulator delivers ZGW notifications, as an abonnement of the Notificaties API would. */
export interface NotificationsCallback {
  /** A function when the receiver's address is only known later (a test stack on port 0). */
  url: string | (() => string);
  /** Sent verbatim as the `Authorization` header (the abonnement's `auth`). */
  authorization?: string;
}

/** A notification in the shape of the Notificaties API 1.0 `Message` (what an abonnee receives). */
export interface ZgwNotification {
  kanaal: string;
  hoofdObject: string;
  resource: string;
  resourceUrl: string;
  actie: string;
  aanmaakdatum: string;
  kenmerken: Record<string, string>;
}

/** How long a delivery may take before it is given up (the real NRC also does not wait forever). */
const DELIVERY_TIMEOUT_MS = 5_000;

/**
 * Delivers `notification` to the callback. Returns a promise that never rejects: a failed
 * delivery is reported to `onError` only, because the Zaken API answers its client regardless
 * (the real NRC retries on its own schedule; this simulator does not).
 */
export async function deliverNotification(
  callback: NotificationsCallback,
  notification: ZgwNotification,
  onError: (error: unknown) => void,
): Promise<void> {
  try {
    const url = typeof callback.url === 'string' ? callback.url : callback.url();
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(callback.authorization ? { authorization: callback.authorization } : {}),
      },
      body: JSON.stringify(notification),
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    });
    await response.body?.cancel();
    if (!response.ok) onError(new Error(`notification callback answered ${response.status}`));
  } catch (error) {
    onError(error);
  }
}
