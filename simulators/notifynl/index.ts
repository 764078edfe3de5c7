export {
  createNotifySimulator,
  type NotifySimulator,
  type NotifySimulatorOptions,
  type SentNotification,
} from './server.js';
export { NOTIFY_TEMPLATES, type NotifyTemplate } from './templates.js';
export { normalisePhoneNumber } from './request.js';
export {
  FAILING_RECIPIENTS,
  type DeliveryReceipt,
  type DeliveryStatus,
  type DeliveryStatusCallback,
} from './delivery.js';
