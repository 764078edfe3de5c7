/**
 * The token CLI (`npm run token`): logs in at the DigiD-simulator and prints an access token.
 * `scripts/token.ts` only calls {@link runTokenCli}, so everything here can be tested in-process.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ConfigError, env, parseEnv } from '../../lib/config.js';
import { isValidBsn } from '../../lib/identity/index.js';
import { cliRedirectUri } from './cli-callback.js';
import { loginAsTestPerson, TestLoginError, type LoginAsTestPersonOptions } from './login-client.js';
import { DEFAULT_FORM_NIVEAU, FORM_NIVEAUS, isFormNiveau, type FormNiveau } from './login-form.js';

/** Who logs in when neither --bsn nor --kvk is given: Suzanne Moulin. */
export const DEFAULT_BSN = '999993653';

/** The text of `--help`, also shown after a usage error. */
export const TOKEN_USAGE = `Gebruik: npm run token -- [--bsn BSN | --kvk KVK [--vestiging NUMMER]] [--niveau NIVEAU] [--issuer URL] [--client-id ID]

Logt in bij de DigiD-simulator en drukt een access token af, alleen, op de laatste regel.
  --bsn NUMMER        BSN van een testpersoon (standaard ${DEFAULT_BSN}, Suzanne Moulin)
  --kvk NUMMER        KvK-nummer (8 cijfers): inloggen met eHerkenning
  --vestiging NUMMER  vestigingsnummer (12 cijfers), alleen samen met --kvk
  --niveau NIVEAU     ${FORM_NIVEAUS.join(' | ')} (standaard ${DEFAULT_FORM_NIVEAU})
  --issuer URL        de IdP (standaard $OIDC_ISSUER, anders http://localhost:$IDP_PORT, anders die van
                      de draaiende \`npm start\` (data/stack.json), anders http://localhost:4010)
  --client-id ID      de client (standaard $IDP_CLIENT_ID, anders mijn-omgeving-dev)
  --help              deze uitleg`;

/** Wrong command-line arguments: the message says which, the exit code is 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** What the CLI logs in with. */
export interface TokenRequest {
  readonly issuer: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly niveau: FormNiveau;
  readonly identity: { readonly bsn: string } | { readonly kvk: string; readonly vestiging?: string };
}

const envSchema = z.object({
  OIDC_ISSUER: env.url().default('http://localhost:4010'),
  IDP_CLIENT_ID: z.string().min(1).default('mijn-omgeving-dev'),
});

/**
 * Parses the arguments (after `--`) with environment defaults. Returns `'help'` for `--help`.
 * Throws {@link UsageError} for a wrong argument and ConfigError for a wrong variable.
 */
export function parseTokenArgs(
  argv: readonly string[],
  environment: Readonly<Record<string, string | undefined>>,
): TokenRequest | 'help' {
  const values = readArgs(argv);
  if (values.help) return 'help';

  const defaults = parseEnv(envSchema, environment);
  const niveau = values.niveau ?? DEFAULT_FORM_NIVEAU;
  if (!isFormNiveau(niveau)) {
    throw new UsageError(`--niveau moet een van ${FORM_NIVEAUS.join(', ')} zijn, niet "${niveau}".`);
  }
  const issuer = (values.issuer ?? defaults.OIDC_ISSUER).replace(/\/+$/, '');
  const issuerUrl = URL.parse(issuer);
  if (!issuerUrl || (issuerUrl.protocol !== 'http:' && issuerUrl.protocol !== 'https:')) {
    throw new UsageError(`--issuer moet een http(s)-URL zijn, niet "${issuer}".`);
  }
  return {
    issuer,
    clientId: values['client-id'] ?? defaults.IDP_CLIENT_ID,
    redirectUri: cliRedirectUri(issuer),
    niveau,
    identity: identityFrom(values),
  };
}

const OPTIONS = {
  bsn: { type: 'string' },
  kvk: { type: 'string' },
  vestiging: { type: 'string' },
  niveau: { type: 'string' },
  issuer: { type: 'string' },
  'client-id': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function readArgs(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], strict: true, allowPositionals: false, options: OPTIONS }).values;
  } catch (error) {
    // parseArgs names the unknown or incomplete option; that is the message the user needs.
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function identityFrom(values: { bsn?: string; kvk?: string; vestiging?: string }): TokenRequest['identity'] {
  if (values.bsn !== undefined && values.kvk !== undefined) {
    throw new UsageError('Geef --bsn (DigiD) of --kvk (eHerkenning), niet allebei.');
  }
  if (values.kvk !== undefined) {
    if (!/^\d{8}$/.test(values.kvk)) throw new UsageError(`--kvk moet 8 cijfers hebben, niet "${values.kvk}".`);
    if (values.vestiging !== undefined && !/^\d{12}$/.test(values.vestiging)) {
      throw new UsageError(`--vestiging moet 12 cijfers hebben, niet "${values.vestiging}".`);
    }
    return { kvk: values.kvk, ...(values.vestiging !== undefined ? { vestiging: values.vestiging } : {}) };
  }
  if (values.vestiging !== undefined) throw new UsageError('--vestiging kan alleen samen met --kvk.');
  const bsn = values.bsn ?? DEFAULT_BSN;
  if (!isValidBsn(bsn))
    throw new UsageError(`--bsn moet een BSN van 9 cijfers zijn dat voldoet aan de elfproef, niet "${bsn}".`);
  return { bsn };
}

/** Where the CLI writes; `process.stdout`/`process.stderr` in the script, collectors in tests. */
export interface TokenCliIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  readonly fetch?: typeof globalThis.fetch;
  /** The gateway the usage hint sends its query to; `scripts/token.ts` passes the running stack's. */
  readonly graphqlUrl?: string;
}

/**
 * Runs the CLI and returns its exit code: 0 with the token alone on the last line of stdout
 * (a usage hint goes to stderr), 2 for wrong arguments, 1 when the login fails.
 */
export async function runTokenCli(argv: readonly string[], io: TokenCliIo): Promise<number> {
  let request: TokenRequest | 'help';
  try {
    request = parseTokenArgs(argv, io.env);
  } catch (error) {
    if (!(error instanceof UsageError || error instanceof ConfigError)) throw error;
    io.stderr.write(`${error.message}\n\n${TOKEN_USAGE}\n`);
    return 2;
  }
  if (request === 'help') {
    io.stdout.write(`${TOKEN_USAGE}\n`);
    return 0;
  }

  const options: LoginAsTestPersonOptions = {
    issuer: request.issuer,
    clientId: request.clientId,
    redirectUri: request.redirectUri,
    niveau: request.niveau,
    ...request.identity,
    ...(io.fetch ? { fetch: io.fetch } : {}),
  };
  try {
    const { accessToken, expiresIn } = await loginAsTestPerson(options);
    const who = 'bsn' in request.identity ? `BSN ${request.identity.bsn}` : `KvK ${request.identity.kvk}`;
    io.stderr.write(
      `Access token voor ${who} (niveau ${request.niveau}), ${expiresIn} seconden geldig. Zo gebruikt u het:\n` +
        `  TOKEN=$(npm run --silent token -- ${argv.join(' ')})\n` +
        `  curl -H "Authorization: Bearer $TOKEN" -H 'content-type: application/json' ` +
        `-d '{"query":"{ me { id } }"}' ${io.graphqlUrl ?? 'http://localhost:4000/graphql'}\n`,
    );
    io.stdout.write(`${accessToken}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof TestLoginError)) throw error;
    io.stderr.write(
      error.code === 'IDP_UNREACHABLE'
        ? `De DigiD-simulator op ${request.issuer} is niet bereikbaar. Is \`npm start\` running?\n`
        : `Inloggen mislukt (${error.code}): ${error.message}\n`,
    );
    return 1;
  }
}
