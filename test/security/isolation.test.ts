import { beforeAll, describe, expect, it } from 'vitest';
import type { InwonerIdentity } from '../../lib/identity/index.js';
import { postGraphQL, stackForTests, type GraphQLResponse, type SubgraphName } from '../helpers/stack.js';
import { withOneCharacterChanged } from '../helpers/tamper.js';

/**
 * The gateway and the subgraphs as a boundary between residents: whoever holds a valid login (or a
 * valid internal token, as a subgraph sees the gateway's word) for one resident gets nothing of
 * another, whatever ids of hers they name. Suzanne Moulin (999993653) and Govert de Geus
 * (999970008) both have zaken and berichten; Govert tries hers, and she tries his.
 */

interface Bewoner {
  readonly identity: InwonerIdentity;
  /** The access token of a DigiD login. */
  token: string;
  /** `Gebruiker.id`: the pseudonym, as every subgraph knows her. */
  id: string;
}

const bewoner = (bsn: string): Bewoner => ({
  identity: { soort: 'INWONER', middel: 'DIGID', niveau: 'SUBSTANTIEEL', bsn },
  token: '',
  id: '',
});

/** Zaken as the zaaksystemen know them: `bronorganisatie` and `identificatie`. */
const ZAAK_101 = { __typename: 'Zaak', bronorganisatie: '002564440', identificatie: 'ZAAK-2026-0000000101' };
const ZAAK_201 = { __typename: 'Zaak', bronorganisatie: '002220647', identificatie: 'ZAAK-2026-0000000201' };
const ZAAK_202 = { __typename: 'Zaak', bronorganisatie: '002220647', identificatie: 'ZAAK-2026-0000000202' };

const CONTACT = 'id waarde geverifieerd standaard verificatie { pogingenOver }';
const VOORKEUREN = `{ me { voorkeuren { contactgegevens { ${CONTACT} } } } }`;

interface Contact {
  id: string;
  waarde: string;
  geverifieerd: boolean;
  standaard: boolean;
  verificatie: { pogingenOver: number } | null;
}

const codeOf = (response: GraphQLResponse) => response.body.errors?.map((e) => e.extensions?.['code']);

describe('isolation: a valid login for one resident gets nothing of another', () => {
  const run = stackForTests();
  const suzanne = bewoner('999993653');
  const govert = bewoner('999970008');

  beforeAll(async () => {
    for (const wie of [suzanne, govert]) {
      wie.token = await run.stack.login({ bsn: wie.identity.bsn });
      const me = await run.stack.query<{ me: { id: string } }>('{ me { id } }', { token: wie.token });
      wie.id = me.body.data?.me.id ?? '';
      expect(wie.id).toMatch(/\S{16,}/);
    }
    expect(suzanne.id).not.toBe(govert.id);
  });

  /** Asks a subgraph directly, with a fresh internal token for `wie`, as the gateway would. */
  const direct = async (subgraph: SubgraphName, wie: Bewoner, query: string, variables: Record<string, unknown>) => {
    const token = await run.stack.internalSigner.sign(subgraph, {
      kind: 'person',
      requestId: `isolatie-${Math.random().toString(36).slice(2)}`,
      gebruikerId: wie.id,
      identity: wie.identity,
    });
    return postGraphQL<{ _entities: Array<Record<string, unknown> | null> }>(run.stack.subgraphUrls[subgraph], query, {
      token,
      variables,
    });
  };
  const entities = (subgraph: SubgraphName, wie: Bewoner, representations: object[], selection: string) =>
    direct(subgraph, wie, `query($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`, {
      r: representations,
    });

  describe('_entities, asked of a subgraph with a valid internal token', () => {
    const HAAR_ADRES = 'suzanne.isolatie@example.nl';
    /** Per subgraph: its section of `Gebruiker`, and a value that only Suzanne's answer holds. */
    const SECTIES: ReadonlyArray<[SubgraphName, string, string]> = [
      ['brp', 'persoonsgegevens { naam { volledigeNaam } verblijfplaats { straat } }', 'Moulin'],
      ['zaken', 'zaken { items { identificatie omschrijving documenten { link } } }', 'ZAAK-2026-0000000101'],
      ['berichten', 'berichten { items { id onderwerp } lopendeZaken { omschrijving } }', 'Voorlopige aanslag'],
      ['voorkeuren', 'voorkeuren { contactgegevens { waarde } } meldingen { zaakIdentificatie }', HAAR_ADRES],
    ];

    beforeAll(async () => {
      // Something of hers in the voorkeuren store, for that subgraph to hold back.
      const added = await run.stack.query(
        'mutation($waarde: String!) { voegContactgegevenToe(input: { soort: EMAIL, waarde: $waarde }) { contactgegeven { id } } }',
        { token: suzanne.token, variables: { waarde: HAAR_ADRES } },
      );
      expect(added.body.errors).toBeUndefined();
    });

    it.each(SECTIES)(
      "%s: another resident's Gebruiker, by her pseudonymous id, is null with FORBIDDEN and none of her data",
      async (subgraph, sectie, haarGegeven) => {
        const selection = `... on Gebruiker { id ${sectie} }`;
        const representatie = { __typename: 'Gebruiker', id: suzanne.id };
        // Her own id with her own token: the data the refusal below must hold back.
        const own = await entities(subgraph, suzanne, [representatie], selection);
        expect(own.body.errors).toBeUndefined();
        expect(JSON.stringify(own.body.data)).toContain(haarGegeven);

        const other = await entities(subgraph, govert, [representatie], selection);
        expect(other.body.data).toEqual({ _entities: [null] });
        expect(codeOf(other)).toEqual(['FORBIDDEN']);
        expect(JSON.stringify(other.body)).not.toContain(haarGegeven);
        expect(JSON.stringify(other.body)).not.toContain(suzanne.id);
      },
    );

    it("zaken: another resident's Zaak is null with NIET_GEVONDEN: no zaak data, no document link", async () => {
      const selection = '... on Zaak { identificatie omschrijving status { statustekst } documenten { titel link } }';
      const own = await entities('zaken', suzanne, [ZAAK_101, ZAAK_201], selection);
      expect(own.body.data?._entities.map((z) => z?.['omschrijving'])).toEqual([
        'Parkeervergunning bewoners Boterdiep',
        'Bezwaar tegen WOZ-beschikking 2026',
      ]);
      expect(JSON.stringify(own.body.data)).toContain('/documenten/');

      const other = await entities('zaken', govert, [ZAAK_101, ZAAK_201], selection);
      expect(other.body.data).toEqual({ _entities: [null, null] });
      expect(codeOf(other)).toEqual(['NIET_GEVONDEN', 'NIET_GEVONDEN']);
      expect(JSON.stringify(other.body)).not.toMatch(/parkeervergunning|boterdiep|bezwaar|documenten|statustekst/i);

      // And the other way round: his Wmo zaak is not hers to read.
      const reverse = await entities('zaken', suzanne, [ZAAK_202], selection);
      expect(reverse.body.data).toEqual({ _entities: [null] });
      expect(JSON.stringify(reverse.body)).not.toMatch(/wmo/i);
    });

    it("zaken: someone else's zaak she is only belanghebbende of, an internal one and a secret one stay hidden from her", async () => {
      const zaken = ['ZAAK-2026-0000000103', 'ZAAK-2026-0000000104', 'ZAAK-2026-0000000105'].map((identificatie) => ({
        ...ZAAK_101,
        identificatie,
      }));
      const response = await entities('zaken', suzanne, zaken, '... on Zaak { omschrijving documenten { titel } }');
      expect(response.body.data).toEqual({ _entities: [null, null, null] });
      expect(codeOf(response)).toEqual(['NIET_GEVONDEN', 'NIET_GEVONDEN', 'NIET_GEVONDEN']);
      expect(JSON.stringify(response.body)).not.toMatch(/handhaving|adresonderzoek|schuldhulp|schuur/i);
    });

    it("berichten: another resident's Zaak shows nothing of her MijnOverheid: no lopende zaak, no berichten", async () => {
      const selection =
        '... on Zaak { identificatie inMijnOverheid { omschrijving statussen { statustekst } } berichten { id onderwerp } }';
      const own = await entities('berichten', govert, [ZAAK_202], selection);
      expect(own.body.data?._entities[0]).toMatchObject({
        inMijnOverheid: { omschrijving: 'Aanvraag Wmo-voorziening' },
        berichten: [expect.objectContaining({ onderwerp: expect.stringContaining('Wmo') })],
      });
      const ownSuzanne = await entities('berichten', suzanne, [ZAAK_101], selection);
      expect(ownSuzanne.body.data?._entities[0]?.['inMijnOverheid']).toMatchObject({
        omschrijving: 'Aanvraag parkeervergunning',
      });

      const other = await entities('berichten', suzanne, [ZAAK_202], selection);
      expect(other.body.errors).toBeUndefined();
      expect(other.body.data).toEqual({
        _entities: [{ identificatie: ZAAK_202.identificatie, inMijnOverheid: null, berichten: [] }],
      });
      const reverse = await entities('berichten', govert, [ZAAK_101], selection);
      expect(reverse.body.data).toEqual({
        _entities: [{ identificatie: ZAAK_101.identificatie, inMijnOverheid: null, berichten: [] }],
      });
      expect(JSON.stringify(reverse.body)).not.toMatch(/parkeervergunning|ontvangstbevestiging/i);
    });

    it('a bericht or a document cannot be asked for as an entity at all', async () => {
      const berichten = await run.stack.query<{ me: { berichten: { items: Array<{ id: string }> } } }>(
        '{ me { berichten { items { id } } } }',
        { token: suzanne.token },
      );
      const [bericht] = berichten.body.data?.me.berichten.items ?? [];
      expect(bericht?.id).toBeTruthy();
      for (const subgraph of ['berichten', 'zaken'] as const) {
        for (const representatie of [
          { __typename: 'Bericht', id: bericht?.id },
          { __typename: 'ZaakDocument', titel: 'Aanvraag parkeervergunning' },
        ]) {
          const response = await entities(subgraph, govert, [representatie], '__typename');
          expect(response.body.data?._entities ?? [null]).toEqual([null]);
          expect(response.body.errors?.length).toBeGreaterThan(0);
          expect(JSON.stringify(response.body)).not.toMatch(/aanslag|parkeervergunning\.pdf|%PDF/i);
        }
      }
    });
  });

  describe('through the gateway', () => {
    it('has no _entities or _service for a client to ask', async () => {
      for (const query of [
        `{ _entities(representations: [{ __typename: "Gebruiker", id: "${suzanne.id}" }]) { __typename } }`,
        '{ _service { sdl } }',
      ]) {
        const response = await run.stack.query(query, { token: govert.token });
        expect(response.body.data).toBeUndefined();
        expect(codeOf(response)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      }
    });

    it("marking another resident's bericht read or unread: NIET_GEVONDEN, and her Berichtenbox is unchanged", async () => {
      const HAAR_BERICHTEN = '{ me { berichten { ongelezen items { id onderwerp gelezen } } } }';
      type Berichten = { me: { berichten: { ongelezen: number; items: Array<{ id: string; gelezen: boolean }> } } };
      const voor = await run.stack.query<Berichten>(HAAR_BERICHTEN, { token: suzanne.token });
      const items = voor.body.data?.me.berichten.items ?? [];
      const ongelezen = items.find((b) => !b.gelezen);
      const gelezen = items.find((b) => b.gelezen);
      expect(ongelezen && gelezen).toBeTruthy();

      const MARKEER =
        'mutation($id: ID!, $gelezen: Boolean!) { markeerBerichtGelezen(id: $id, gelezen: $gelezen) { id onderwerp gelezen } }';
      for (const [bericht, waarde] of [
        [ongelezen, true],
        [gelezen, false],
      ] as const) {
        const response = await run.stack.query(MARKEER, {
          token: govert.token,
          variables: { id: bericht?.id, gelezen: waarde },
        });
        expect(response.body.data).toBeNull();
        expect(response.body.errors).toEqual([
          expect.objectContaining({
            message: 'Dit bericht staat niet (meer) in uw Berichtenbox.',
            extensions: { code: 'NIET_GEVONDEN' },
          }),
        ]);
      }
      const na = await run.stack.query<Berichten>(HAAR_BERICHTEN, { token: suzanne.token });
      expect(na.body.data).toEqual(voor.body.data);
    });

    describe("contact details: another resident's ids and codes do nothing", () => {
      const MUTATIES = {
        toevoegen: `mutation($waarde: String!) { voegContactgegevenToe(input: { soort: EMAIL, waarde: $waarde }) { contactgegeven { ${CONTACT} } } }`,
        verifieer: `mutation($id: ID!, $code: String!) { verifieerContactgegeven(input: { id: $id, code: $code }) { contactgegeven { ${CONTACT} } } }`,
        opnieuw: `mutation($id: ID!) { stuurVerificatiecodeOpnieuw(id: $id) { contactgegeven { ${CONTACT} } } }`,
        standaard: `mutation($id: ID!) { maakContactgegevenStandaard(id: $id) { contactgegeven { ${CONTACT} } } }`,
        verwijder: `mutation($id: ID!) { verwijderContactgegeven(id: $id) { voorkeuren { contactgegevens { id } } } }`,
      };
      const verzonden = (aan: string) => run.stack.simulators.notifyNl.sent().filter((n) => n.recipient === aan);
      const codeVoor = (aan: string) => verzonden(aan).at(-1)?.personalisation['code'] ?? '';
      const contacten = async (wie: Bewoner) =>
        (
          await run.stack.query<{ me: { voorkeuren: { contactgegevens: Contact[] } } }>(VOORKEUREN, {
            token: wie.token,
          })
        ).body.data?.me.voorkeuren.contactgegevens ?? [];
      const voegToe = async (wie: Bewoner, waarde: string): Promise<string> => {
        const response = await run.stack.query<{ voegContactgegevenToe: { contactgegeven: Contact } }>(
          MUTATIES.toevoegen,
          { token: wie.token, variables: { waarde } },
        );
        expect(response.body.errors).toBeUndefined();
        return response.body.data?.voegContactgegevenToe.contactgegeven.id ?? '';
      };
      const verifieer = (wie: Bewoner, id: string, code: string) =>
        run.stack.query<{ verifieerContactgegeven: { contactgegeven: Contact } }>(MUTATIES.verifieer, {
          token: wie.token,
          variables: { id, code },
        });
      const NIET_GEVONDEN = [
        expect.objectContaining({
          message: 'Dit adres of nummer hebben we niet gevonden. Misschien hebt u het al verwijderd.',
          extensions: { code: 'NIET_GEVONDEN' },
        }),
      ];

      it('verifying, resending, choosing or deleting her contact details by id: NIET_GEVONDEN, and hers are unchanged', async () => {
        const eerste = 'suzanne.eerste@example.nl';
        const tweede = 'suzanne.tweede@example.nl';
        const wachtend = 'suzanne.wachtend@example.nl';
        const eersteId = await voegToe(suzanne, eerste);
        expect((await verifieer(suzanne, eersteId, codeVoor(eerste))).body.errors).toBeUndefined();
        const tweedeId = await voegToe(suzanne, tweede);
        expect((await verifieer(suzanne, tweedeId, codeVoor(tweede))).body.errors).toBeUndefined();
        const wachtendId = await voegToe(suzanne, wachtend);
        const voor = await contacten(suzanne);
        expect(voor.find((c) => c.id === eersteId)).toMatchObject({ geverifieerd: true, standaard: true });
        expect(voor.find((c) => c.id === tweedeId)).toMatchObject({ geverifieerd: true, standaard: false });
        const berichtenVoor = run.stack.simulators.notifyNl.sent().length;

        const pogingen: Array<[string, Record<string, unknown>]> = [
          [MUTATIES.verifieer, { id: wachtendId, code: codeVoor(wachtend) }],
          [MUTATIES.opnieuw, { id: wachtendId }],
          [MUTATIES.standaard, { id: tweedeId }],
          [MUTATIES.verwijder, { id: eersteId }],
          [MUTATIES.verwijder, { id: wachtendId }],
        ];
        for (const [mutatie, variables] of pogingen) {
          const response = await run.stack.query(mutatie, { token: govert.token, variables });
          expect(response.body.data).toBeNull();
          expect(response.body.errors).toEqual(NIET_GEVONDEN);
          expect(JSON.stringify(response.body)).not.toContain('suzanne.');
        }
        // Nothing of hers changed: not a verification, not an attempt, not the default, not a code sent.
        expect(await contacten(suzanne)).toEqual(voor);
        expect(run.stack.simulators.notifyNl.sent()).toHaveLength(berichtenVoor);
      });

      it('a code sent to her new address verifies neither his own pending address nor hers when he types it', async () => {
        const haarAdres = 'suzanne.code@example.nl';
        const zijnAdres = 'govert.code@example.nl';
        const haarId = await voegToe(suzanne, haarAdres);
        const haarCode = codeVoor(haarAdres);
        const zijnId = await voegToe(govert, zijnAdres);
        if (codeVoor(zijnAdres) === haarCode) {
          // One in a million: the same six digits. A new code for him keeps the test meaningful.
          await run.stack.query(MUTATIES.opnieuw, { token: govert.token, variables: { id: zijnId } });
        }
        expect(codeVoor(zijnAdres)).not.toBe(haarCode);

        const opZijnAdres = await verifieer(govert, zijnId, haarCode);
        expect(codeOf(opZijnAdres)).toEqual(['VERIFICATIECODE_ONJUIST']);
        const opHaarAdres = await verifieer(govert, haarId, haarCode);
        expect(opHaarAdres.body.errors).toEqual(NIET_GEVONDEN);

        expect((await contacten(govert)).find((c) => c.id === zijnId)).toMatchObject({
          geverifieerd: false,
          verificatie: { pogingenOver: 4 },
        });
        // His try on her address cost her nothing: every attempt is still hers.
        expect((await contacten(suzanne)).find((c) => c.id === haarId)).toMatchObject({
          geverifieerd: false,
          verificatie: { pogingenOver: 5 },
        });
        // The code was right: in her hands, for her address, it verifies.
        const zelf = await verifieer(suzanne, haarId, haarCode);
        expect(zelf.body.data?.verifieerContactgegeven.contactgegeven).toMatchObject({ geverifieerd: true });
      });
    });

    describe('document links', () => {
      const HAAR_DOCUMENTEN = '{ me { zaken(eerste: 10) { items { identificatie documenten { titel link } } } } }';
      type Documenten = {
        me: {
          zaken: { items: Array<{ identificatie: string; documenten: Array<{ titel: string; link: string }> | null }> };
        };
      };
      const linkVan = async (wie: Bewoner) => {
        const response = await run.stack.query<Documenten>(HAAR_DOCUMENTEN, { token: wie.token });
        return response.body.data?.me.zaken.items.flatMap((z) => z.documenten ?? []) ?? [];
      };
      const download = (link: string, token?: string) =>
        fetch(link, token ? { headers: { authorization: `Bearer ${token}` } } : {});

      it('another resident is never given a link to her documents', async () => {
        const haar = await linkVan(suzanne);
        expect(haar.map((d) => d.titel)).toContain('Aanvraag parkeervergunning');
        const zijn = await linkVan(govert);
        expect(zijn.map((d) => d.titel)).not.toEqual(expect.arrayContaining(['Aanvraag parkeervergunning']));
        const haarTokens = new Set(haar.map((d) => d.link.split('/documenten/')[1]));
        expect(zijn.filter((d) => haarTokens.has(d.link.split('/documenten/')[1]))).toEqual([]);
      });

      it('a link with one character changed, anywhere in it, gives 404 and no document, with or without a login', async () => {
        const [document] = await linkVan(suzanne);
        const link = document?.link ?? '';
        const [basis, token = ''] = link.split('/documenten/');
        // The five parts of the encrypted token: header, (empty) key, iv, ciphertext, tag.
        const plekken = token.split('.').flatMap((part, index, parts) => {
          if (part.length === 0) return [];
          const start = parts.slice(0, index).reduce((n, p) => n + p.length + 1, 0);
          return [start + Math.floor(part.length / 2)];
        });
        expect(plekken).toHaveLength(4);
        for (const plek of plekken) {
          const veranderd = `${basis}/documenten/${withOneCharacterChanged(token, plek)}`;
          for (const login of [undefined, suzanne.token, govert.token]) {
            const response = await download(veranderd, login);
            expect(response.status).toBe(404);
            const body = Buffer.from(await response.arrayBuffer()).toString('latin1');
            expect(body).not.toContain('%PDF');
            expect(JSON.parse(body)).toEqual({
              melding: 'Deze link werkt niet (meer). Open het document opnieuw vanuit uw zaak.',
            });
          }
        }
      });

      it('a link is the one credential for its one document: a login neither adds to it nor changes whose it is', async () => {
        const document = (await linkVan(suzanne)).find((d) => d.titel === 'Aanvraag parkeervergunning');
        const link = document?.link ?? '';
        const zonder = await download(link);
        const metZijnLogin = await download(link, govert.token);
        // Opened in a browser tab there is no login, so the link alone serves the document…
        expect(zonder.status).toBe(200);
        expect(metZijnLogin.status).toBe(200);
        expect(Buffer.from(await metZijnLogin.arrayBuffer())).toEqual(Buffer.from(await zonder.arrayBuffer()));
        // …and the Documenten API's audit trail names the resident the link was made for.
        const downloads = run.stack.simulators.zgwA.journal.entries({ path: /\/download$/ }).slice(-2);
        expect(downloads).toHaveLength(2);
        for (const call of downloads) {
          const jwt = JSON.parse(
            Buffer.from((call.headers['authorization'] ?? '').split('.')[1] ?? '', 'base64url').toString(),
          ) as { user_id?: string };
          expect(jwt.user_id).toBe(suzanne.id);
        }
      });
    });
  });
});
