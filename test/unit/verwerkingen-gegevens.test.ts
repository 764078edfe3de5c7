import { readFileSync } from 'node:fs';
import { Kind, parse, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import { Supergraph, operationFromDocument } from '@apollo/federation-internals';
import { QueryPlanner, type PlanNode } from '@apollo/query-planner';
import { describe, expect, it } from 'vitest';
import { gevraagdeGegevens } from '../../gateway/verwerkingen/gegevens.js';
import { DOELEN, verwerkingVan } from '../../gateway/verwerkingen/recorder.js';
import type { Caller } from '../../lib/internal-token.js';
import { gegevensLabels } from '../../subgraphs/voorkeuren/verwerking/verwerking.mapper.js';

/**
 * What the verwerkingenlog says was read, derived from the part of a query the gateway sent one
 * subgraph and from what that subgraph answered. The documents below are the ones Apollo's query
 * planner makes from the portal's operations, so the paths are those a resident will see.
 */

const supergraph = Supergraph.build(readFileSync('schema/supergraph.graphql', 'utf8'));
const planner = new QueryPlanner(supergraph);

/** The operation the gateway sends each subgraph for `query`, by subgraph (a list: one may get two). */
function subgraphOperations(query: string): Array<{ subgraph: string; document: DocumentNode }> {
  const plan = planner.buildQueryPlan(operationFromDocument(supergraph.schema, parse(query))).node;
  const found: Array<{ subgraph: string; document: DocumentNode }> = [];
  const walk = (node: PlanNode | undefined): void => {
    if (!node) return;
    if (node.kind === 'Fetch') found.push({ subgraph: node.serviceName, document: parse(node.operation) });
    else if (node.kind === 'Flatten') walk(node.node);
    else if (node.kind === 'Sequence' || node.kind === 'Parallel') node.nodes.forEach(walk);
  };
  walk(plan as PlanNode | undefined);
  return found;
}

const operation = (name: string) => readFileSync(`schema/operations/${name}.graphql`, 'utf8');

function only(query: string, subgraph: string): DocumentNode {
  const [found, ...more] = subgraphOperations(query).filter((o) => o.subgraph === subgraph);
  if (!found || more.length > 0) throw new Error(`expected one operation for ${subgraph}`);
  return found.document;
}

/** An answer in which every field the document asks for came back (objects and a value for each leaf). */
function fullAnswer(document: DocumentNode): Record<string, unknown> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const fill = (selectionSet: SelectionSetNode, into: Record<string, unknown> = {}): Record<string, unknown> => {
    for (const s of selectionSet.selections) {
      if (s.kind === Kind.FIELD) {
        const key = s.alias?.value ?? s.name.value;
        if (s.name.value === '_entities') into[key] = [fill(s.selectionSet as SelectionSetNode)];
        else into[key] = s.selectionSet ? fill(s.selectionSet, (into[key] as Record<string, unknown>) ?? {}) : 'x';
      } else if (s.kind === Kind.INLINE_FRAGMENT) fill(s.selectionSet, into);
      else {
        const fragment = fragments.get(s.name.value);
        if (fragment) fill(fragment.selectionSet, into);
      }
    }
    return into;
  };
  const op = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  return op && op.kind === Kind.OPERATION_DEFINITION ? fill(op.selectionSet) : {};
}

const PERSON: Caller = {
  kind: 'person',
  requestId: 'portaal-req-0001',
  gebruikerId: 'pseudoniem-abc',
  identity: { soort: 'INWONER', middel: 'DIGID', niveau: 'SUBSTANTIEEL', bsn: '999993653' },
};

describe('what a subgraph request read, as paths', () => {
  it('MijnGegevens: every part of the BRP the page asks for, none of its status, portal or change instructions', () => {
    const document = only(operation('MijnGegevens'), 'brp');
    expect(gevraagdeGegevens(document, {}, fullAnswer(document))).toEqual([
      'persoonsgegevens.geheimhouding',
      'persoonsgegevens.naam',
      'persoonsgegevens.adressering',
      'persoonsgegevens.geboorte',
      'persoonsgegevens.verblijfplaats',
      'persoonsgegevens.gemeenteVanInschrijving',
      'persoonsgegevens.burgerlijkeStaat',
      'persoonsgegevens.partners',
      'persoonsgegevens.kinderen',
      'persoonsgegevens.ouders',
      'persoonsgegevens.nationaliteiten',
      'persoonsgegevens.overlijden',
    ]);
  });

  it('MijnOverzicht: one set per source, and nothing for the voorkeuren subgraph’s own status', () => {
    const paden = Object.fromEntries(
      subgraphOperations(operation('MijnOverzicht')).map(({ subgraph, document }) => [
        subgraph,
        gevraagdeGegevens(document, {}, fullAnswer(document)),
      ]),
    );
    expect(paden).toEqual({
      brp: ['persoonsgegevens.naam', 'persoonsgegevens.adressering'],
      zaken: ['zaken.items', 'zaken.items.status'],
      berichten: [
        'berichten.ongelezen',
        'berichten.items',
        'berichten.items.zaak',
        'berichten.items.lopendeZaak',
        'berichten.lopendeZaken',
      ],
      // `voorkeuren { bron { status } }` reads no data of the resident.
      voorkeuren: [],
    });
  });

  it('a detail page: an entity call records the entity type and its fields', () => {
    const query =
      '{ me { berichten { items { onderwerp zaak { omschrijving documenten { titel } } } } zaken { items { inMijnOverheid { status { statustekst } } } } } }';
    const paden = subgraphOperations(query).map(({ subgraph, document }) => [
      subgraph,
      gevraagdeGegevens(document, { representations: [{}] }, fullAnswer(document)),
    ]);
    expect(paden).toEqual(
      expect.arrayContaining([
        ['zaken', ['Zaak.omschrijving', 'Zaak.documenten']],
        ['berichten', ['Zaak.inMijnOverheid']],
      ]),
    );
    // The entity call's plumbing (representations, __typename, the keys the planner adds) is not data read.
    expect(JSON.stringify(paden)).not.toMatch(/__typename|_entities|representations/);
  });

  it('an entity call none of whose entities came back read nothing', () => {
    const document = parse('query($r:[_Any!]!){_entities(representations:$r){...on Zaak{omschrijving}}}');
    expect(gevraagdeGegevens(document, {}, { _entities: [null, null] })).toEqual([]);
    expect(gevraagdeGegevens(document, {}, { _entities: [null, { omschrijving: 'x' }] })).toEqual([
      'Zaak.omschrijving',
    ]);
  });

  it('an entity call for the Gebruiker reads its sections as `me` does', () => {
    const document = parse(
      'query($r:[_Any!]!){_entities(representations:$r){...on Gebruiker{id persoonsgegevens{naam{volledigeNaam}}}}}',
    );
    expect(
      gevraagdeGegevens(document, {}, { _entities: [{ id: 'p', persoonsgegevens: { naam: { volledigeNaam: 'x' } } }] }),
    ).toEqual(['persoonsgegevens.naam']);
  });

  it('follows aliases, fragments and @skip/@include as the subgraph did', () => {
    const document = parse(`
      query($zonderAdres: Boolean!) {
        ik: me { p: persoonsgegevens { ...Delen adres: verblijfplaats @skip(if: $zonderAdres) { straat } } }
      }
      fragment Delen on Persoonsgegevens { naam { volledigeNaam } geboorte @include(if: false) { plaats } }`);
    const data = { ik: { p: { naam: { volledigeNaam: 'x' }, adres: { straat: 'y' } } } };
    expect(gevraagdeGegevens(document, { zonderAdres: true }, data)).toEqual(['persoonsgegevens.naam']);
    expect(gevraagdeGegevens(document, { zonderAdres: false }, data)).toEqual([
      'persoonsgegevens.naam',
      'persoonsgegevens.verblijfplaats',
    ]);
  });

  it('a section that did not come back, or whose source gave nothing, read nothing', () => {
    const document = parse(
      '{ me { persoonsgegevens { bron { status } naam { volledigeNaam } } zaken { items { identificatie } } } }',
    );
    const zaken = { items: [{ identificatie: 'Z1' }] };
    // The subgraph answered null for the section (it failed, or its arguments were refused).
    expect(gevraagdeGegevens(document, {}, { me: { persoonsgegevens: null, zaken } })).toEqual(['zaken.items']);
    // The BRP did not answer, or does not apply to an eHerkenning login.
    for (const status of ['NIET_BESCHIKBAAR', 'NIET_VAN_TOEPASSING']) {
      expect(
        gevraagdeGegevens(document, {}, { me: { persoonsgegevens: { bron: { status }, naam: null }, zaken } }),
      ).toEqual(['zaken.items']);
    }
    // The BRP was asked and answered that it does not know the BSN: that is a read of the BRP.
    expect(
      gevraagdeGegevens(document, {}, { me: { persoonsgegevens: { bron: { status: 'NIET_GEVONDEN' }, naam: null } } }),
    ).toEqual(['persoonsgegevens.naam']);
    // Without `bron` in the question: a section with nothing in it is one the source gave nothing for.
    const zonderBron = parse('{ me { persoonsgegevens { naam { volledigeNaam } } } }');
    expect(gevraagdeGegevens(zonderBron, {}, { me: { persoonsgegevens: { naam: null } } })).toEqual([]);
    expect(gevraagdeGegevens(zonderBron, {}, { me: null })).toEqual([]);
    expect(gevraagdeGegevens(zonderBron, {}, null)).toEqual([]);
  });

  it('the login fields, status, portal and public data are no read of the resident’s data', () => {
    const document = parse(
      '{ overlap { gemeente } me { id soort authenticatie { niveau } persoonsgegevens { bron { status } portaal { uitleg } wijzigen { naam { url } } } } }',
    );
    const data = fullAnswer(document);
    expect(gevraagdeGegevens(document, {}, data)).toEqual([]);
  });
});

describe('the record of one subgraph answer', () => {
  const document = parse('{ me { persoonsgegevens { naam { volledigeNaam } } } }');
  const data = { me: { persoonsgegevens: { naam: { volledigeNaam: 'Suzanne Moulin' } } } };
  const tijdstip = new Date('2026-12-01T09:30:00.000Z');

  it('names the resident by pseudonym, the source, what was read, why, and the request', () => {
    const verwerking = verwerkingVan({ subgraph: 'brp', caller: PERSON, document, variables: {}, data, tijdstip });
    expect(verwerking).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      gebruikerId: 'pseudoniem-abc',
      tijdstip,
      bron: 'BRP',
      gegevens: ['persoonsgegevens.naam'],
      doel: 'Uw gegevens tonen in Mijn Omgeving',
      verzoekId: 'portaal-req-0001',
      // The resident read it, not someone acting for them.
      namens: null,
    });
    // Never the BSN, nor what the data said.
    expect(JSON.stringify(verwerking)).not.toMatch(/999993653|Moulin/);
  });

  it('ids that sort in the order the records were made, so the log’s key index grows at its end', () => {
    const ids = Array.from(
      { length: 50 },
      () => verwerkingVan({ subgraph: 'brp', caller: PERSON, document, variables: {}, data, tijdstip })?.id ?? '',
    );
    expect(new Set(ids).size).toBe(50);
    expect([...ids].sort()).toEqual(ids);
    // A UUID version 7: the time it was made first, random bits after.
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('says when someone acting for the resident read, by the kind of machtiging only', () => {
    const gemachtigd = {
      ...PERSON,
      identity: {
        ...PERSON.identity,
        namens: {
          soort: 'DIGID_MACHTIGEN' as const,
          dienst: 'zaken-volgen',
          vertegenwoordiger: { soort: 'INWONER' as const },
          bronnen: ['brp' as const],
        },
      },
    } as typeof PERSON;
    const verwerking = verwerkingVan({ subgraph: 'brp', caller: gemachtigd, document, variables: {}, data, tijdstip });
    expect(verwerking).toMatchObject({ bron: 'BRP', namens: 'DIGID_MACHTIGEN' });
  });

  it('one source per subgraph, each with its fixed purpose; nothing for the voorkeuren subgraph', () => {
    const bron = (subgraph: string) =>
      verwerkingVan({ subgraph, caller: PERSON, document, variables: {}, data, tijdstip })?.bron ?? null;
    expect([bron('brp'), bron('zaken'), bron('berichten'), bron('voorkeuren')]).toEqual([
      'BRP',
      'ZAKEN',
      'MIJNOVERHEID',
      null,
    ]);
    expect(Object.values(DOELEN).every((doel) => doel.endsWith('tonen in Mijn Omgeving'))).toBe(true);
  });

  it('a second call of the same source in the same request grows the one record: same id, first time', () => {
    const eerder =
      verwerkingVan({ subgraph: 'zaken', caller: PERSON, document, variables: {}, data, tijdstip }) ?? undefined;
    const entiteit = parse('query($r:[_Any!]!){_entities(representations:$r){...on Zaak{documenten{titel}}}}');
    const later = verwerkingVan({
      subgraph: 'zaken',
      caller: PERSON,
      document: entiteit,
      variables: {},
      data: { _entities: [{ documenten: [] }] },
      tijdstip: new Date(tijdstip.getTime() + 500),
      eerder,
    });
    expect(later).toEqual({ ...eerder, gegevens: ['persoonsgegevens.naam', 'Zaak.documenten'] });
    // A call that read nothing adds nothing and records nothing.
    expect(
      verwerkingVan({
        subgraph: 'zaken',
        caller: PERSON,
        document,
        variables: {},
        data: { me: null },
        tijdstip,
        eerder,
      }),
    ).toBeNull();
  });

  it('records nothing for an anonymous caller, or an answer without data of the resident', () => {
    const anonymous: Caller = { kind: 'anonymous', requestId: 'r-anoniem' };
    expect(verwerkingVan({ subgraph: 'brp', caller: anonymous, document, variables: {}, data, tijdstip })).toBeNull();
    expect(
      verwerkingVan({ subgraph: 'brp', caller: PERSON, document, variables: {}, data: { me: null }, tijdstip }),
    ).toBeNull();
  });
});

describe('what the resident reads', () => {
  it('plain labels, each once, in order; fields under a list read as the list', () => {
    expect(
      gegevensLabels('BRP', [
        'persoonsgegevens.naam',
        'persoonsgegevens.verblijfplaats',
        'persoonsgegevens.adressering',
      ]),
    ).toEqual(['Naam', 'Adres', 'Naam en adres op brieven']);
    expect(gegevensLabels('ZAKEN', ['zaken.items', 'zaken.items.status', 'zaken.items.documenten'])).toEqual([
      'Uw zaken bij de gemeente',
      'Documenten bij uw zaken',
    ]);
    expect(
      gegevensLabels('MIJNOVERHEID', ['berichten.items', 'berichten.lopendeZaken', 'Zaak.inMijnOverheid']),
    ).toEqual(['Berichten in uw Berichtenbox', 'Lopende zaken']);
    // A path this version does not know still says where it came from.
    expect(gegevensLabels('MIJNOVERHEID', ['iets.nieuws'])).toEqual(['Gegevens uit MijnOverheid']);
  });
});
