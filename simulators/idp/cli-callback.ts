/**
 * The redirect URI of `npm run token`. The CLI never serves it: it stops at the redirect and
 * reads the code from the `Location` header. It lies under the issuer, so it is registered by
 * default and a browser that does land there gets an explanation from the IdP itself.
 */
export const CLI_CALLBACK_PATH = '/cli/callback';

/** The token CLI's redirect URI for an IdP at `issuer`. */
export function cliRedirectUri(issuer: string): string {
  return `${issuer.replace(/\/+$/, '')}${CLI_CALLBACK_PATH}`;
}
