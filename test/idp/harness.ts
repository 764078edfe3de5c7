import { createServer } from 'node:http';
import { listen } from '../../lib/http/listen.js';
import { cliRedirectUri } from '../../simulators/idp/cli-callback.js';
import { createDevIdentityProvider, type DevIdentityProviderOptions } from '../../simulators/idp/provider.js';

export const TEST_CLIENT_ID = 'test-client';
export const TEST_AUDIENCE = 'profielservice';

/** A DigiD-simulator on 127.0.0.1:0 with one public client; dispose it with `await using`. */
export interface RunningIdp extends AsyncDisposable {
  readonly issuer: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly audience: string;
}

/**
 * Starts the IdP the way tests must: listen first (the port decides the issuer), then build the
 * provider for that issuer and mount its handler.
 */
export async function startIdp(
  options: Partial<Omit<DevIdentityProviderOptions, 'issuer'>> & {
    /** More redirect URIs for the test client, e.g. the playground at a gateway's root. */
    extraRedirectUris?: readonly string[];
  } = {},
): Promise<RunningIdp> {
  const { extraRedirectUris = [], ...providerOptions } = options;
  const server = createServer();
  const listening = await listen(server, { port: 0, host: '127.0.0.1' });
  try {
    const redirectUri = cliRedirectUri(listening.url);
    const idp = createDevIdentityProvider({
      audience: TEST_AUDIENCE,
      clients: [{ client_id: TEST_CLIENT_ID, redirect_uris: [redirectUri, ...extraRedirectUris] }],
      ...providerOptions,
      issuer: listening.url,
    });
    server.on('request', idp.handler);
    return {
      issuer: idp.issuer,
      clientId: TEST_CLIENT_ID,
      redirectUri,
      audience: options.audience ?? TEST_AUDIENCE,
      [Symbol.asyncDispose]: async () => {
        await listening.close();
        await idp[Symbol.asyncDispose]();
      },
    };
  } catch (error) {
    await listening.close();
    throw error;
  }
}
