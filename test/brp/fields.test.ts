import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Kind, parse, type FragmentDefinitionNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { buildBrpSchema } from '../../subgraphs/brp/schema.js';
import { BRP_REGELS, brpVraag, type BrpVraag } from '../../subgraphs/brp/persoonsgegevens/persoonsgegevens.fields.js';
import { checkField } from '../../simulators/brp/fields.js';

/** What the BRP is asked for an operation on the BRP subgraph, as the resolver computes it. */
function vraag(schema: GraphQLSchema, source: string, variableValues: Record<string, unknown> = {}): BrpVraag {
  const document = parse(source);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  if (!operation) throw new Error('no operation');
  const fragments = Object.fromEntries(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
  return brpVraag({ schema, operation, fragments, variableValues });
}

const pg = (selection: string) => `{ me { persoonsgegevens { ${selection} } } }`;
const NAAM = [
  'naam.adellijkeTitelPredicaat',
  'naam.geslachtsnaam',
  'naam.volledigeNaam',
  'naam.voorletters',
  'naam.voornamen',
  'naam.voorvoegsel',
];

describe('GraphQL selection → BRP fields', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildBrpSchema();
  });

  const table: Array<[title: string, query: string, expected: string[] | 'geen call']> = [
    ['only the full name', pg('naam { volledigeNaam }'), ['naam.volledigeNaam']],
    ['two name parts', pg('naam { voornamen geslachtsnaam }'), ['naam.geslachtsnaam', 'naam.voornamen']],
    [
      'adellijke titel is a table value, asked whole',
      pg('naam { adellijkeTitel { soort } }'),
      ['naam.adellijkeTitelPredicaat'],
    ],
    [
      'a date is asked whole, whatever member is selected',
      pg('geboorte { datum { langFormaat } }'),
      ['geboorte.datum'],
    ],
    ['leeftijd lives on the person in the BRP', pg('geboorte { leeftijd }'), ['leeftijd']],
    [
      'street: official and short name (non-BAG addresses have only the short one)',
      pg('verblijfplaats { straat }'),
      ['verblijfplaats.verblijfadres.korteStraatnaam', 'verblijfplaats.verblijfadres.officieleStraatnaam'],
    ],
    [
      'burgerlijke staat is derived from the partners',
      pg('burgerlijkeStaat { omschrijving }'),
      [
        'partners.aangaanHuwelijkPartnerschap.datum',
        'partners.ontbindingHuwelijkPartnerschap.datum',
        'partners.soortVerbintenis',
      ],
    ],
    [
      "a partner's full name is composed from its parts",
      pg('partners { naam { volledigeNaam } }'),
      [
        'partners.naam.adellijkeTitelPredicaat',
        'partners.naam.geslachtsnaam',
        'partners.naam.voornamen',
        'partners.naam.voorvoegsel',
      ],
    ],
    [
      'inOnderzoek asks the whole part (markers come only with asked fields)',
      pg('naam { inOnderzoek { melding } }'),
      NAAM,
    ],
    ['only __typename of a part still asks whether the part exists', pg('naam { __typename }'), NAAM],
    [
      'gemeente: table value and date',
      pg('gemeenteVanInschrijving { naam ingeschrevenSinds { datum } }'),
      ['datumInschrijvingInGemeente', 'gemeenteVanInschrijving'],
    ],
    [
      'nationaliteit omschrijving needs the kind too',
      pg('nationaliteiten { omschrijving }'),
      ['nationaliteiten.nationaliteit', 'nationaliteiten.type'],
    ],
    ['bron only: the least the BRP can answer', pg('bron { status }'), ['burgerservicenummer']],
    [
      'geheimhouding is delivered automatically and may not be asked',
      pg('geheimhouding { ingesteld }'),
      ['burgerservicenummer'],
    ],
    ['portaal only: no BRP call', pg('portaal { eigenaar }'), 'geen call'],
    ['wijzigen only: no BRP call', pg('wijzigen { naam { uitleg } }'), 'geen call'],
    [
      'portaal through an interface fragment: no BRP call',
      pg('... on PortaalItem { portaal { uitleg } }'),
      'geen call',
    ],
    [
      'aliases of one field are merged',
      pg('a: naam { voornamen } b: naam { geslachtsnaam } c: naam { voornamen }'),
      ['naam.geslachtsnaam', 'naam.voornamen'],
    ],
    [
      'aliases of persoonsgegevens itself are merged into one call',
      '{ me { a: persoonsgegevens { naam { voornamen } } b: persoonsgegevens { geboorte { datum { datum } } } } }',
      ['geboorte.datum', 'naam.voornamen'],
    ],
    [
      'aliases of me are merged too',
      '{ x: me { persoonsgegevens { naam { voornamen } } } y: me { persoonsgegevens { leeftijd: geboorte { leeftijd } } } }',
      ['leeftijd', 'naam.voornamen'],
    ],
    [
      'named and inline fragments',
      `query { me { ...G } }
       fragment G on Gebruiker { persoonsgegevens { ...P ... on Persoonsgegevens { geboorte { plaats } } } }
       fragment P on Persoonsgegevens { naam { ...N } }
       fragment N on Naam { voorletters }`,
      ['geboorte.plaats', 'naam.voorletters'],
    ],
    [
      'entity fetch by the gateway (_entities)',
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Gebruiker { persoonsgegevens { naam { voornamen } } } } }`,
      ['naam.voornamen'],
    ],
    [
      'the MijnOverzicht selection',
      pg(
        'bron { naam status melding } naam { volledigeNaam } adressering { adresregel1 adresregel2 } portaal { eigenaar }',
      ),
      ['adressering.adresregel1', 'adressering.adresregel2', 'naam.volledigeNaam'],
    ],
  ];

  it.each(table)('%s', (_title, query, expected) => {
    const result = vraag(schema, query, { r: [] });
    if (expected === 'geen call') expect(result).toEqual({ nodig: false, fields: [] });
    else expect(result).toEqual({ nodig: true, fields: expected });
  });

  it('honours @skip and @include with variables', () => {
    const query = `query ($zonder: Boolean!, $met: Boolean!) {
      me { persoonsgegevens {
        naam @skip(if: $zonder) { voornamen }
        geboorte @include(if: $met) { plaats }
        verblijfplaats { woonplaats @include(if: $met) postcode }
      } } }`;
    expect(vraag(schema, query, { zonder: true, met: false }).fields).toEqual([
      'verblijfplaats.verblijfadres.postcode',
    ]);
    expect(vraag(schema, query, { zonder: false, met: true }).fields).toEqual([
      'geboorte.plaats',
      'naam.voornamen',
      'verblijfplaats.verblijfadres.postcode',
      'verblijfplaats.verblijfadres.woonplaats',
    ]);
  });

  it('asks nothing for sections of other subgraphs selected alongside', () => {
    expect(vraag(schema, '{ me { id soort authenticatie { niveau } } }')).toEqual({ nodig: false, fields: [] });
  });

  it('the full "Mijn gegevens" page stays within the 130 paths the BRP accepts, each a valid path', () => {
    const { fields } = vraag(schema, readFileSync('schema/operations/MijnGegevens.graphql', 'utf8'));
    expect(fields.length).toBeGreaterThan(40);
    expect(fields.length).toBeLessThanOrEqual(130);
    for (const field of fields) expect(checkField(field), field).toMatchObject({ ok: true });
  });

  it('every field under Persoonsgegevens has a rule, and every rule a field', () => {
    const seen = new Set<string>();
    const walk = (typeName: string): void => {
      if (seen.has(typeName)) return;
      seen.add(typeName);
      const type = schema.getType(typeName);
      const fields = type && 'getFields' in type ? type.getFields() : {};
      const regels = BRP_REGELS[typeName];
      expect(regels, `rules for ${typeName}`).toBeDefined();
      expect(Object.keys(regels ?? {}).sort(), typeName).toEqual(Object.keys(fields).sort());
      for (const [name, regel] of Object.entries(regels ?? {})) {
        if ('type' in regel) {
          expect(String(fields[name]?.type).replace(/[[\]!]/g, ''), `${typeName}.${name}`).toBe(regel.type);
          walk(regel.type);
        }
      }
    };
    walk('Persoonsgegevens');
    expect(Object.keys(BRP_REGELS).sort()).toEqual([...seen].sort());
  });

  it('every path a rule can ask is one the BRP accepts (not refused, not automatically delivered)', () => {
    const paths: string[] = [];
    const collect = (typeName: string, prefix: string): void => {
      for (const regel of Object.values(BRP_REGELS[typeName] ?? {})) {
        if ('paden' in regel) paths.push(...regel.paden.map((p) => (prefix ? `${prefix}.${p}` : p)));
        if ('type' in regel) collect(regel.type, [prefix, regel.onder].filter(Boolean).join('.'));
      }
    };
    collect('Persoonsgegevens', '');
    expect(paths.length).toBeGreaterThan(50);
    for (const path of paths) expect(checkField(path), path).toMatchObject({ ok: true });
  });
});
