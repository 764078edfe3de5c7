export {
  createNotifySimulator,
  type NotifySimulator,
  type NotifySimulatorOptions,
  type SentNotification,
} from './server.js';
export { NOTIFY_TEMPLATES, type NotifyTemplate } from './templates.js';
export { normalisePhoneNumber } from './request.js';
