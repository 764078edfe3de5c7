import { isValidBsn } from '../../lib/identity/claims.js';
import { loadTestPersons } from '../../simulators/brp/index.js';
import { TEST_PERSONEN } from '../../simulators/idp/persons.js';
import { performance } from 'node:perf_hooks';
import { request, type Dispatcher } from 'undici';
import { loginAsTestPerson } from '../../simulators/idp/login-client.js';
import type { FormNiveau } from '../../simulators/idp/login-form.js';
import type { Window } from './stats.js';

/** Where residents log in: the launcher's DigiD-simulator client (see scripts/start.ts). */
export interface LoginTarget {
  readonly issuer: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly audience: string;
}

/** One resident with an access token that is renewed, through a new login, before it expires. */
export class Resident {
  #token = '';
  #renewAt = 0;
  #renewing: Promise<void> | undefined;
  /** Seconds the IdP gave the last token. */
  lifetimeSeconds = 0;
  renewals = 0;

  constructor(
    readonly bsn: string,
    private readonly target: LoginTarget,
    private readonly niveau: FormNiveau = 'substantieel',
  ) {}

  /** A token valid for a while yet; logs in again when the current one is near its end. */
  async token(): Promise<string> {
    if (Date.now() >= this.#renewAt) await this.renew();
    return this.#token;
  }

  /** Logs in again (once, however many callers ask at the same time). */
  renew(): Promise<void> {
    this.#renewing ??= this.#login().finally(() => (this.#renewing = undefined));
    return this.#renewing;
  }

  async #login(): Promise<void> {
    const started = Date.now();
    const { accessToken, expiresIn } = await loginAsTestPerson({ ...this.target, bsn: this.bsn, niveau: this.niveau });
    if (this.#token !== '') this.renewals += 1;
    this.#token = accessToken;
    this.lifetimeSeconds = expiresIn;
    // A quarter of the lifetime before the end, at most a minute: a request never carries a token
    // that expires on its way, even on a slow machine.
    const margin = Math.min(60_000, (expiresIn * 1_000) / 4);
    this.#renewAt = started + expiresIn * 1_000 - margin;
  }
}

export type BrpState = 'healthy' | 'failing';

/** One period in which the BRP simulator was healthy or failing. */
export interface BrpPhase {
  readonly state: BrpState;
  readonly fromMs: number;
  toMs: number;
  /** Requests that started and ended within this phase (others cannot be judged). */
  judged: number;
  readonly persoonsgegevens: Map<string, number>;
  /** Healthy phase: when the first answer with persoonsgegevens OK arrived (ms since load start). */
  firstOkAtMs: number | undefined;
  /** Answers that contradict the BRP's state (see {@link BrpFlapper.judge}). */
  mismatches: number;
}

/**
 * Switches the BRP simulator between failing every request and healthy, through its fault
 * endpoint, and knows which answers can be held against which state. `generation` goes up when a
 * switch starts and again when it is done; a request is judged only when it saw one even value
 * from start to end, i.e. no switch in between.
 */
export class BrpFlapper {
  state: BrpState = 'healthy';
  generation = 0;
  readonly phases: BrpPhase[];

  constructor(
    private readonly faultsUrl: string,
    private readonly since: number,
  ) {
    this.phases = [newPhase('healthy', 0)];
  }

  async set(state: BrpState): Promise<void> {
    this.generation += 1;
    let switched = false;
    try {
      await this.#put(state);
      switched = true;
    } finally {
      // A switch that failed leaves the simulator (and so the phase) as it was.
      if (switched) {
        const now = performance.now() - this.since;
        const current = this.phases.at(-1);
        if (current) current.toMs = now;
        this.state = state;
        this.phases.push(newPhase(state, now));
      }
      this.generation += 1;
    }
  }

  /**
   * Holds an answer's persoonsgegevens status against the BRP state. Failing: it must say
   * NIET_BESCHIKBAAR. Healthy: OK; NIET_BESCHIKBAAR only until the first OK of the phase (the BRP
   * subgraph's circuit breaker lets a probe through a few seconds after the source came back).
   */
  judge(startGeneration: number, startMs: number, endMs: number, status: string | null): void {
    if (startGeneration !== this.generation || startGeneration % 2 === 1) return;
    const phase = this.phases.at(-1);
    if (!phase) return;
    phase.judged += 1;
    const key = status ?? 'null';
    phase.persoonsgegevens.set(key, (phase.persoonsgegevens.get(key) ?? 0) + 1);
    if (phase.state === 'failing') {
      if (status !== 'NIET_BESCHIKBAAR') phase.mismatches += 1;
      return;
    }
    if (status === 'OK') {
      phase.firstOkAtMs = Math.min(phase.firstOkAtMs ?? endMs, endMs);
      return;
    }
    const recovering =
      status === 'NIET_BESCHIKBAAR' && (phase.firstOkAtMs === undefined || startMs < phase.firstOkAtMs);
    if (!recovering) phase.mismatches += 1;
  }

  /** Leaves the BRP healthy after the load, outside the phase bookkeeping. */
  restore(): Promise<void> {
    return this.#put('healthy');
  }

  async #put(state: BrpState): Promise<void> {
    const response = await request(this.faultsUrl, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      // PUT replaces every fault: an empty object is "no fault".
      body: JSON.stringify(state === 'failing' ? { failureRate: 1 } : {}),
      headersTimeout: 10_000,
      bodyTimeout: 10_000,
    });
    const text = await response.body.text();
    if (response.statusCode !== 200) throw new Error(`PUT ${this.faultsUrl}: HTTP ${response.statusCode} ${text}`);
  }

  close(atMs: number): void {
    const current = this.phases.at(-1);
    if (current) current.toMs = atMs;
  }
}

function newPhase(state: BrpState, fromMs: number): BrpPhase {
  return {
    state,
    fromMs,
    toMs: fromMs,
    judged: 0,
    persoonsgegevens: new Map(),
    firstOkAtMs: undefined,
    mismatches: 0,
  };
}

/** The sections of MijnOverzicht besides persoonsgegevens: these must answer OK all the time. */
const OTHER_SECTIONS = ['zaken', 'berichten', 'voorkeuren'] as const;

export interface Classified {
  /** Why this answer counts as an error; undefined when it does not. */
  readonly problem: string | undefined;
  /** persoonsgegevens.bron.status, or null when the section (or `me`) is missing. */
  readonly persoonsgegevens: string | null;
}

/**
 * An error is an answer that is not 200, has no `me.id`, lacks persoonsgegevens altogether (the
 * BRP subgraph answers NIET_BESCHIKBAAR itself when the BRP fails), or has another section that is
 * not OK. The persoonsgegevens status is judged separately, against the BRP's state.
 */
export function classify(status: number, body: unknown): Classified {
  if (status !== 200) return { problem: `HTTP ${status}`, persoonsgegevens: null };
  const me = field(field(body, 'data'), 'me');
  if (typeof field(me, 'id') !== 'string') {
    const code = field(field(field(body, 'errors'), 0), 'extensions');
    return { problem: `geen me.id (${String(field(code, 'code') ?? 'geen code')})`, persoonsgegevens: null };
  }
  const statusOf = (section: string): string | null => {
    const value = field(field(field(me, section), 'bron'), 'status');
    return typeof value === 'string' ? value : null;
  };
  const persoonsgegevens = statusOf('persoonsgegevens');
  for (const section of OTHER_SECTIONS) {
    const sectionStatus = statusOf(section);
    if (sectionStatus !== 'OK') return { problem: `${section}: ${sectionStatus ?? 'null'}`, persoonsgegevens };
  }
  if (persoonsgegevens === null) return { problem: 'persoonsgegevens: null', persoonsgegevens };
  return { problem: undefined, persoonsgegevens };
}

function field(value: unknown, key: string | number): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  return (value as Record<string | number, unknown>)[key];
}

export interface QueryTarget {
  readonly graphqlUrl: string;
  readonly body: string;
  readonly dispatcher: Dispatcher;
}

/** One MijnOverzicht request: status and parsed body, or the network error as a problem. */
export async function askMijnOverzicht(
  target: QueryTarget,
  token: string,
): Promise<{ status: number; body: unknown } | { error: string }> {
  try {
    const response = await request(target.graphqlUrl, {
      method: 'POST',
      dispatcher: target.dispatcher,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: target.body,
      headersTimeout: 30_000,
      bodyTimeout: 30_000,
    });
    const text = await response.body.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    return { status: response.statusCode, body };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return { error: `netwerk: ${typeof code === 'string' ? code : error instanceof Error ? error.message : error}` };
  }
}

export interface LoadContext {
  readonly target: QueryTarget;
  readonly flapper: BrpFlapper;
  /** performance.now() at the start of the load. */
  readonly since: number;
  readonly until: number;
  readonly signal: AbortSignal;
  /** The window of the current sample; the sampler swaps it. */
  window(): Window;
}

/** One resident asking MijnOverzicht back to back until the load ends. */
export async function residentLoop(resident: Resident, context: LoadContext): Promise<void> {
  const { flapper, since } = context;
  while (!context.signal.aborted && performance.now() < context.until) {
    let token: string;
    try {
      token = await resident.token();
    } catch (error) {
      // The IdP did not log the resident in: an error of the stack too; try again shortly.
      context.window().record(0, `inloggen: ${error instanceof Error ? error.message : error}`);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      continue;
    }
    const generation = flapper.generation;
    const start = performance.now();
    const answer = await askMijnOverzicht(context.target, token);
    const end = performance.now();
    if ('error' in answer) {
      context.window().record(end - start, answer.error);
      continue;
    }
    const { problem, persoonsgegevens } = classify(answer.status, answer.body);
    context.window().record(end - start, problem);
    if (answer.status === 401) void resident.renew().catch(() => undefined);
    if (answer.status === 200 && field(field(answer.body, 'data'), 'me') !== null) {
      flapper.judge(generation, start - since, end - since, persoonsgegevens);
    }
  }
}

/**
 * The BSNs of the test persons a load run logs in, `first` ahead of the rest: the DigiD-simulator's
 * named persons, then every person of the BRP test set, each once and only if it passes the elfproef.
 */
export function candidateResidentBsns(first: readonly string[] = []): string[] {
  return [
    ...new Set([
      ...first,
      ...TEST_PERSONEN.map((p) => p.bsn),
      ...loadTestPersons().flatMap((p) => (p.burgerservicenummer ? [p.burgerservicenummer] : [])),
    ]),
  ].filter(isValidBsn);
}
