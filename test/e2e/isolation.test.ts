import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MijnOverzichtDocument, type MijnOverzichtQuery } from '../../schema/generated/graphql.js';
import {
  SUBGRAPH_NAMES,
  meOf,
  startStack,
  type GraphQLResponse,
  type Stack,
  type SubgraphName,
} from '../helpers/stack.js';
import type { ProxyMode } from '../helpers/tcp-proxy.js';

/** Text a client must never see: hosts, ports, paths, bodies, stack traces, service names. */
const INTERNAL = /127\.0\.0\.1|localhost|ECONNRE|socket|fetch failed|serviceName|stack|Error:|graphql$/i;

/** The sections of MijnOverzicht each subgraph owns. */
const SECTIONS: Record<SubgraphName, string> = {
  brp: 'persoonsgegevens',
  zaken: 'zaken',
  berichten: 'berichten',
  voorkeuren: 'voorkeuren',
};
const BRON: Record<SubgraphName, string> = {
  brp: 'BRP',
  zaken: 'Zaaksystemen',
  berichten: 'MijnOverheid',
  voorkeuren: 'Voorkeuren',
};

/** Short deadlines so a hanging subgraph costs the test little; the same mechanism as production. */
const DEADLINE_MS = 1_500;

const MODES: Array<[ProxyMode, string]> = [
  ['blackhole', 'stopped (accepts, never answers)'],
  ['reset', 'dead (connections refused and reset)'],
];

type Me = NonNullable<MijnOverzichtQuery['me']>;

async function timed<T>(call: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await call();
  return { result, ms: performance.now() - start };
}

describe('one subgraph down costs only the sections it owns', () => {
  let stack: Stack;
  let token: string;
  let healthy: Me;

  beforeAll(async () => {
    stack = await startStack({
      subgraphProxies: true,
      gateway: {
        requestDeadlineMs: DEADLINE_MS,
        subgraphTimeoutMs: DEADLINE_MS,
        // Opens after two failed calls and probes again after 300 ms, so the tests see both.
        subgraphBreaker: { failureThreshold: 2, openMs: 300 },
      },
    });
    token = await stack.login({ bsn: '999993653' });
    healthy = meOf(await stack.query(MijnOverzichtDocument, { token }));
  });
  afterEach(async () => {
    for (const proxy of Object.values(stack.subgraphProxies)) proxy.setMode('forward');
    for (const sim of Object.values(stack.simulators)) sim.setFaults({});
    // Let every breaker that opened probe and close again before the next test.
    await new Promise((resolve) => setTimeout(resolve, 350));
    await stack.query(MijnOverzichtDocument, { token });
  });
  afterAll(async () => {
    await stack?.[Symbol.asyncDispose]();
  });

  function expectOnlyLost(response: GraphQLResponse<MijnOverzichtQuery>, down: SubgraphName): void {
    expect(response.status).toBe(200);
    const me = response.body.data?.me;
    // Who is logged in never depends on one subgraph.
    expect(me?.id).toBe(healthy.id);
    expect(me?.soort).toBe('INWONER');
    expect(me?.authenticatie).toEqual({ middel: 'DIGID', niveau: 'SUBSTANTIEEL' });
    const section = SECTIONS[down];
    expect(me?.[section as keyof Me]).toBeNull();
    for (const other of SUBGRAPH_NAMES.filter((n) => n !== down)) {
      const kept = me?.[SECTIONS[other] as keyof Me] as { bron: { status: string } } | null | undefined;
      expect(kept?.bron.status, `${SECTIONS[other]} while ${down} is down`).toBe('OK');
    }
    expect(response.body.errors).toEqual([
      {
        message: expect.stringMatching(/^We kunnen .+ nu niet ophalen\. Probeer het later opnieuw\.$/),
        path: ['me', section],
        extensions: { code: 'BRON_NIET_BESCHIKBAAR', bron: BRON[down], sectie: section },
      },
    ]);
    expect(JSON.stringify(response.body)).not.toMatch(INTERNAL);
  }

  for (const down of SUBGRAPH_NAMES) {
    for (const [mode, what] of MODES) {
      it(`${down} subgraph ${what}: MijnOverzicht answers with every other section, within the deadline`, async () => {
        stack.subgraphProxies[down]?.setMode(mode);
        const { result, ms } = await timed(() => stack.query(MijnOverzichtDocument, { token }));
        expectOnlyLost(result, down);
        expect(ms).toBeLessThan(DEADLINE_MS + 1_000);
      });
    }
  }

  it('while a subgraph hangs, its breaker opens: the page no longer waits for it, and a probe lets it back in', async () => {
    stack.subgraphProxies.berichten?.setMode('blackhole');
    // Two calls that wait for the deadline open the breaker.
    for (let i = 0; i < 2; i++) expectOnlyLost(await stack.query(MijnOverzichtDocument, { token }), 'berichten');
    const open = await timed(() => stack.query(MijnOverzichtDocument, { token }));
    expectOnlyLost(open.result, 'berichten');
    // Failing fast: the answer no longer waits for the deadline of the hanging subgraph.
    expect(open.ms).toBeLessThan(DEADLINE_MS / 2);

    stack.subgraphProxies.berichten?.setMode('forward');
    await new Promise((resolve) => setTimeout(resolve, 350));
    const back = meOf(await stack.query(MijnOverzichtDocument, { token }));
    expect(back.berichten.bron.status).toBe('OK');
    expect(back.berichten.items.length).toBe(healthy.berichten?.items.length);
  });

  it('a bad argument of one section (zaken(eerste: 100000), a stale cursor) nulls that section only', async () => {
    for (const args of ['eerste: 100000', 'na: "dit-is-geen-cursor"']) {
      const response = await stack.query<{ me: Partial<Me> | null }>(
        `{ me { id persoonsgegevens { naam { volledigeNaam } } zaken(${args}) { items { identificatie } } berichten { ongelezen } } }`,
        { token },
      );
      const me = response.body.data?.me;
      expect(me?.id).toBe(healthy.id);
      expect(me?.zaken).toBeNull();
      expect(me?.persoonsgegevens?.naam?.volledigeNaam).toBe('Suzanne Moulin');
      expect(me?.berichten?.ongelezen).toBe(healthy.berichten?.ongelezen);
      expect(response.body.errors?.map((e) => [e.path, e.extensions?.['code']])).toEqual([
        [['me', 'zaken'], 'BAD_USER_INPUT'],
      ]);
    }
  });

  it('the subgraphs learn the deadline: a hanging BRP gives its section a plain status before the page stops waiting', async () => {
    stack.simulators.brp.setFaults({ latencyMs: 30_000 });
    const { result, ms } = await timed(() => stack.query(MijnOverzichtDocument, { token }));
    const me = meOf(result);
    // Not null: the brp subgraph cut its BRP call at the deadline it was told and answered itself.
    expect(me.persoonsgegevens.bron).toEqual({
      naam: 'BRP',
      status: 'NIET_BESCHIKBAAR',
      melding: 'We kunnen uw persoonsgegevens nu niet ophalen. Probeer het later opnieuw.',
    });
    expect(me.zaken.bron.status).toBe('OK');
    expect(ms).toBeLessThan(DEADLINE_MS + 500);
  });

  it('without a token nothing is answered for the caller, also while a subgraph is down', async () => {
    stack.subgraphProxies.zaken?.setMode('reset');
    const response = await stack.query('{ me { id zaken { totaal } persoonsgegevens { bron { status } } } }');
    expect(response.body.data).toEqual({ me: null });
    expect(response.body.errors?.map((e) => e.extensions?.['code'])).toEqual(['UNAUTHENTICATED']);
  });
});
