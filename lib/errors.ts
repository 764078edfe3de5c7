import { GraphQLError } from 'graphql';

/**
 * The one list of `extensions.code` values a client can receive. Each has a default message in
 * plain Dutch (B1) that a resident can read. Any other error is masked as INTERNAL_SERVER_ERROR
 * at the gateway boundary.
 */
export const ERROR_MESSAGES = {
  UNAUTHENTICATED: 'U bent niet ingelogd. Log opnieuw in met DigiD of eHerkenning.',
  FORBIDDEN: 'U mag deze gegevens niet bekijken.',
  NIVEAU_TE_LAAG: 'Voor deze gegevens moet u inloggen met een hoger betrouwbaarheidsniveau.',
  BRON_NIET_BESCHIKBAAR: 'Deze gegevens kunnen we nu niet ophalen. Probeer het later opnieuw.',
  BAD_USER_INPUT: 'De vraag bevat een ongeldige waarde.',
  NIET_GEVONDEN: 'Dit gegeven is niet gevonden.',
  GRAPHQL_PARSE_FAILED: 'De vraag is geen geldige GraphQL.',
  GRAPHQL_VALIDATION_FAILED: 'De vraag past niet bij het schema.',
  PERSISTED_QUERY_NOT_FOUND: 'Deze opgeslagen vraag is niet bekend.',
  PERSISTED_QUERY_NOT_SUPPORTED: 'Opgeslagen vragen worden niet ondersteund.',
  OPERATION_RESOLUTION_FAILURE: 'Er is geen vraag om uit te voeren.',
  BAD_REQUEST: 'Het verzoek is ongeldig.',
  VRAAG_TE_GROOT: 'Deze vraag is te groot of te diep. Vraag minder gegevens tegelijk.',
  TE_VEEL_VERZOEKEN: 'U hebt te veel verzoeken gedaan. Wacht even en probeer het opnieuw.',
  VRAAG_NIET_TOEGESTAAN: 'Deze vraag is niet toegestaan. Gebruik een vraag die de gemeente heeft vrijgegeven.',
  VERIFICATIECODE_ONJUIST: 'De code klopt niet. Kijk goed en probeer het opnieuw.',
  VERIFICATIECODE_VERLOPEN: 'De code is niet meer geldig. Vraag een nieuwe code aan.',
  VERIFICATIE_TE_VEEL_POGINGEN: 'U hebt te vaak een verkeerde code ingevuld. Vraag een nieuwe code aan.',
  VERIFICATIE_TE_VAAK_VERSTUURD: 'We hebben u te vaak een code gestuurd. Probeer het later opnieuw.',
  VERIFICATIECODE_NIET_VERSTUURD: 'We konden de code nu niet versturen. Probeer het over een paar minuten opnieuw.',
  CONTACTGEGEVEN_NIET_GEVERIFIEERD:
    'Dit adres of nummer is nog niet bevestigd. Bevestig het eerst met de code die we u stuurden.',
  CONTACTGEGEVEN_BESTAAT_AL: 'U hebt dit adres of nummer al toegevoegd.',
  INTERNAL_SERVER_ERROR: 'Er ging iets mis. Probeer het later opnieuw.',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_MESSAGES, value);
}

/** Extra `extensions` a code may carry to the client (all others are stripped at the gateway). */
export const PUBLIC_EXTENSIONS = ['code', 'vereistNiveau', 'bron', 'sectie', 'invalidParams'] as const;

/**
 * An error our own code raised on purpose: its message was written for the resident and is shown
 * as it is. Errors of any other kind (GraphQL's parser and validator, Apollo's request pipeline)
 * get their code's B1 message at the boundary, and their own text moves to `extensions.detail`.
 */
export class AppError extends GraphQLError {
  override readonly name: string = 'AppError';
}

/**
 * Creates a GraphQL error with a registered code and, unless given, that code's B1 message.
 * `httpStatus` (and `httpHeaders`) set the response where the whole request is refused.
 */
export function appError(
  code: ErrorCode,
  options: {
    message?: string;
    extensions?: Record<string, unknown>;
    httpStatus?: number;
    httpHeaders?: Readonly<Record<string, string>>;
    cause?: unknown;
  } = {},
): AppError {
  // Apollo Server reads `extensions.http` (headers as a Map); typed loosely, because other GraphQL
  // servers' packages re-declare that field with another shape for the whole program.
  const extensions: Record<string, unknown> = { ...options.extensions, code };
  if (options.httpStatus !== undefined) {
    extensions['http'] = {
      status: options.httpStatus,
      ...(options.httpHeaders ? { headers: new Map(Object.entries(options.httpHeaders)) } : {}),
    };
  }
  return new AppError(options.message ?? ERROR_MESSAGES[code], {
    originalError: options.cause instanceof Error ? options.cause : undefined,
    extensions,
  });
}

/** True when `error` (or the error GraphQL wrapped around it) was raised with {@link appError}. */
export function isAppError(error: unknown): boolean {
  return error instanceof AppError || (error instanceof GraphQLError && error.originalError instanceof AppError);
}

/** For exhaustive switches: a compile error when a case is missing. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${String(value)}`);
}
