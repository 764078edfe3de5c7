import {
  baseUrlOf,
  createSimulatorApp,
  type BaseUrl,
  type Clock,
  type CommonSimulatorOptions,
  type Simulator,
} from '../shared/simulator.js';
import { zgwAuth } from './auth.js';
import { catalogiRouter } from './catalogi.routes.js';
import type { ZgwContext } from './context.js';
import { zgwErrorResponder } from './errors.js';
import { deliverNotification, type NotificationsCallback } from './notificaties.js';
import { documentenRouter } from './documenten.routes.js';
import { CATALOGI_ROOT, DOCUMENTEN_ROOT, Urls, ZAKEN_ROOT } from './render.js';
import { ZGW_SEEDS, type ZgwSeedName } from './seeds/index.js';
import { ZgwStore } from './store.js';
import type { ZgwSeed } from './types.js';
import { zakenRouter } from './zaken.routes.js';

export interface ZgwSimulatorOptions extends CommonSimulatorOptions {
  /** Which zaaksysteem to simulate: a named seed or a custom one. */
  seed: ZgwSeedName | ZgwSeed;
  /** Accepted ZGW clients: `client_id` → HS256 secret. */
  clients: Readonly<Record<string, string>>;
  /**
   * Base URL for the absolute URLs in responses. Defaults to the scheme and Host the client used,
   * which is right for loopback servers on port 0; set it when behind a proxy.
   */
  baseUrl?: BaseUrl;
  /** When set, `POST /statussen` delivers a Notificaties `Message` here (fire and forget). */
  notificationsCallback?: NotificationsCallback;
  /** Called when delivering a notification fails; defaults to a console warning. */
  onNotificationError?: (error: unknown) => void;
  /**
   * Whether Open Zaak's KvK filters (`rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__kvkNummer`
   * and friends) are supported (default true). False simulates a standard Zaken API 1.5.1 that
   * refuses them as unknown parameters. Defaults to the seed's setting.
   */
  kvkFilters?: boolean;
  /** Time source for `aanmaakdatum` and JWT `iat` checks. */
  now?: Clock;
}

/** A ZGW simulator, with the seed it was started from (for tests that need its identifiers). */
export interface ZgwSimulator extends Simulator {
  readonly seed: ZgwSeed;
}

/**
 * Simulates one municipal zaaksysteem the way Open Zaak serves it: Zaken API 1.5.1 (with Open
 * Zaak's `expand`, `pageSize` and KvK filters) under `/zaken/api/v1`, Catalogi API 1.3.1 under
 * `/catalogi/api/v1` and a read-only Documenten API 1.4.2 under `/documenten/api/v1`, behind ZGW
 * JWT authentication. Two instances with different seeds are two independent zaaksystemen.
 */
export function createZgwSimulator(options: ZgwSimulatorOptions): ZgwSimulator {
  const seed = typeof options.seed === 'string' ? ZGW_SEEDS[options.seed] : options.seed;
  const now = options.now ?? (() => new Date());
  const respond = zgwErrorResponder(options.baseUrl);
  const callback = options.notificationsCallback;
  const onNotificationError =
    options.onNotificationError ??
    ((error: unknown) => console.warn(`[zgw ${seed.name}] notification not delivered`, error));
  const context: ZgwContext = {
    store: new ZgwStore(seed),
    urls: (req) => new Urls(baseUrlOf(req, options.baseUrl)),
    respond,
    now,
    kvkFilters: options.kvkFilters ?? seed.kvkFilters ?? true,
    notify: (notification) => {
      if (callback) void deliverNotification(callback, notification, onNotificationError);
    },
  };
  const auth = zgwAuth(options.clients, now, options.baseUrl, respond);

  const simulator = createSimulatorApp({
    name: `zgw-${seed.name}`,
    faults: options.faults,
    respondError: respond,
    routes: (app) => {
      app.use(ZAKEN_ROOT, auth, zakenRouter(context));
      app.use(CATALOGI_ROOT, auth, catalogiRouter(context));
      app.use(DOCUMENTEN_ROOT, auth, documentenRouter(context));
    },
  });
  return { ...simulator, seed };
}
