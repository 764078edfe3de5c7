import { askMijnOverzicht, candidateResidentBsns, Resident, type LoginTarget, type QueryTarget } from '../soak/load.js';
import { sleep } from '../soak/stack.js';
import { problemOf } from './load.js';

/** When each resident last logged in (before the login started, to be on the safe side). */
const loggedInAt = new WeakMap<Resident, number>();

async function logIn(resident: Resident): Promise<void> {
  const started = Date.now();
  await resident.renew();
  loggedInAt.set(resident, started);
}

/** A resident of the load and the `Gebruiker.id` every answer for them must carry. */
export interface Participant {
  readonly resident: Resident;
  readonly gebruikerId: string;
}

/**
 * Residents for the load: the DigiD-simulator's test persons first, then the rest of the BRP
 * test set. One joins when it can log in and its MijnOverzicht through our gateway has every
 * source OK (the same test as the load's, {@link problemOf}): the benchmark measures the stack,
 * not the test data's odd cases, and every gateway then has the same kind of answer to produce.
 */
export async function chooseResidents(
  count: number,
  login: LoginTarget,
  ours: QueryTarget,
  signal: AbortSignal,
): Promise<{ residents: Participant[]; skipped: string[] }> {
  const candidates = candidateResidentBsns();
  const residents: Participant[] = [];
  const skipped: string[] = [];
  // Bounded: a stack that refuses everyone is not tried with the whole test set.
  const limit = Math.min(candidates.length, count * 3 + 10);
  for (let i = 0; i < limit && residents.length < count && !signal.aborted; i++) {
    const bsn = candidates[i] ?? '';
    const resident = new Resident(bsn, login);
    try {
      await logIn(resident);
    } catch (error) {
      skipped.push(`${bsn} (inloggen: ${error instanceof Error ? error.message : error})`);
      continue;
    }
    // A stack that has just started (or runs under the profiler) may miss its deadline on the
    // first pages; a resident is turned away only for an answer that stays wrong.
    let problem: string | undefined = 'niet gevraagd';
    let gebruikerId: string | undefined;
    for (let attempt = 1; attempt <= 3 && problem !== undefined && !signal.aborted; attempt++) {
      if (attempt > 1) await sleep(1_000, signal);
      const answer = await askMijnOverzicht(ours, await resident.token());
      // Compact JSON again, as the gateway sent it, for the load's string checks.
      problem = 'error' in answer ? answer.error : problemOf(answer.status, JSON.stringify(answer.body) ?? '');
      gebruikerId = 'error' in answer ? undefined : meId(answer.body);
    }
    if (problem === undefined && gebruikerId !== undefined) residents.push({ resident, gebruikerId });
    else skipped.push(`${bsn} (${problem ?? 'geen me.id'})`);
  }
  signal.throwIfAborted();
  if (residents.length < count) {
    throw new Error(
      `Maar ${residents.length} van ${count} inwoners konden meedoen; o.a. ${skipped.slice(0, 3).join(', ')}`,
    );
  }
  return { residents, skipped };
}

/**
 * Every resident's token for a run of `runMs`: a resident whose token would expire before the
 * run ends (with half a minute to spare) logs in again first, so no request of the run carries
 * an expired token.
 */
export async function tokensFor(
  residents: readonly Participant[],
  runMs: number,
): Promise<{ token: string; gebruikerId: string }[]> {
  return Promise.all(
    residents.map(async ({ resident, gebruikerId }) => {
      const since = loggedInAt.get(resident);
      if (since === undefined || Date.now() - since + runMs + 30_000 > resident.lifetimeSeconds * 1_000) {
        await logIn(resident);
      }
      return { token: await resident.token(), gebruikerId };
    }),
  );
}

function meId(body: unknown): string | undefined {
  const data =
    typeof body === 'object' && body !== null ? (body as { data?: { me?: { id?: unknown } } }).data : undefined;
  const id = data?.me?.id;
  return typeof id === 'string' ? id : undefined;
}
