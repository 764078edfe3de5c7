import { fetch } from 'undici';
import type { Channel } from './request.js';

/** Final delivery states the simulator reports (NotifyNL API v2). */
export type DeliveryStatus = 'delivered' | 'permanent-failure' | 'temporary-failure';

/**
 * Recipients that fail on purpose, as Notify's own simulated recipients do: use them to test
 * bounces. Every other recipient is "delivered" at once.
 */
export const FAILING_RECIPIENTS: Readonly<Record<string, DeliveryStatus>> = {
  'perm-fail@simulator.notify': 'permanent-failure',
  'temp-fail@simulator.notify': 'temporary-failure',
  '+447822222222': 'permanent-failure',
  '+447833333333': 'temporary-failure',
};

/** The status a message to `recipient` ends in. */
export function deliveryStatusFor(recipient: string): DeliveryStatus {
  return FAILING_RECIPIENTS[recipient.toLowerCase()] ?? 'delivered';
}

/** Where delivery receipts go, as a service's "delivery status" callback is set up in NotifyNL. */
export interface DeliveryStatusCallback {
  /** The URL, or a function giving it (a test server's port is known only after it listens). */
  url: string | (() => string);
  /** Sent as `Authorization: Bearer <token>` (NotifyNL requires at least 10 characters). */
  bearerToken: string;
}

/** A delivery receipt in NotifyNL's callback format: all strings except `template_version`. */
export interface DeliveryReceipt {
  id: string;
  reference: string | null;
  to: string;
  status: DeliveryStatus;
  created_at: string;
  completed_at: string;
  sent_at: string;
  notification_type: Channel;
  template_id: string;
  template_version: number;
}

const DELIVERY_TIMEOUT_MS = 5_000;

/**
 * Posts a receipt to the callback. Never rejects: a failed delivery goes to `onError` (the real
 * NotifyNL retries every 5 minutes, 5 times; this simulator does not retry).
 */
export async function deliverReceipt(
  callback: DeliveryStatusCallback,
  receipt: DeliveryReceipt,
  onError: (error: unknown) => void,
): Promise<void> {
  try {
    const url = typeof callback.url === 'function' ? callback.url() : callback.url;
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${callback.bearerToken}` },
      body: JSON.stringify(receipt),
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    });
    await response.body?.cancel();
    if (!response.ok) onError(new Error(`delivery-status callback answered ${response.status}`));
  } catch (error) {
    onError(error);
  }
}
