import express, { type Request, type Response } from 'express';
import { randomUUID } from 'node:crypto';
import { isUuid } from '../shared/ids.js';
import {
  baseUrlOf,
  createSimulatorApp,
  type BaseUrl,
  type Clock,
  type CommonSimulatorOptions,
  type Simulator,
} from '../shared/simulator.js';
import { notifyAuth, serviceIdOf } from './auth.js';
import { deliverReceipt, deliveryStatusFor, type DeliveryStatus, type DeliveryStatusCallback } from './delivery.js';
import { respondNotifyError, sendNotifyErrors } from './errors.js';
import { parseSendRequest, type Channel } from './request.js';
import { NOTIFY_TEMPLATES, render, type NotifyTemplate } from './templates.js';

export interface NotifySimulatorOptions extends CommonSimulatorOptions {
  /** Accepted API keys: service id (the JWT `iss`) → secret key. */
  services: Readonly<Record<string, string>>;
  /** Templates by id; defaults to {@link NOTIFY_TEMPLATES}. */
  templates?: readonly NotifyTemplate[];
  /** Base URL for `uri` members; defaults to the one the client used. */
  baseUrl?: BaseUrl;
  /** Time source for `iat` checks and timestamps. */
  now?: Clock;
  /** Where to post a delivery receipt after each accepted message (none when absent). */
  deliveryStatusCallback?: DeliveryStatusCallback;
  /** Called when posting a receipt fails; defaults to a console warning. */
  onCallbackError?: (error: unknown) => void;
}

/** A notification the simulator accepted; "delivered" immediately. */
export interface SentNotification {
  id: string;
  serviceId: string;
  type: Channel;
  recipient: string;
  reference: string | null;
  template: NotifyTemplate;
  personalisation: Record<string, string>;
  subject: string | null;
  body: string;
  createdAt: string;
  /** `delivered`, unless the recipient is one of the failing ones (see `FAILING_RECIPIENTS`). */
  status: DeliveryStatus;
}

export interface NotifySimulator extends Simulator {
  /** Everything accepted so far, oldest first. */
  sent(): SentNotification[];
}

const FROM_EMAIL = 'noreply@notifynl.example';
const SMS_SENDER = 'Gemeente';

/**
 * Simulates NotifyNL (a GOV.UK Notify fork, API v2): send e-mail and SMS from templates, look
 * notifications up by id or `reference`. Like Notify it does not deduplicate on `reference`.
 * Use `setFaults({ failNext: n, status: 429 })` to have the next n requests rate-limited.
 * Messages to `perm-fail@simulator.notify` or `+447822222222` end in `permanent-failure` (a
 * bounce), to `temp-fail@simulator.notify` or `+447833333333` in `temporary-failure`; with a
 * `deliveryStatusCallback`, each accepted message is followed by its delivery receipt.
 */
export function createNotifySimulator(options: NotifySimulatorOptions): NotifySimulator {
  const now = options.now ?? (() => new Date());
  const templates = new Map((options.templates ?? Object.values(NOTIFY_TEMPLATES)).map((t) => [t.id, t]));
  const sent: SentNotification[] = [];
  const callback = options.deliveryStatusCallback;
  const onCallbackError =
    options.onCallbackError ?? ((error: unknown) => console.warn('[notifynl] delivery receipt not delivered', error));

  const templateRef = (base: string, n: SentNotification) => ({
    id: n.template.id,
    version: n.template.version,
    uri: `${base}/services/${n.serviceId}/templates/${n.template.id}`,
  });

  const notificationView = (base: string, n: SentNotification) => ({
    id: n.id,
    reference: n.reference,
    email_address: n.type === 'email' ? n.recipient : null,
    phone_number: n.type === 'sms' ? n.recipient : null,
    line_1: null,
    line_2: null,
    line_3: null,
    line_4: null,
    line_5: null,
    line_6: null,
    postcode: null,
    postage: null,
    type: n.type,
    status: n.status,
    template: templateRef(base, n),
    body: n.body,
    subject: n.subject,
    created_at: n.createdAt,
    created_by_name: null,
    sent_at: n.createdAt,
    completed_at: n.createdAt,
    scheduled_for: null,
    one_click_unsubscribe: null,
    is_cost_data_ready: true,
    cost_in_pounds: 0,
    cost_details: {},
  });

  const send = (channel: Channel) => (req: Request, res: Response) => {
    const parsed = parseSendRequest(channel, req.body, templates);
    if (!parsed.ok) {
      sendNotifyErrors(res, 400, parsed.errors);
      return;
    }
    const { template, recipient, personalisation, reference } = parsed.request;
    const notification: SentNotification = {
      id: randomUUID(),
      serviceId: serviceIdOf(res),
      type: channel,
      recipient,
      reference,
      template,
      personalisation,
      subject: template.subject !== undefined ? render(template.subject, personalisation) : null,
      body: render(template.body, personalisation),
      createdAt: now().toISOString(),
      status: deliveryStatusFor(recipient),
    };
    sent.push(notification);
    const base = baseUrlOf(req, options.baseUrl);
    res.status(201).json({
      id: notification.id,
      reference,
      content:
        channel === 'email'
          ? {
              subject: notification.subject,
              body: notification.body,
              from_email: FROM_EMAIL,
              one_click_unsubscribe_url: null,
            }
          : { body: notification.body, from_number: SMS_SENDER },
      uri: `${base}/v2/notifications/${notification.id}`,
      template: templateRef(base, notification),
      scheduled_for: null,
    });
    if (callback) {
      // After the answer, as NotifyNL does: the receipt may even arrive before the client has
      // processed the 201.
      res.once('finish', () => {
        void deliverReceipt(
          callback,
          {
            id: notification.id,
            reference: notification.reference,
            to: notification.recipient,
            status: notification.status,
            created_at: notification.createdAt,
            completed_at: notification.createdAt,
            sent_at: notification.createdAt,
            notification_type: channel,
            template_id: notification.template.id,
            template_version: notification.template.version,
          },
          onCallbackError,
        );
      });
    }
  };

  const v2 = express.Router();
  v2.use(notifyAuth(options.services, now));
  v2.post('/notifications/email', send('email'));
  v2.post('/notifications/sms', send('sms'));
  v2.get('/notifications', (req, res) => {
    const { reference, template_type: type, status, older_than: olderThan } = req.query;
    const serviceId = serviceIdOf(res);
    let mine = sent.filter((n) => n.serviceId === serviceId).reverse(); // newest first, as Notify lists
    if (typeof olderThan === 'string') {
      const index = mine.findIndex((n) => n.id === olderThan);
      mine = index === -1 ? [] : mine.slice(index + 1);
    }
    const matches = mine.filter(
      (n) =>
        (typeof reference !== 'string' || n.reference === reference) &&
        (typeof type !== 'string' || n.type === type) &&
        (typeof status !== 'string' || status === n.status),
    );
    const base = baseUrlOf(req, options.baseUrl);
    res.json({
      notifications: matches.map((n) => notificationView(base, n)),
      links: { current: `${base}${req.originalUrl}` },
    });
  });
  v2.get('/notifications/:id', (req, res) => {
    const id = req.params['id'];
    if (!isUuid(id)) {
      sendNotifyErrors(res, 400, [{ error: 'ValidationError', message: 'notification_id is not a valid UUID' }]);
      return;
    }
    const notification = sent.find((n) => n.id === id && n.serviceId === serviceIdOf(res));
    if (!notification) sendNotifyErrors(res, 404, [{ error: 'NoResultFound', message: 'No result found' }]);
    else res.json(notificationView(baseUrlOf(req, options.baseUrl), notification));
  });

  const simulator = createSimulatorApp({
    name: 'notifynl',
    faults: options.faults,
    respondError: respondNotifyError,
    routes: (app) => app.use('/v2', v2),
  });
  return { ...simulator, sent: () => sent.map((n) => ({ ...n, personalisation: { ...n.personalisation } })) };
}
