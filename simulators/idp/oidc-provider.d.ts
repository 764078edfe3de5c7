/**
 * Typed boundary for `oidc-provider` 9.x, which ships no type declarations of its own.
 *
 * Only the part of the API the development IdP uses is declared, checked against the library's
 * source (lib/provider.js, lib/helpers/defaults.js, lib/models/*). When `@types/oidc-provider`
 * is added to package.json, delete this file: the two declarations would clash.
 */
declare module 'oidc-provider' {
  import type { EventEmitter } from 'node:events';
  import type { IncomingMessage, ServerResponse } from 'node:http';
  import type { JWK } from 'jose';

  export interface ClientMetadata {
    client_id: string;
    client_secret?: string;
    client_name?: string;
    redirect_uris: string[];
    response_types?: string[];
    grant_types?: string[];
    token_endpoint_auth_method?: 'none' | 'client_secret_basic' | 'client_secret_post';
    application_type?: 'web' | 'native';
  }

  /** A client as oidc-provider resolved it from {@link ClientMetadata}. */
  export interface Client {
    readonly clientId: string;
    readonly clientName?: string;
    readonly redirectUris: readonly string[];
    readonly clientAuthMethod: string;
  }

  /** The claims of an account; `use` is `'id_token'` or `'userinfo'`. */
  export interface Account {
    accountId: string;
    claims(use: string, scope: string): Promise<Record<string, unknown>> | Record<string, unknown>;
  }

  export interface Session {
    readonly uid: string;
    readonly accountId?: string;
    grantIdFor(clientId: string): string | undefined;
    destroy(): Promise<void>;
  }

  export interface Grant {
    readonly jti: string;
    readonly accountId: string;
    readonly clientId: string;
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: readonly string[]): void;
    addResourceScope(resource: string, scope: string): void;
    save(): Promise<string>;
  }

  export interface GrantConstructor {
    new (init: { accountId: string; clientId: string }): Grant;
    find(id: string): Promise<Grant | undefined>;
  }

  /** What an interaction hands back to the authorization endpoint. */
  export interface InteractionResults {
    login?: { accountId: string; acr?: string; amr?: string[]; remember?: boolean; ts?: number };
    consent?: { grantId?: string };
    error?: string;
    error_description?: string;
  }

  export interface Interaction {
    readonly uid: string;
    readonly exp: number;
    readonly prompt: { name: string; reasons: string[]; details: Record<string, unknown> };
    readonly params: Record<string, unknown>;
    /** The end-user session the interaction started in, when there was one. */
    session?: { uid: string; accountId?: string; cookie?: string };
    save(ttlSeconds: number): Promise<string>;
  }

  export interface OIDCContext {
    readonly provider: Provider;
    readonly client?: Client;
    readonly session: Session;
    readonly account?: Account;
    readonly result?: InteractionResults;
    readonly entities: { readonly AuthorizationCode?: { readonly acr?: string } };
  }

  export interface KoaContextWithOIDC {
    readonly oidc: OIDCContext;
    type: string;
    body: unknown;
    set(field: string, value: string): void;
  }

  /** The part of an access token that `extraTokenClaims` reads. */
  export interface AccessToken {
    readonly accountId?: string;
    readonly clientId?: string;
  }

  export interface ResourceServerInfo {
    audience: string;
    scope: string;
    accessTokenFormat: 'jwt' | 'opaque';
    accessTokenTTL?: number;
    jwt?: { sign?: { alg: string } };
  }

  /** Storage for oidc-provider's models (sessions, interactions, grants, codes). */
  export interface Adapter {
    upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void>;
    find(id: string): Promise<AdapterPayload | undefined>;
    findByUserCode(userCode: string): Promise<AdapterPayload | undefined>;
    findByUid(uid: string): Promise<AdapterPayload | undefined>;
    consume(id: string): Promise<void>;
    destroy(id: string): Promise<void>;
    revokeByGrantId(grantId: string): Promise<void>;
  }

  export interface AdapterPayload {
    [key: string]: unknown;
    grantId?: string;
    uid?: string;
    userCode?: string;
    consumed?: number;
  }

  export interface ErrorOut {
    error: string;
    error_description?: string;
  }

  type Awaitable<T> = T | Promise<T>;

  export interface Configuration {
    adapter?: (model: string) => Adapter;
    acrValues?: string[];
    claims?: Record<string, null | string[]>;
    clientBasedCORS?: (ctx: KoaContextWithOIDC, origin: string, client: Client) => boolean;
    clients?: ClientMetadata[];
    cookies?: { keys?: string[]; long?: Record<string, unknown>; short?: Record<string, unknown> };
    extraTokenClaims?: (ctx: KoaContextWithOIDC, token: AccessToken) => Awaitable<Record<string, unknown> | undefined>;
    features?: {
      devInteractions?: { enabled: boolean };
      rpInitiatedLogout?: { enabled: boolean };
      userinfo?: { enabled: boolean };
      introspection?: { enabled: boolean };
      revocation?: { enabled: boolean };
      resourceIndicators?: {
        enabled: boolean;
        defaultResource?: (ctx: KoaContextWithOIDC, client: Client, oneOf?: string[]) => Awaitable<string | undefined>;
        useGrantedResource?: (ctx: KoaContextWithOIDC, model: unknown) => Awaitable<boolean>;
        getResourceServerInfo?: (
          ctx: KoaContextWithOIDC,
          resourceIndicator: string,
          client: Client,
        ) => Awaitable<ResourceServerInfo>;
      };
    };
    findAccount?: (ctx: KoaContextWithOIDC, sub: string, token?: unknown) => Awaitable<Account | undefined>;
    interactions?: {
      policy?: interactionPolicy.Prompt[];
      url?: (ctx: KoaContextWithOIDC, interaction: Interaction) => Awaitable<string>;
    };
    jwks?: { keys: JWK[] };
    loadExistingGrant?: (ctx: KoaContextWithOIDC) => Awaitable<Grant | undefined>;
    pkce?: { required?: (ctx: KoaContextWithOIDC, client: Client) => boolean };
    renderError?: (ctx: KoaContextWithOIDC, out: ErrorOut, error: Error) => Awaitable<void>;
    responseTypes?: string[];
    scopes?: string[];
    ttl?: Record<string, number | ((...args: unknown[]) => number)>;
  }

  export class Provider extends EventEmitter {
    constructor(issuer: string, configuration?: Configuration);
    readonly issuer: string;
    readonly Grant: GrantConstructor;
    readonly Session: { findByUid(uid: string): Promise<Session | undefined> };
    /** The Koa request listener (the Provider is a Koa application). */
    callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: InteractionResults,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
  }
  export default Provider;

  export namespace interactionPolicy {
    class Check {
      /** `error` is the OAuth error for `prompt=none` requests; prompts set it for their own checks. */
      constructor(
        reason: string,
        description: string,
        error: string,
        check: (ctx: KoaContextWithOIDC) => boolean | Promise<boolean>,
      );
      static readonly REQUEST_PROMPT: true;
      static readonly NO_NEED_TO_PROMPT: false;
    }
    interface Prompt {
      readonly name: string;
      readonly checks: Check[] & { add(check: Check, index?: number): void };
    }
    interface DefaultPolicy extends Array<Prompt> {
      get(name: string): Prompt | undefined;
    }
    function base(): DefaultPolicy;
  }

  export namespace errors {
    class OIDCProviderError extends Error {
      readonly error: string;
      readonly error_description?: string;
      readonly status: number;
    }
    class SessionNotFound extends OIDCProviderError {}
    class InvalidTarget extends OIDCProviderError {
      constructor(description?: string);
    }
  }
}
