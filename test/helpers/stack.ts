import { afterAll, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:http';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { createUpstreamAgent } from '../../lib/http/upstream.js';
import type { StaleWhileRevalidate } from '../../lib/cache/index.js';
import type { JSONWebKeySet } from 'jose';
import { listen, type Listening } from '../../lib/http/listen.js';
import {
  createInternalTokenSigner,
  createInternalTokenVerifier,
  generateInternalKeyPair,
  type InternalTokenSigner,
} from '../../lib/internal-token.js';
import { silentLogger, type Logger } from '../../lib/logging.js';
import { loadOverlapMap } from '../../lib/overlap/index.js';
import { createZgwClient } from '../../lib/zgw/client.js';
import { createOidcVerifier, createResidentCallers, type OidcVerification } from '../../lib/oidc/index.js';
import { createGateway, type GatewayDeps } from '../../gateway/server.js';
import {
  createVerwerkingenBatcher,
  type VerwerkingenBatcher,
  type VerwerkingenBatcherOptions,
} from '../../gateway/verwerkingen/batcher.js';
import { startTcpProxy, type TcpProxy } from './tcp-proxy.js';
import { startFaultProxy, type FaultProxy } from './fault-proxy.js';
import { createBrpServer } from '../../subgraphs/brp/server.js';
import { createBrpClient } from '../../subgraphs/brp/upstream/brp-client.js';
import { createZakenServer } from '../../subgraphs/zaken/server.js';
import { createDocumentLinks } from '../../subgraphs/zaken/document/document-links.js';
import { createBerichtenServer } from '../../subgraphs/berichten/server.js';
import { createFbsAdapter } from '../../subgraphs/berichten/upstream/fbs-client.js';
import { createLopendeZakenClient } from '../../subgraphs/berichten/upstream/lopendezaken-client.js';
import { mijnOverheidLinks } from '../../subgraphs/berichten/links.js';
import { createAfzenderNamen } from '../../subgraphs/berichten/bericht/afzenders.js';
import { SIMULATED_AFZENDERS } from '../../simulators/mijnoverheid/seed.js';
import { createVoorkeurenServer } from '../../subgraphs/voorkeuren/server.js';
import { createSqliteVoorkeurenStores, type VoorkeurenStores } from '../../subgraphs/voorkeuren/store/open.js';
import { contactWaardeUit, createOutboxDispatcher } from '../../subgraphs/voorkeuren/melding/dispatcher.js';
import { startMeldingenLoop, type MeldingenLoop } from '../../subgraphs/voorkeuren/melding/meldingen.js';
import { NOTIFICATIES_PATH } from '../../subgraphs/voorkeuren/melding/notificaties.route.js';
import { createMeldingVerwerker } from '../../subgraphs/voorkeuren/melding/verwerker.js';
import { createNotifyClient } from '../../lib/notifynl/index.js';
import type { NotifySimulator } from '../../simulators/notifynl/index.js';
import {
  SIMULATOR_MELDING_TEMPLATES,
  TEST_CALLBACK_TOKEN,
  TEST_NOTIFY_KEY,
  TEST_ZGW_NOTIFICATIES_AUTH,
  createTestNotifySimulator,
  testCipher,
  testContactgegevensDeps,
} from '../voorkeuren/harness.js';
import type { SubgraphServer } from '../../lib/graphql/index.js';
import type { Simulator } from '../../simulators/shared/simulator.js';
import { createBrpSimulator } from '../../simulators/brp/server.js';
import { createZgwSimulator, type ZgwSimulator } from '../../simulators/zgw/server.js';
import { createMijnOverheidSimulator } from '../../simulators/mijnoverheid/server.js';
import { generateSigningJwks, type Jwks } from '../../simulators/idp/keys.js';
import { loginAsTestPerson } from '../../simulators/idp/login-client.js';
import type { FormNiveau } from '../../simulators/idp/login-form.js';
import { startIdp, TEST_CLIENT_ID, type RunningIdp } from '../idp/harness.js';
import { loadExampleOperations } from '../../gateway/playground/playground.js';
import { SIMULATED_API_PATHS, simulatedZgwSources } from '../../simulators/wiring.js';
import { loadPersistedDocuments } from '../../gateway/plugins/persisted-documents.js';

export const SUBGRAPH_NAMES = ['brp', 'zaken', 'berichten', 'voorkeuren'] as const;
/** The simulated upstreams, by the names `stack.simulators` uses. */
export type UpstreamName = 'brp' | 'zgwA' | 'zgwB' | 'mijnOverheid' | 'notifyNl';
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

/** Upstream calls give up well before the gateway's subgraph timeout, as in production. */
const UPSTREAM_TIMEOUT_MS = 2_000;
/** The ZGW application the stack uses (tests may use it to act as the zaaksysteem's own user). */
export const ZGW_CLIENT = { id: 'profielservice-test', secret: 'test-geheim-voor-zgw-0123456789' };
/** The gateway's pseudonym key; the voorkeuren subgraph finds residents of ZGW events with it. */
export const PSEUDONYM_KEY = 'test-pseudoniem-sleutel-0123456789abcdef';

export interface GraphQLResponse<TData = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: {
    data?: TData | null;
    errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
  };
}

/** The whole stack on 127.0.0.1 port 0, in this process; dispose with `await using`. */
export interface Stack extends AsyncDisposable {
  readonly gatewayUrl: string;
  readonly subgraphUrls: Readonly<Record<SubgraphName, string>>;
  /** With `subgraphProxies`: the proxy in front of each subgraph, as the gateway reaches it. */
  readonly subgraphProxies: Readonly<Partial<Record<SubgraphName, TcpProxy>>>;
  /** With `upstreamProxies`: the proxy in front of each simulated upstream, as the subgraphs reach it. */
  readonly upstreamProxies: Readonly<Partial<Record<UpstreamName, FaultProxy>>>;
  readonly simulators: {
    brp: Simulator;
    zgwA: ZgwSimulator;
    zgwB: ZgwSimulator;
    mijnOverheid: Simulator;
    notifyNl: NotifySimulator;
  };
  /** Base URLs of the ZGW simulators (to act as the zaaksysteem, e.g. set a status). */
  readonly zgwUrls: { readonly zgwA: string; readonly zgwB: string };
  /**
   * The gateway's verwerkingenlog on its way to the voorkeuren subgraph (through its proxy, with
   * `subgraphProxies`): `await stack.verwerkingen.flush()` delivers what is waiting now.
   */
  readonly verwerkingen: VerwerkingenBatcher;
  /** The voorkeuren subgraph's meldingen work: `await stack.meldingen.ronde()` runs a pass now. */
  readonly meldingen: MeldingenLoop;
  readonly idp: RunningIdp & { keys: Jwks };
  /** Signs internal tokens as the gateway does, for direct subgraph calls. */
  readonly internalSigner: InternalTokenSigner;
  /** An access token from the DigiD-simulator, through the real authorization-code flow. */
  login(who: { bsn?: string; kvk?: string; vestiging?: string; niveau?: FormNiveau }): Promise<string>;
  /** POSTs a GraphQL operation (text, or a typed document from schema/generated) to the gateway. */
  query<TData = Record<string, unknown>, TVariables = Record<string, unknown>>(
    query: string | TypedDocumentNode<TData, TVariables>,
    options?: RequestOptions<TVariables>,
  ): Promise<GraphQLResponse<TData>>;
}

export interface RequestOptions<TVariables = Record<string, unknown>> {
  token?: string;
  variables?: TVariables;
  headers?: Record<string, string>;
}

export async function postGraphQL<TData = Record<string, unknown>, TVariables = Record<string, unknown>>(
  url: string,
  query: string | TypedDocumentNode<TData, TVariables>,
  options: RequestOptions<TVariables> = {},
): Promise<GraphQLResponse<TData>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: JSON.stringify({ query: typeof query === 'string' ? query : print(query), variables: options.variables }),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as GraphQLResponse<TData>['body'],
  };
}

async function serve(app: Parameters<typeof createServer>[1]): Promise<Listening> {
  return listen(createServer(app), { port: 0 });
}

export interface StackOptions {
  now?: () => Date;
  /** Serve the playground at the gateway root, with login at the IdP (its URL is registered there). */
  playground?: boolean;
  /**
   * Put a TCP proxy between the gateway and each subgraph (`stack.subgraphProxies`), so a test
   * can make one subgraph hang or refuse connections as a stopped or dead process would.
   */
  subgraphProxies?: boolean;
  /**
   * Put an HTTP fault proxy between the subgraphs and each simulated upstream
   * (`stack.upstreamProxies`), so a test can make one upstream slow, broken or silent.
   */
  upstreamProxies?: boolean;
  /** The gateway's deadlines, breakers, limits and proxies, where a test needs other values than production's. */
  gateway?: Partial<
    Pick<
      GatewayDeps,
      | 'requestDeadlineMs'
      | 'subgraphTimeoutMs'
      | 'subgraphBreaker'
      | 'safelist'
      | 'rateLimits'
      | 'machtigingDiensten'
      | 'trustProxy'
    >
  >;
  /**
   * The voorkeuren subgraph's stores (e.g. PostgreSQL behind a TCP proxy); the caller opens and
   * closes them. Default: SQLite in memory, closed with the stack.
   */
  voorkeurenStores?: VoorkeurenStores;
  /** More browser redirect URIs the IdP accepts for its client (e.g. a portal's `/callback`). */
  extraRedirectUris?: readonly string[];
  /** The zaken subgraph's catalogus cache (e.g. on Redis); a memory cache without it. */
  catalogusCache?: StaleWhileRevalidate;
  /** The verwerkingenlog's batching, where a test needs other values than production's. */
  verwerkingen?: Partial<Pick<VerwerkingenBatcherOptions, 'intervalMs' | 'maxBatch' | 'maxBuffer' | 'timeoutMs'>>;
  /**
   * `oidc`: the subgraphs also accept the resident's own access token from the stack's IdP
   * (SUBGRAPH_AUTH=oidc), so another router can forward it; the stack's gateway still works with
   * its internal tokens. Default `intern`.
   */
  subgraphAuth?: 'intern' | 'oidc';
  /**
   * Where the gateway, the subgraphs, the meldingen work and the DigiD-simulator log, e.g. a
   * logger that keeps every line for a test to read. Default: nowhere.
   */
  logger?: Logger;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const disposers: Array<() => PromiseLike<unknown>> = [];
  const dispose = async () => {
    for (const d of disposers.reverse()) await d();
  };
  try {
    // Upstreams.
    const brpSim = createBrpSimulator(options.now ? { now: options.now } : {});
    const clients = { [ZGW_CLIENT.id]: ZGW_CLIENT.secret };
    // Status changes go to the voorkeuren subgraph, as a Notificaties abonnement would send them.
    const notificationsCallback = {
      url: () => subgraphUrls.voorkeuren.replace(/\/graphql$/, NOTIFICATIES_PATH),
      authorization: TEST_ZGW_NOTIFICATIES_AUTH,
    };
    const onNotificationError = () => undefined;
    const zgwA = createZgwSimulator({ seed: 'gemeente-a', clients, notificationsCallback, onNotificationError });
    const zgwB = createZgwSimulator({ seed: 'gemeente-b', clients, notificationsCallback, onNotificationError });
    const mijnOverheid = createMijnOverheidSimulator({});
    const served = await Promise.all([brpSim, zgwA, zgwB, mijnOverheid].map((s) => serve(s.app)));
    disposers.push(() => Promise.all(served.map((l) => l.close())));
    // NotifyNL posts delivery receipts to the voorkeuren subgraph, whose URL is set further down.
    const notifyNl = createTestNotifySimulator(() => subgraphUrls.voorkeuren);
    const notifyServed = await serve(notifyNl.app);
    disposers.push(() => notifyServed.close());
    // Where the subgraphs reach each upstream: the simulator itself, or a fault proxy before it.
    const upstreamProxies: Partial<Record<UpstreamName, FaultProxy>> = {};
    const via = async (name: UpstreamName, listening: Listening): Promise<{ url: string }> => {
      if (!options.upstreamProxies) return listening;
      const proxy = await startFaultProxy(listening.url);
      disposers.push(() => proxy.close());
      upstreamProxies[name] = proxy;
      return proxy;
    };
    const [brpL, zgwAL, zgwBL, moL] = await Promise.all(
      (['brp', 'zgwA', 'zgwB', 'mijnOverheid'] as const).map((name, i) => via(name, served[i] as Listening)),
    );
    const notifyL = await via('notifyNl', notifyServed);

    // The gateway's address must be known before the IdP registers it as a redirect URI, so its
    // server listens first and gets its handler once the gateway is built.
    const gatewayServer = createServer();
    const gatewayL = await listen(gatewayServer, { port: 0 });
    disposers.push(() => gatewayL.close());

    const keys = generateSigningJwks();
    const idp = await startIdp({
      keys,
      extraRedirectUris: [`${gatewayL.url}/`, ...(options.extraRedirectUris ?? [])],
      logger: options.logger ?? silentLogger,
    });
    disposers.push(() => idp[Symbol.asyncDispose]());

    // Subgraphs.
    const { privateJwk, publicJwks } = await generateInternalKeyPair('test-intern');
    const signer = await createInternalTokenSigner(privateJwk);
    // As in production: keep-alive, and answers larger than MAX_RESPONSE_BYTES refused.
    const dispatcher = createUpstreamAgent();
    disposers.push(() => dispatcher.close());
    const overlap = loadOverlapMap(undefined);
    // The gateway and, in oidc mode, every subgraph verify residents' tokens with these settings.
    const oidcVerification: OidcVerification = {
      issuer: idp.issuer,
      audience: idp.audience,
      algorithms: ['RS256', 'PS256', 'ES256'],
      clockToleranceSeconds: 5,
    };
    const runtime = (name: SubgraphName) => ({
      verifier: createInternalTokenVerifier(publicJwks as JSONWebKeySet, name),
      ...(options.subgraphAuth === 'oidc'
        ? {
            oidc: createResidentCallers({
              oidc: createOidcVerifier(oidcVerification),
              claimPreset: 'bsn',
              machtigingDiensten: options.gateway?.machtigingDiensten ?? {},
              pseudonymKey: PSEUDONYM_KEY,
              logger: options.logger ?? silentLogger,
            }),
          }
        : {}),
      logger: options.logger ?? silentLogger,
      ...(options.now ? { now: options.now } : {}),
    });
    const { store, meldingen: meldingenStore } =
      options.voorkeurenStores ?? (await createSqliteVoorkeurenStores(':memory:', { cipher: testCipher() }));
    if (!options.voorkeurenStores) disposers.push(() => store[Symbol.asyncDispose]());
    const zgwClients = simulatedZgwSources(
      { a: (zgwAL as { url: string }).url, b: (zgwBL as { url: string }).url },
      ZGW_CLIENT,
    ).map((source) => createZgwClient(source, { timeoutMs: UPSTREAM_TIMEOUT_MS, dispatcher }));
    const now = options.now ?? (() => new Date());
    const meldingen = startMeldingenLoop({
      verwerker: createMeldingVerwerker({
        meldingen: meldingenStore,
        voorkeuren: store,
        bronnen: zgwClients,
        mijnOverheidMeldt: (zaaktype) => overlap.mijnOverheidMeldt(zaaktype),
        pseudonymKey: PSEUDONYM_KEY,
        templates: SIMULATOR_MELDING_TEMPLATES,
        portaalUrl: 'https://mijn.gemeente.example',
        now,
        logger: options.logger ?? silentLogger,
      }),
      dispatcher: createOutboxDispatcher({
        store: meldingenStore,
        notify: createNotifyClient({ baseUrl: notifyL.url, apiKey: TEST_NOTIFY_KEY, timeoutMs: 2_000, dispatcher }),
        contactWaarde: contactWaardeUit(store),
        now,
        logger: options.logger ?? silentLogger,
      }),
      intervalMs: 60_000,
      logger: options.logger ?? silentLogger,
    });
    disposers.push(() => meldingen[Symbol.asyncDispose]());
    const subgraphUrls = {} as Record<SubgraphName, string>;
    const subgraphs: Record<SubgraphName, SubgraphServer> = {
      brp: await createBrpServer({
        ...runtime('brp'),
        overlap,
        client: createBrpClient({
          baseUrl: `${brpL?.url}${SIMULATED_API_PATHS.brp}`,
          timeoutMs: UPSTREAM_TIMEOUT_MS,
          dispatcher,
          protocollering: { doelbinding: 'TEST', verwerking: 'test' },
        }),
      }),
      zaken: await createZakenServer({
        ...runtime('zaken'),
        overlap,
        sources: zgwClients,
        ...(options.catalogusCache ? { catalogusCache: options.catalogusCache } : {}),
        documentLinks: createDocumentLinks({
          secret: 'test-documentlinks-0123456789abcdef',
          // Portals fetch documents through the gateway, which passes them to the zaken subgraph.
          baseUrl: () => gatewayL.url,
        }),
      }),
      berichten: await createBerichtenServer({
        ...runtime('berichten'),
        overlap,
        mijnOverheid: {
          berichtenbox: createFbsAdapter({
            baseUrl: `${moL?.url}${SIMULATED_API_PATHS.berichtenbox}`,
            timeoutMs: UPSTREAM_TIMEOUT_MS,
            dispatcher,
          }),
          lopendeZaken: createLopendeZakenClient({
            baseUrl: `${moL?.url}${SIMULATED_API_PATHS.lopendezaken}`,
            timeoutMs: UPSTREAM_TIMEOUT_MS,
            dispatcher,
          }),
        },
        afzenderNaam: createAfzenderNamen(SIMULATED_AFZENDERS),
        ...mijnOverheidLinks('https://mijn.overheid.nl'),
      }),
      voorkeuren: await createVoorkeurenServer({
        ...runtime('voorkeuren'),
        store,
        wijzigNiveau: 'MIDDEN',
        contactgegevens: testContactgegevensDeps(notifyL.url, dispatcher),
        afleverstatusToken: TEST_CALLBACK_TOKEN,
        meldingen: meldingenStore,
        notificaties: { authorization: TEST_ZGW_NOTIFICATIES_AUTH, onOntvangen: () => meldingen.wek() },
      }),
    };
    for (const name of SUBGRAPH_NAMES) {
      const listening = await listen(subgraphs[name].httpServer, { port: 0 });
      subgraphUrls[name] = `${listening.url}/graphql`;
      disposers.push(async () => {
        await listening.close();
        await subgraphs[name][Symbol.asyncDispose]();
      });
    }

    const subgraphProxies: Partial<Record<SubgraphName, TcpProxy>> = {};
    const gatewaySubgraphUrls = { ...subgraphUrls };
    if (options.subgraphProxies) {
      for (const name of SUBGRAPH_NAMES) {
        const url = new URL(subgraphUrls[name]);
        const proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port) });
        disposers.push(() => proxy.close());
        subgraphProxies[name] = proxy;
        gatewaySubgraphUrls[name] = `http://${proxy.address}/graphql`;
      }
    }

    // Gateway. Its verwerkingenlog goes where it reaches the voorkeuren subgraph (the proxy, if any).
    const verwerkingen = createVerwerkingenBatcher({
      voorkeurenUrl: gatewaySubgraphUrls.voorkeuren,
      signer,
      logger: options.logger ?? silentLogger,
      dispatcher,
      ...options.verwerkingen,
    });
    disposers.push(() => verwerkingen.close());
    const gateway = await createGateway({
      supergraphSdl: readFileSync(new URL('../../schema/supergraph.graphql', import.meta.url), 'utf8'),
      subgraphUrls: gatewaySubgraphUrls,
      subgraphTimeoutMs: 5_000,
      ...options.gateway,
      oidc: createOidcVerifier(oidcVerification),
      claimPreset: 'bsn',
      pseudonymKey: PSEUDONYM_KEY,
      signer,
      logger: options.logger ?? silentLogger,
      introspection: false,
      // As in production: the committed manifest serves `documentId`, and the safelist when asked.
      persistedDocuments: loadPersistedDocuments(
        fileURLToPath(new URL('../../schema/generated/persisted-documents.json', import.meta.url)),
      ),
      dispatcher,
      verwerkingen,
      playground: options.playground
        ? {
            login: { issuer: idp.issuer, clientId: TEST_CLIENT_ID },
            examples: loadExampleOperations(fileURLToPath(new URL('../../schema/operations', import.meta.url))),
          }
        : null,
    });
    gatewayServer.on('request', gateway.handler);
    disposers.push(() => gateway[Symbol.asyncDispose]());
    const gatewayUrl = `${gatewayL.url}/graphql`;

    return {
      gatewayUrl,
      subgraphUrls,
      subgraphProxies,
      upstreamProxies,
      simulators: { brp: brpSim, zgwA, zgwB, mijnOverheid, notifyNl },
      verwerkingen,
      meldingen,
      zgwUrls: { zgwA: zgwAL?.url ?? '', zgwB: zgwBL?.url ?? '' },
      idp: Object.assign(idp, { keys }),
      internalSigner: signer,
      async login(who) {
        const { accessToken } = await loginAsTestPerson({
          issuer: idp.issuer,
          clientId: idp.clientId,
          redirectUri: idp.redirectUri,
          audience: idp.audience,
          ...who,
        });
        return accessToken;
      },
      query: (query, queryOptions) => postGraphQL(gatewayUrl, query, queryOptions),
      [Symbol.asyncDispose]: dispose,
    };
  } catch (error) {
    await dispose();
    throw error;
  }
}

/** The `me` of a response, failing the test with the errors when there is none. */
/** `me` with every section it selected answered (the sections are nullable in the schema). */
export type Answered<TMe> = { [K in keyof TMe]: NonNullable<TMe[K]> };

/**
 * `me` of a response in which every selected section answered; throws, with the errors, when
 * `me` or one of its sections is null. A test of a section that is meant to be null reads
 * `response.body.data.me` itself.
 */
export function meOf<TMe extends object>(response: GraphQLResponse<{ me: TMe | null }>): Answered<TMe> {
  const me = response.body.data?.me;
  if (!me) throw new Error(`no me in the response: ${JSON.stringify(response.body.errors)}`);
  const missing = Object.entries(me).filter(([, value]) => value === null);
  if (missing.length > 0) {
    throw new Error(`me.${missing.map(([key]) => key).join(', me.')} is null: ${JSON.stringify(response.body.errors)}`);
  }
  return me as Answered<TMe>;
}

/** A stack for the tests of one `describe` block, with one resident logged in. */
export interface StackForTests {
  readonly stack: Stack;
  /** The access token of the resident logged in before the tests. */
  readonly token: string;
}

/**
 * Starts a stack before the tests of the enclosing `describe` block, logs `who` in (default
 * resident 999993653), and stops it after them. Read `stack` and `token` inside the tests.
 */
export function stackForTests(
  options: StackOptions = {},
  who: Parameters<Stack['login']>[0] = { bsn: '999993653' },
): StackForTests {
  let stack: Stack | undefined;
  let token = '';
  beforeAll(async () => {
    stack = await startStack(options);
    token = await stack.login(who);
  });
  afterAll(async () => {
    await stack?.[Symbol.asyncDispose]();
  });
  return {
    get stack() {
      if (!stack) throw new Error('the stack is not started yet: use it inside a test');
      return stack;
    },
    get token() {
      return token;
    },
  };
}
