import { z } from 'zod';

/**
 * A delivery receipt as NotifyNL posts it to a service's callback URL (with the service's
 * bearer token): one per e-mail or SMS, when its status becomes final. All values are strings
 * except `template_version`. `to` holds the recipient: never log it.
 */
export const deliveryReceiptSchema = z.object({
  id: z.string().min(1),
  reference: z.string().nullable(),
  to: z.string().optional(),
  status: z.string().min(1),
  created_at: z.string().optional(),
  completed_at: z.string().nullable().optional(),
  sent_at: z.string().nullable().optional(),
  notification_type: z.enum(['email', 'sms', 'letter']),
  template_id: z.string().optional(),
  template_version: z.number().optional(),
});

export type DeliveryReceipt = z.infer<typeof deliveryReceiptSchema>;

/** What a final delivery status means for the address it went to. */
export type DeliveryOutcome = 'AFGELEVERD' | 'ONBESTELBAAR' | 'TIJDELIJK_NIET_AFGELEVERD';

/**
 * `delivered` reached the inbox or phone; `permanent-failure` means the address or number does
 * not exist (Notify: "remove it from your database"); a temporary or technical failure says
 * nothing about the address. Intermediate states give undefined.
 */
export function deliveryOutcome(status: string): DeliveryOutcome | undefined {
  switch (status) {
    case 'delivered':
      return 'AFGELEVERD';
    case 'permanent-failure':
      return 'ONBESTELBAAR';
    case 'temporary-failure':
    case 'technical-failure':
      return 'TIJDELIJK_NIET_AFGELEVERD';
    default:
      return undefined;
  }
}
