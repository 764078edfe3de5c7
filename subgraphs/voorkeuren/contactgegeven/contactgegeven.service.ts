import type { GraphQLError } from 'graphql';
import { appError, assertNever } from '../../../lib/errors.js';
import { UpstreamError } from '../../../lib/http/upstream.js';
import { logOpslagFout } from '../bron-fout.js';
import type { VoorkeurenContext } from '../context.js';
import { DatabaseUnavailableError } from '../store/sql.js';
import type {
  GeplandeVerzending,
  OpnieuwResultaat,
  StandaardResultaat,
  StoredContactgegeven,
  ToevoegResultaat,
  VerifieerResultaat,
  VerwijderResultaat,
} from '../store/store.js';
import { generateVerificatiecode } from './code-verzender.js';
import { ContactSoort } from './contactgegeven.type.js';
import { normaliseerCode, normaliseerEmail, normaliseerMobielNummer } from './validatie.js';

type Reden =
  | Exclude<ToevoegResultaat, { ok: true }>['reden']
  | Exclude<OpnieuwResultaat, { ok: true }>['reden']
  | Exclude<VerifieerResultaat, { ok: true }>['reden']
  | Exclude<StandaardResultaat, { ok: true }>['reden']
  | Exclude<VerwijderResultaat, { ok: true }>['reden'];

/** The one translation of a store outcome into a coded error with a B1 message. */
function fout(
  context: VoorkeurenContext,
  uitkomst: { reden: Reden; pogingenOver?: number },
  soort?: ContactSoort,
): GraphQLError {
  const { beleid } = context.contactgegevens;
  switch (uitkomst.reden) {
    case 'BESTAAT_AL':
      return appError('CONTACTGEGEVEN_BESTAAT_AL');
    case 'TE_VEEL':
      return appError('BAD_USER_INPUT', {
        message: `U hebt al ${beleid.maxPerSoort} ${soort === ContactSoort.TELEFOON ? 'mobiele nummers' : 'e-mailadressen'}. Verwijder er eerst een.`,
      });
    case 'TE_VAAK_VERSTUURD':
      return appError('VERIFICATIE_TE_VAAK_VERSTUURD', {
        message: `We hebben u de afgelopen ${Math.round(beleid.verzendvensterMs / 3_600_000)} uur al ${beleid.maxVerzendingen} keer een code gestuurd. Probeer het later opnieuw.`,
      });
    case 'NIET_GEVONDEN':
      return appError('NIET_GEVONDEN', {
        message: 'Dit adres of nummer hebben we niet gevonden. Misschien hebt u het al verwijderd.',
      });
    case 'AL_GEVERIFIEERD':
      return appError('BAD_USER_INPUT', {
        message: 'Dit adres of nummer is al bevestigd. U hebt geen nieuwe code nodig.',
      });
    case 'VERLOPEN':
      return appError('VERIFICATIECODE_VERLOPEN');
    case 'TE_VEEL_POGINGEN':
      return appError('VERIFICATIE_TE_VEEL_POGINGEN');
    case 'ONJUIST':
      return appError('VERIFICATIECODE_ONJUIST', {
        message: `De code klopt niet. U kunt het nog ${uitkomst.pogingenOver ?? 0} keer proberen.`,
      });
    case 'NIET_GEVERIFIEERD':
      return appError('CONTACTGEGEVEN_NIET_GEVERIFIEERD');
    default:
      return assertNever(uitkomst.reden);
  }
}

/**
 * Sends the code the store reserved. A send NotifyNL refused or never answered is cancelled, so
 * it does not count towards the resend limit; the resident can ask again. Only the failure kind
 * is logged: never the code, the address or NotifyNL's answer.
 */
async function verstuur(context: VoorkeurenContext, verzending: GeplandeVerzending, code: string): Promise<void> {
  let notifyId: string;
  try {
    notifyId = await context.contactgegevens.verzender.verstuur(verzending, code);
  } catch (error) {
    await boekhouding(context, () => context.store.annuleerVerzending(verzending.referentie));
    if (!(error instanceof UpstreamError)) throw error;
    context.logger.warn(
      { upstream: error.upstream, kind: error.kind, status: error.status, referentie: verzending.referentie },
      'verification code not sent',
    );
    throw appError('VERIFICATIECODE_NIET_VERSTUURD', { cause: error });
  }
  await boekhouding(context, () => context.store.bevestigVerzending(verzending.referentie, notifyId));
}

/**
 * Records what happened to a send. The detail and its code are stored already and the code was
 * sent (or not): a database that stops answering just now must not turn that into an error for
 * the resident. The record is only bookkeeping (a refused send would still count towards the
 * resend limit); it is logged and left.
 */
async function boekhouding(context: VoorkeurenContext, record: () => Promise<void>): Promise<void> {
  try {
    await record();
  } catch (error) {
    if (!(error instanceof DatabaseUnavailableError)) throw error;
    logOpslagFout(context, error);
  }
}

const generateCode = (context: VoorkeurenContext) =>
  (context.contactgegevens.generateCode ?? generateVerificatiecode)();

/** Validates, stores (encrypted) and sends a code to a new e-mail address or mobile number. */
export async function voegContactgegevenToe(
  context: VoorkeurenContext,
  gebruikerId: string,
  soort: ContactSoort,
  invoer: string,
): Promise<StoredContactgegeven> {
  const genormaliseerd = soort === ContactSoort.EMAIL ? normaliseerEmail(invoer) : normaliseerMobielNummer(invoer);
  if (!genormaliseerd.ok) throw appError('BAD_USER_INPUT', { message: genormaliseerd.melding });
  const code = generateCode(context);
  const uitkomst = await context.store.voegContactgegevenToe(
    gebruikerId,
    soort,
    genormaliseerd.waarde,
    code,
    context.contactgegevens.beleid,
    context.now(),
  );
  if (!uitkomst.ok) throw fout(context, uitkomst, soort);
  await verstuur(context, uitkomst.verzending, code);
  return uitkomst.verzending.contact;
}

/** A new code for a detail that is not verified yet; the old code stops working. */
export async function stuurCodeOpnieuw(
  context: VoorkeurenContext,
  gebruikerId: string,
  contactId: string,
): Promise<StoredContactgegeven> {
  const code = generateCode(context);
  const uitkomst = await context.store.stuurCodeOpnieuw(
    gebruikerId,
    contactId,
    code,
    context.contactgegevens.beleid,
    context.now(),
  );
  if (!uitkomst.ok) throw fout(context, uitkomst);
  await verstuur(context, uitkomst.verzending, code);
  return uitkomst.verzending.contact;
}

/** Checks a typed code; every well-formed wrong code costs an attempt. */
export async function verifieer(
  context: VoorkeurenContext,
  gebruikerId: string,
  contactId: string,
  invoer: string,
): Promise<StoredContactgegeven> {
  const code = normaliseerCode(invoer);
  // A typo in the form costs no attempt: only a well-formed code is checked and counted.
  if (code === undefined) throw appError('BAD_USER_INPUT', { message: 'De code bestaat uit 6 cijfers.' });
  const uitkomst = await context.store.verifieer(
    gebruikerId,
    contactId,
    code,
    context.contactgegevens.beleid,
    context.now(),
  );
  if (!uitkomst.ok) throw fout(context, uitkomst);
  return uitkomst.contact;
}

/** Makes a verified detail the one meldingen of its kind go to. */
export async function maakStandaard(context: VoorkeurenContext, gebruikerId: string, contactId: string): Promise<void> {
  const uitkomst = await context.store.maakStandaard(gebruikerId, contactId, context.now());
  if (!uitkomst.ok) throw fout(context, uitkomst);
}

/** Deletes a detail and its code; nothing of its value is kept. */
export async function verwijder(context: VoorkeurenContext, gebruikerId: string, contactId: string): Promise<void> {
  const uitkomst = await context.store.verwijderContactgegeven(gebruikerId, contactId, context.now());
  if (!uitkomst.ok) throw fout(context, uitkomst);
}
