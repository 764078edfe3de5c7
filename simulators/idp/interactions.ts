import type { IncomingMessage, ServerResponse } from 'node:http';
import { errors, type Interaction, type Provider } from 'oidc-provider';
import { acrForNiveau } from '../../lib/identity/index.js';
import type { Logger } from '../../lib/logging.js';
import type { AccountRegistry, LoginSubject } from './accounts.js';
import { readLoginForm, type LoginChoice } from './login-form.js';
import { PAGE_HEADERS, renderLoginPage } from './login-page.js';
import type { TestBedrijf, TestPersoon } from './persons.js';

/** What the login routes need from the provider that owns them. */
export interface InteractionDeps {
  readonly provider: Provider;
  readonly accounts: AccountRegistry;
  readonly persons: readonly TestPersoon[];
  readonly companies: readonly TestBedrijf[];
  readonly logger: Logger;
}

/** An HTTP failure of the login routes, shown to the person as a page. */
export class PageError extends Error {
  override readonly name = 'PageError';
  constructor(
    readonly status: number,
    readonly title: string,
    readonly paragraphs: readonly string[],
  ) {
    super(title);
  }
}

const MAX_FORM_BYTES = 16 * 1024;

/** `GET /interaction/:uid`: the login page for a pending authorization request. */
export async function showLogin(
  deps: InteractionDeps,
  req: IncomingMessage,
  res: ServerResponse,
  uid: string,
): Promise<void> {
  const interaction = await loginInteraction(deps, req, res, uid);
  sendPage(res, 200, renderLoginPage(pageInput(deps, interaction)));
}

/**
 * `POST /interaction/:uid/login`: checks the form; on success ends the interaction with a login
 * result (303 back to the authorization endpoint), otherwise shows the form again with errors.
 */
export async function submitLogin(
  deps: InteractionDeps,
  req: IncomingMessage,
  res: ServerResponse,
  uid: string,
): Promise<void> {
  const interaction = await loginInteraction(deps, req, res, uid);
  const form = readLoginForm(await readForm(req));
  if (!form.ok) {
    sendPage(res, 400, renderLoginPage({ ...pageInput(deps, interaction), failed: form }));
    return;
  }
  const { choice } = form;
  const accountId = deps.accounts.register(subjectFor(choice, deps.companies));
  await startNewSession(deps.provider, interaction);
  // No identifier in the log: which level and means is all an operator needs.
  deps.logger.info(
    { middel: choice.middel, niveau: choice.niveau, client: interaction.params['client_id'] },
    'testpersoon ingelogd',
  );
  await deps.provider.interactionFinished(
    req,
    res,
    { login: { accountId, acr: acrForNiveau(choice.middel, choice.niveau), remember: false } },
    { mergeWithLastSubmission: false },
  );
}

/** Writes an HTML page with the pages' security headers. */
export function sendPage(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { ...PAGE_HEADERS, 'content-length': Buffer.byteLength(html) });
  res.end(html);
}

/** The page for an error thrown by the login routes; unexpected errors are logged and masked. */
export function pageForError(error: unknown, logger: Logger): PageError {
  if (error instanceof PageError) return error;
  if (error instanceof errors.SessionNotFound) {
    return new PageError(400, 'Deze inlogpoging is verlopen', [
      'U deed er te lang over, of u opende een oude pagina.',
      'Ga terug naar de website waar u wilde inloggen en probeer het opnieuw.',
    ]);
  }
  logger.error({ err: error }, 'fout in de inlogpagina');
  return new PageError(500, 'Er ging iets mis', [
    'De DigiD-simulator kon uw inlogpoging niet afmaken.',
    'Ga terug naar de website en probeer het opnieuw.',
  ]);
}

async function loginInteraction(
  deps: InteractionDeps,
  req: IncomingMessage,
  res: ServerResponse,
  uid: string,
): Promise<Interaction> {
  // Reads the interaction cookie; throws SessionNotFound when it is missing or expired.
  const interaction = await deps.provider.interactionDetails(req, res);
  if (interaction.uid !== uid) throw new errors.SessionNotFound('interaction cookie and URL differ');
  if (interaction.prompt.name !== 'login') {
    // Consent is granted by loadExistingGrant, so no other prompt is expected here.
    deps.logger.warn({ prompt: interaction.prompt.name, reasons: interaction.prompt.reasons }, 'onverwachte prompt');
    throw new PageError(500, 'Deze stap kent de simulator niet', [
      `De applicatie vroeg om de stap "${interaction.prompt.name}". De DigiD-simulator kan alleen inloggen.`,
    ]);
  }
  return interaction;
}

function pageInput(deps: InteractionDeps, interaction: Interaction) {
  const clientId = interaction.params['client_id'];
  return {
    action: `/interaction/${interaction.uid}/login`,
    clientName: typeof clientId === 'string' ? clientId : 'de applicatie',
    personen: deps.persons,
    bedrijven: deps.companies,
  };
}

function subjectFor(choice: LoginChoice, companies: readonly TestBedrijf[]): LoginSubject {
  if (choice.middel === 'DIGID') return { middel: 'DIGID', bsn: choice.bsn };
  // The RSIN is known for listed companies only; a typed KvK number logs in without one.
  const rsin = companies.find((company) => company.kvk === choice.kvk)?.rsin;
  return {
    middel: 'EHERKENNING',
    kvk: choice.kvk,
    ...(choice.vestiging ? { vestiging: choice.vestiging } : {}),
    ...(rsin ? { rsin } : {}),
  };
}

/**
 * Every login starts a new session. When the browser still has a session of someone else,
 * oidc-provider would otherwise answer the resumed request with an auto-submitting logout form
 * (which needs JavaScript and the end-session endpoint, both absent here). Dropping the old
 * session and detaching it from the interaction lets the new person through.
 */
async function startNewSession(provider: Provider, interaction: Interaction): Promise<void> {
  if (!interaction.session) return;
  const session = await provider.Session.findByUid(interaction.session.uid);
  await session?.destroy();
  delete interaction.session;
  await interaction.save(Math.max(interaction.exp - Math.floor(Date.now() / 1000), 1));
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const type = req.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') {
    throw new PageError(415, 'Dit formulier kan de simulator niet lezen', [
      'Verstuur het formulier als application/x-www-form-urlencoded.',
    ]);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_FORM_BYTES) throw new PageError(413, 'Het formulier is te groot', ['Vul alleen de velden in.']);
    chunks.push(buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}
