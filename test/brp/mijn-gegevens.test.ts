import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { buildBrpSchema } from '../../subgraphs/brp/schema.js';
import { brpVraag } from '../../subgraphs/brp/persoonsgegevens/persoonsgegevens.fields.js';
import { MijnGegevensDocument, MijnOverzichtDocument } from '../../schema/generated/graphql.js';
import { meOf, startStack, type Stack } from '../helpers/stack.js';
import { startBrpSubgraph } from './harness.js';

/**
 * "Mijn gegevens" and "Mijn overzicht" through the whole stack: gateway, internal tokens, the BRP
 * subgraph, the BRP simulator. The simulator's journal shows what the BRP was asked.
 */

const NOW = new Date('2026-11-28T12:00:00+01:00');
const PERSONEN = '/haalcentraal/api/brp/personen';
/** Text a client must never see: upstream hosts, paths, bodies, stack traces, the BSN. */
const INTERNAL =
  /127\.0\.0\.1|localhost|haalcentraal|Storing gesimuleerd|invalidParams|paramsValidation|stack|Error:|999993653/i;

/** The `fields` the subgraph computes for an operation file, for comparison with the journal. */
async function fieldsFor(file: string): Promise<string[]> {
  const document = parse(readFileSync(file, 'utf8'));
  return brpVraag({
    schema: await buildBrpSchema(),
    operation: document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!,
    fragments: Object.fromEntries(
      document.definitions
        .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
        .map((f) => [f.name.value, f]),
    ),
    variableValues: {},
  }).fields;
}

describe('persoonsgegevens through the gateway', () => {
  let stack: Stack;
  let suzanne: string;
  beforeAll(async () => {
    stack = await startStack({ now: () => NOW });
    suzanne = await stack.login({ bsn: '999993653' });
  });
  afterEach(() => {
    for (const sim of Object.values(stack.simulators)) sim.setFaults({});
  });
  afterAll(async () => {
    await stack?.[Symbol.asyncDispose]();
  });

  /** The POST /personen calls the BRP received while `run` ran. */
  async function brpCalls<T>(
    run: () => Promise<T>,
  ): Promise<{ result: T; calls: Array<{ fields: string[]; bsns: string[] }> }> {
    stack.simulators.brp.journal.clear();
    const result = await run();
    const calls = stack.simulators.brp.journal.entries({ method: 'POST', path: PERSONEN }).map((entry) => {
      const body = entry.body as { fields: string[]; burgerservicenummer: string[] };
      return { fields: body.fields, bsns: body.burgerservicenummer };
    });
    return { result, calls };
  }

  it('MijnOverzicht asks the BRP once, for exactly the three fields the page shows', async () => {
    const { result, calls } = await brpCalls(() => stack.query(MijnOverzichtDocument, { token: suzanne }));
    expect(result.body.errors).toBeUndefined();
    expect(meOf(result).persoonsgegevens.naam?.volledigeNaam).toBe('Suzanne Moulin');
    expect(calls).toEqual([
      { bsns: ['999993653'], fields: ['adressering.adresregel1', 'adressering.adresregel2', 'naam.volledigeNaam'] },
    ]);
  });

  it('Mijn gegevens: the whole page from one BRP call, with exactly the fields the operation selects', async () => {
    const { result, calls } = await brpCalls(() => stack.query(MijnGegevensDocument, { token: suzanne }));
    expect(result.body.errors).toBeUndefined();
    expect(calls).toHaveLength(1);
    expect(calls[0]?.fields).toEqual(await fieldsFor('schema/operations/MijnGegevens.graphql'));
    expect(calls[0]?.fields).not.toContain('burgerservicenummer');
    const p = meOf(result).persoonsgegevens;
    expect(p.bron).toMatchObject({ naam: 'BRP', status: 'OK', melding: null, opgehaaldOp: NOW.toISOString() });
    expect(p.portaal).toMatchObject({ eigenaar: 'GEMEENTE', ookZichtbaarIn: ['MIJN_OVERHEID'] });
    expect(p.naam).toMatchObject({ volledigeNaam: 'Suzanne Moulin', voornamen: 'Suzanne', geslachtsnaam: 'Moulin' });
    expect(p.geboorte).toMatchObject({
      datum: { soort: 'VOLLEDIG', datum: '1985-12-01', langFormaat: '1 december 1985' },
      leeftijd: 40,
    });
    expect(p.verblijfplaats).toMatchObject({
      soort: 'ADRES',
      straat: 'Boterdiep',
      huisnummer: 31,
      woonplaats: 'Rotterdam',
    });
    expect(p.burgerlijkeStaat).toMatchObject({ soort: 'GEHUWD', omschrijving: 'Getrouwd' });
    expect(p.partners?.[0]?.naam?.volledigeNaam).toBe('Jean Marie Beaudelaire');
    expect(p.ouders?.map((o) => o.naam?.volledigeNaam)).toEqual(['Lisette Béamont', 'Guîllaumé Moulin']);
    expect(p.kinderen).toEqual([]);
    expect(p.nationaliteiten?.map((n) => n.omschrijving)).toEqual(['Franse']);
    expect(p.geheimhouding?.ingesteld).toBe(false);
    expect(p.wijzigen?.verblijfplaats).toMatchObject({ manier: 'VERHUIZING_DOORGEVEN' });
    expect(p.wijzigen?.naam).toMatchObject({ manier: 'CORRECTIE_VRAGEN' });
    expect(JSON.stringify(result.body)).not.toMatch(INTERNAL);
  });

  it('selecting only naam.volledigeNaam asks for naam.volledigeNaam and nothing else', async () => {
    const { calls } = await brpCalls(() =>
      stack.query('{ me { persoonsgegevens { naam { volledigeNaam } } } }', { token: suzanne }),
    );
    expect(calls).toEqual([{ bsns: ['999993653'], fields: ['naam.volledigeNaam'] }]);
  });

  it('aliases and fragments across the operation still make one call, for the union', async () => {
    const query = `query {
      me {
        a: persoonsgegevens { naam { voornamen } }
        b: persoonsgegevens { ...Geb }
        persoonsgegevens { ... on Persoonsgegevens { verblijfplaats { woonplaats } } naam { v: voornamen } }
      }
    }
    fragment Geb on Persoonsgegevens { geboorte { datum { langFormaat } } }`;
    const { result, calls } = await brpCalls(() => stack.query(query, { token: suzanne }));
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data).toEqual({
      me: {
        a: { naam: { voornamen: 'Suzanne' } },
        b: { geboorte: { datum: { langFormaat: '1 december 1985' } } },
        persoonsgegevens: { verblijfplaats: { woonplaats: 'Rotterdam' }, naam: { v: 'Suzanne' } },
      },
    });
    expect(calls).toEqual([
      { bsns: ['999993653'], fields: ['geboorte.datum', 'naam.voornamen', 'verblijfplaats.verblijfadres.woonplaats'] },
    ]);
  });

  it('asks the BRP nothing when only the portaal or the wijzig-instructions are selected', async () => {
    const { result, calls } = await brpCalls(() =>
      stack.query('{ me { persoonsgegevens { portaal { eigenaar } wijzigen { naam { uitleg } } } } }', {
        token: suzanne,
      }),
    );
    expect(result.body.errors).toBeUndefined();
    expect(calls).toEqual([]);
  });

  it('eHerkenning: NIET_VAN_TOEPASSING, no data, no instructions, and no BRP call', async () => {
    const { result, calls } = await brpCalls(async () =>
      stack.query(MijnGegevensDocument, { token: await stack.login({ kvk: '69599084' }) }),
    );
    const p = meOf(result).persoonsgegevens;
    expect(p.bron.status).toBe('NIET_VAN_TOEPASSING');
    expect(p.bron.melding).toMatch(/eHerkenning/);
    expect([p.naam, p.geboorte, p.partners, p.geheimhouding, p.wijzigen]).toEqual([null, null, null, null, null]);
    expect(result.body.errors).toBeUndefined();
    expect(calls).toEqual([]);
  });

  it('a BSN the BRP does not know: the section says so plainly, without an error', async () => {
    const token = await stack.login({ bsn: '123456782' });
    const { result, calls } = await brpCalls(() =>
      stack.query(
        '{ me { persoonsgegevens { bron { status melding } naam { volledigeNaam } partners { soortVerbintenis } } } }',
        {
          token,
        },
      ),
    );
    expect(calls).toHaveLength(1);
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data).toEqual({
      me: {
        persoonsgegevens: {
          bron: {
            status: 'NIET_GEVONDEN',
            melding: 'We hebben uw gegevens niet gevonden in de BRP. Neem contact op met de gemeente.',
          },
          naam: null,
          partners: null,
        },
      },
    });
  });

  describe.each([
    [400, 'We kunnen uw persoonsgegevens nu niet ophalen. Probeer het later opnieuw.'],
    [401, 'We kunnen uw persoonsgegevens nu niet ophalen. Probeer het later opnieuw.'],
    [403, 'We kunnen uw persoonsgegevens nu niet ophalen. Probeer het later opnieuw.'],
    [
      429,
      'Het is nu erg druk. We kunnen uw persoonsgegevens daarom nu niet ophalen. Probeer het over een paar minuten opnieuw.',
    ],
    [500, 'We kunnen uw persoonsgegevens nu niet ophalen. Probeer het later opnieuw.'],
    [503, 'We kunnen uw persoonsgegevens nu niet ophalen. Probeer het later opnieuw.'],
  ])('the BRP answers %i', (status, melding) => {
    it('coded errors on the BRP fields, a plain melding, and the other sections of me intact', async () => {
      stack.simulators.brp.setFaults({ failureRate: 1, status });
      const response = await stack.query(MijnOverzichtDocument, { token: suzanne });
      expect(response.status).toBe(200);
      const me = meOf(response);
      expect(me.persoonsgegevens.bron).toEqual({ naam: 'BRP', status: 'NIET_BESCHIKBAAR', melding });
      expect(me.persoonsgegevens.naam).toBeNull();
      expect(me.persoonsgegevens.portaal.eigenaar).toBe('GEMEENTE');
      expect(me.zaken.bron.status).toBe('OK');
      expect(me.zaken.items.length).toBeGreaterThan(0);
      expect(me.berichten.bron.status).toBe('OK');
      expect(me.voorkeuren.bron.status).toBe('OK');
      for (const error of response.body.errors ?? []) {
        expect(error.extensions).toEqual({ code: 'BRON_NIET_BESCHIKBAAR', bron: 'BRP' });
        expect(error.path?.slice(0, 2)).toEqual(['me', 'persoonsgegevens']);
      }
      expect(response.body.errors?.length).toBeGreaterThan(0);
      expect(JSON.stringify(response.body)).not.toMatch(INTERNAL);
    });
  });

  it('a BRP slower than the upstream timeout: the section gives up, the page still answers', async () => {
    stack.simulators.brp.setFaults({ latencyMs: 2_500 });
    const started = Date.now();
    const response = await stack.query(MijnOverzichtDocument, { token: suzanne });
    expect(Date.now() - started).toBeLessThan(4_000);
    const me = meOf(response);
    expect(me.persoonsgegevens.bron.status).toBe('NIET_BESCHIKBAAR');
    expect(me.zaken.bron.status).toBe('OK');
  });
});

describe('wijzigen: the gemeente’s own pages', () => {
  it('links the verhuizing and the correction request to the configured pages', async () => {
    await using brp = await startBrpSubgraph({
      wijzigLinks: {
        verhuizingUrl: 'https://www.gemeente.example/verhuizen',
        correctieUrl: 'https://www.gemeente.example/gegevens-aanpassen',
      },
    });
    const { data } = await brp.query<{
      me: { persoonsgegevens: { wijzigen: Record<string, { manier: string; url: string }> } };
    }>(
      { bsn: '999993653' },
      '{ me { persoonsgegevens { wijzigen { verblijfplaats { manier url } naam { manier url } kinderen { url } } } } }',
    );
    expect(data?.me.persoonsgegevens.wijzigen).toEqual({
      verblijfplaats: { manier: 'VERHUIZING_DOORGEVEN', url: 'https://www.gemeente.example/verhuizen' },
      naam: { manier: 'CORRECTIE_VRAGEN', url: 'https://www.gemeente.example/gegevens-aanpassen' },
      kinderen: { url: 'https://www.gemeente.example/gegevens-aanpassen' },
    });
    expect(brp.simulator.journal.entries({ method: 'POST' })).toEqual([]);
  });
});
