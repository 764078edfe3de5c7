import type { Request } from 'express';
import type { ErrorResponder } from '../shared/problem.js';
import type { Clock } from '../shared/simulator.js';
import type { ZgwNotification } from './notificaties.js';
import type { Urls } from './render.js';
import type { ZgwStore } from './store.js';

/** What the ZGW route handlers share. */
export interface ZgwContext {
  store: ZgwStore;
  /** URL builder for the base URL this request is answered under. */
  urls: (req: Request) => Urls;
  respond: ErrorResponder;
  now: Clock;
  /** Whether Open Zaak's KvK filters are known (false: a standard Zaken API 1.5.1). */
  kvkFilters: boolean;
  /** Publishes a notification (no-op without a configured callback). */
  notify: (notification: ZgwNotification) => void;
}
