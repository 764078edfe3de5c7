import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFieldCipher, parseKeyring, type FieldCipher } from '../../lib/crypto/index.js';
import { migrate } from '../../subgraphs/voorkeuren/store/migrate.js';
import { MIGRATIONS } from '../../subgraphs/voorkeuren/store/migrations/index.js';
import type { SqlDatabase } from '../../subgraphs/voorkeuren/store/sql.js';
import type { Bewaartermijnen, StoredVerwerking, VoorkeurenStore } from '../../subgraphs/voorkeuren/store/store.js';
import { createSqlVoorkeurenStore } from '../../subgraphs/voorkeuren/store/voorkeuren-store.js';
import { TEST_BELEID, TEST_ENCRYPTION_KEY, testCipher } from './harness.js';
import { sqlBackends } from './backends.js';

/**
 * One contract, two implementations: every test below runs on SQLite and on PostgreSQL, each
 * on a fresh, empty database (SQLite in memory, PostgreSQL in a schema of its own, dropped after).
 */
const BACKENDS = await sqlBackends('voorkeuren store contract', { migrated: false });

const T0 = new Date('2026-11-28T10:00:00.000Z');
const minuten = (n: number) => new Date(T0.getTime() + n * 60_000);
const seconden = (n: number) => new Date(T0.getTime() + n * 1_000);
const dagen = (n: number) => new Date(T0.getTime() + n * 86_400_000);
const TERMIJNEN: Bewaartermijnen = {
  verificatieMs: 7 * 86_400_000,
  ongeverifieerdMs: 30 * 86_400_000,
  historieMs: 730 * 86_400_000,
  verwerkingenMs: 400 * 86_400_000,
};

describe.each(BACKENDS)('voorkeuren store contract on $name', (backend) => {
  let db: SqlDatabase;
  let drop: () => Promise<void>;
  let store: VoorkeurenStore;
  let cipher: FieldCipher;
  let alice: string;
  let bob: string;

  beforeEach(async (context) => {
    if (backend.skip) {
      context.skip(backend.skip);
      return;
    }
    ({ db, drop } = await backend.open());
    await migrate(db);
    cipher = testCipher();
    store = createSqlVoorkeurenStore(db, { cipher });
    alice = `pseudoniem-${randomUUID()}`;
    bob = `pseudoniem-${randomUUID()}`;
  });
  afterEach(async () => {
    if (!backend.skip) await drop();
  });

  /** Adds a detail and confirms the reserved send, as the service does; returns its id. */
  async function voegToe(wie: string, waarde = 'alice@example.nl', code = '123456', now = T0) {
    const soort = waarde.includes('@') ? 'EMAIL' : 'TELEFOON';
    const uitkomst = await store.voegContactgegevenToe(wie, soort, waarde, code, TEST_BELEID, now);
    if (!uitkomst.ok) throw new Error(`toevoegen mislukt: ${uitkomst.reden}`);
    await store.bevestigVerzending(uitkomst.verzending.referentie, randomUUID());
    return uitkomst.verzending;
  }

  describe('migrations', () => {
    it('a second run finds nothing to do, and every migration is recorded once', async () => {
      expect(await migrate(db)).toEqual([]);
      const rows = await db.all('SELECT naam FROM schema_migraties ORDER BY naam');
      expect(rows.map((r) => r['naam'])).toEqual(MIGRATIONS.map((m) => m.name));
    });

    it('a failing migration leaves the schema as it was (one transaction)', async () => {
      const kapot = {
        name: '9999-kapot',
        statements: () => ['CREATE TABLE halfweg (id TEXT)', 'SELECT * FROM bestaat_niet'],
      };
      await expect(migrate(db, { migrations: [...MIGRATIONS, kapot] })).rejects.toThrow();
      await expect(db.all('SELECT id FROM halfweg')).rejects.toThrow();
      expect((await db.all("SELECT naam FROM schema_migraties WHERE naam = '9999-kapot'")).length).toBe(0);
    });
  });

  describe('preferences', () => {
    it('has nothing stored before the first choice, then keeps it with a history entry of what changed', async () => {
      expect(await store.voorkeuren(alice)).toBeNull();
      const opgeslagen = await store.wijzigVoorkeuren(
        alice,
        (huidig) => ({
          ...huidig,
          taal: 'en',
          kanalen: { ...huidig.kanalen, EMAIL: true },
          uitzonderingen: [{ kanaal: 'EMAIL', onderwerp: null, zaaktype: 'ZT-PARKEREN', aan: false }],
        }),
        T0,
      );
      expect(await store.voorkeuren(alice)).toEqual(opgeslagen);
      expect(opgeslagen).toEqual({
        taal: 'en',
        alleenDigitaal: false,
        kanalen: { EMAIL: true, SMS: false, MIJN_OVERHEID: true },
        uitzonderingen: [{ kanaal: 'EMAIL', onderwerp: null, zaaktype: 'ZT-PARKEREN', aan: false }],
        gewijzigdOp: T0,
      });
      const [regel] = await store.historie(alice, 10);
      expect(regel).toMatchObject({ op: T0, door: 'INWONER' });
      expect(regel?.wijzigingen).toEqual([
        { soort: 'TAAL', taal: 'en' },
        { soort: 'KANAAL', kanaal: 'EMAIL', aan: true },
        { soort: 'UITZONDERING', kanaal: 'EMAIL', onderwerp: null, zaaktype: 'ZT-PARKEREN', aan: false },
      ]);
      expect(await store.voorkeuren(bob)).toBeNull();
    });

    it('lists history newest first, limited, and writes none for a change that changes nothing', async () => {
      for (const [i, aan] of [true, false, true].entries()) {
        await store.wijzigVoorkeuren(alice, (h) => ({ ...h, kanalen: { ...h.kanalen, SMS: aan } }), minuten(i));
      }
      await store.wijzigVoorkeuren(alice, (h) => h, minuten(5));
      const historie = await store.historie(alice, 2);
      expect(historie.map((r) => r.op)).toEqual([minuten(2), minuten(1)]);
      expect((await store.historie(alice, 10)).length).toBe(3);
    });

    it('stores nothing when the change fails halfway (the write is one transaction)', async () => {
      await expect(
        store.wijzigVoorkeuren(
          alice,
          () => {
            throw new Error('kapot');
          },
          T0,
        ),
      ).rejects.toThrow('kapot');
      expect(await store.voorkeuren(alice)).toBeNull();
      expect(await store.historie(alice, 10)).toEqual([]);
    });
  });

  describe('contact details', () => {
    it('stores a detail encrypted, with its key id, and only a keyed hash of the code', async () => {
      const { contact } = await voegToe(alice, 'Alice.Moulin@example.nl', '482913');
      expect(contact).toMatchObject({ soort: 'EMAIL', waarde: 'Alice.Moulin@example.nl', standaard: false });
      expect(contact.geverifieerdOp).toBeNull();
      const [row] = await db.all('SELECT * FROM contactgegevens');
      const [verificatie] = await db.all('SELECT * FROM verificaties');
      const opgeslagen = JSON.stringify([row, verificatie]);
      expect(opgeslagen).not.toMatch(/Alice|Moulin|example/i);
      expect(opgeslagen).not.toContain('482913');
      expect(opgeslagen).not.toContain(alice.replace('pseudoniem-', 'bsn'));
      expect(row?.['sleutel_id']).toBe('test-1');
      expect(await store.contactgegevens(alice)).toEqual([
        expect.objectContaining({ waarde: 'Alice.Moulin@example.nl' }),
      ]);
      expect(await store.contactgegevens(bob)).toEqual([]);
    });

    it('a sealed value copied to another resident does not decrypt there', async () => {
      await voegToe(alice);
      await voegToe(bob, 'bob@example.nl');
      const [vanAlice] = await db.all('SELECT waarde FROM contactgegevens WHERE gebruiker_id = ?', [alice]);
      await db.run('UPDATE contactgegevens SET waarde = ? WHERE gebruiker_id = ?', [String(vanAlice?.['waarde']), bob]);
      await expect(store.contactgegevens(bob)).rejects.toThrow(/does not decrypt/);
    });

    it('refuses the same detail twice and more than the maximum per kind', async () => {
      await voegToe(alice, 'een@example.nl');
      expect(await store.voegContactgegevenToe(alice, 'EMAIL', 'een@example.nl', '111111', TEST_BELEID, T0)).toEqual({
        ok: false,
        reden: 'BESTAAT_AL',
      });
      const beleid = { ...TEST_BELEID, maxPerSoort: 2 };
      await voegToe(alice, 'twee@example.nl');
      expect(await store.voegContactgegevenToe(alice, 'EMAIL', 'drie@example.nl', '111111', beleid, T0)).toEqual({
        ok: false,
        reden: 'TE_VEEL',
      });
      // The same address for another resident is theirs to add.
      await voegToe(bob, 'een@example.nl');
    });

    it('lists e-mail before phone, the default first within a kind', async () => {
      await voegToe(alice, '+31612345678', '222222');
      await voegToe(alice, 'oud@example.nl', '333333', minuten(1));
      const nieuw = await voegToe(alice, 'nieuw@example.nl', '444444', minuten(2));
      await store.verifieer(alice, nieuw.contact.id, '444444', TEST_BELEID, minuten(3));
      expect((await store.contactgegevens(alice)).map((c) => c.waarde)).toEqual([
        'nieuw@example.nl',
        'oud@example.nl',
        '+31612345678',
      ]);
    });
  });

  describe('verification', () => {
    it('the right code verifies; the first verified detail of a kind becomes the default', async () => {
      const { contact } = await voegToe(alice, 'alice@example.nl', '654321');
      const uitkomst = await store.verifieer(alice, contact.id, '654321', TEST_BELEID, minuten(1));
      expect(uitkomst).toMatchObject({
        ok: true,
        contact: { standaard: true, geverifieerdOp: minuten(1), verificatie: null },
      });
      const tweede = await voegToe(alice, 'ander@example.nl', '777777', minuten(2));
      expect(await store.verifieer(alice, tweede.contact.id, '777777', TEST_BELEID, minuten(3))).toMatchObject({
        ok: true,
        contact: { standaard: false },
      });
      // Entering the code again (a double click) is not an error.
      expect(await store.verifieer(alice, contact.id, '654321', TEST_BELEID, minuten(4))).toMatchObject({ ok: true });
      expect((await store.historie(alice, 10)).flatMap((r) => r.wijzigingen.map((w) => w.soort))).toContain(
        'CONTACT_GEVERIFIEERD',
      );
    });

    it('counts every wrong code, and after the last attempt even the right code no longer works', async () => {
      const { contact } = await voegToe(alice, 'alice@example.nl', '111111');
      const beleid = { ...TEST_BELEID, maxPogingen: 3 };
      expect(await store.verifieer(alice, contact.id, '000000', beleid, T0)).toEqual({
        ok: false,
        reden: 'ONJUIST',
        pogingenOver: 2,
      });
      expect(await store.verifieer(alice, contact.id, '000001', beleid, T0)).toEqual({
        ok: false,
        reden: 'ONJUIST',
        pogingenOver: 1,
      });
      expect(await store.verifieer(alice, contact.id, '000002', beleid, T0)).toEqual({
        ok: false,
        reden: 'TE_VEEL_POGINGEN',
      });
      expect(await store.verifieer(alice, contact.id, '111111', beleid, T0)).toEqual({
        ok: false,
        reden: 'TE_VEEL_POGINGEN',
      });
      expect((await store.contactgegevens(alice))[0]?.verificatie?.pogingen).toBe(3);
    });

    it('attempts made at the same moment are counted one by one: no more guesses than allowed', async () => {
      const { contact } = await voegToe(alice, 'alice@example.nl', '111111');
      const uitkomsten = await Promise.all(
        Array.from({ length: 12 }, (_, i) => store.verifieer(alice, contact.id, String(200000 + i), TEST_BELEID, T0)),
      );
      expect(uitkomsten.filter((u) => !u.ok && u.reden === 'ONJUIST')).toHaveLength(TEST_BELEID.maxPogingen - 1);
      expect((await store.contactgegevens(alice))[0]?.verificatie?.pogingen).toBe(TEST_BELEID.maxPogingen);
    });

    it('a code is valid until it expires', async () => {
      const { contact } = await voegToe(alice, 'alice@example.nl', '111111');
      expect(await store.verifieer(alice, contact.id, '111111', TEST_BELEID, minuten(15))).toEqual({
        ok: false,
        reden: 'VERLOPEN',
      });
      expect(await store.verifieer(alice, contact.id, '111111', TEST_BELEID, minuten(14))).toMatchObject({ ok: true });
    });

    it('a new code replaces the old one and gives the attempts back', async () => {
      const { contact } = await voegToe(alice, 'alice@example.nl', '111111');
      await store.verifieer(alice, contact.id, '000000', TEST_BELEID, T0);
      const opnieuw = await store.stuurCodeOpnieuw(alice, contact.id, '222222', TEST_BELEID, minuten(1));
      expect(opnieuw).toMatchObject({ ok: true, verzending: { contact: { verificatie: { pogingen: 0 } } } });
      expect(await store.verifieer(alice, contact.id, '111111', TEST_BELEID, minuten(2))).toMatchObject({
        reden: 'ONJUIST',
      });
      expect(await store.verifieer(alice, contact.id, '222222', TEST_BELEID, minuten(2))).toMatchObject({ ok: true });
      expect(await store.stuurCodeOpnieuw(alice, contact.id, '333333', TEST_BELEID, minuten(3))).toEqual({
        ok: false,
        reden: 'AL_GEVERIFIEERD',
      });
    });

    it('limits the codes sent per resident in the window, also across deleting and adding again', async () => {
      const beleid = { ...TEST_BELEID, maxVerzendingen: 3 };
      const { contact } = await voegToe(alice, 'alice@example.nl', '111111');
      expect(await store.stuurCodeOpnieuw(alice, contact.id, '222222', beleid, minuten(1))).toMatchObject({ ok: true });
      await store.verwijderContactgegeven(alice, contact.id, minuten(2));
      // The code goes with the detail; the log of what was sent stays, without the link.
      expect(await db.all('SELECT contact_id FROM verificaties WHERE contact_id = ?', [contact.id])).toEqual([]);
      expect(
        (await db.all('SELECT contact_id FROM verzendingen WHERE gebruiker_id = ?', [alice])).map(
          (r) => r['contact_id'],
        ),
      ).toEqual([null, null]);
      const derde = await store.voegContactgegevenToe(alice, 'EMAIL', 'alice@example.nl', '333333', beleid, minuten(3));
      expect(derde.ok).toBe(true);
      if (!derde.ok) return;
      expect(await store.stuurCodeOpnieuw(alice, derde.verzending.contact.id, '4', beleid, minuten(4))).toEqual({
        ok: false,
        reden: 'TE_VAAK_VERSTUURD',
      });
      expect(await store.voegContactgegevenToe(alice, 'TELEFOON', '+31612345678', '5', beleid, minuten(4))).toEqual({
        ok: false,
        reden: 'TE_VAAK_VERSTUURD',
      });
      // A send NotifyNL did not accept does not count.
      await store.annuleerVerzending(derde.verzending.referentie);
      expect(await store.stuurCodeOpnieuw(alice, derde.verzending.contact.id, '6', beleid, minuten(5))).toMatchObject({
        ok: true,
      });
      // Once the window has passed, codes can be sent again; other residents were never limited.
      expect(await store.stuurCodeOpnieuw(alice, derde.verzending.contact.id, '7', beleid, dagen(1.01))).toMatchObject({
        ok: true,
      });
      expect((await store.voegContactgegevenToe(bob, 'EMAIL', 'bob@example.nl', '8', beleid, minuten(5))).ok).toBe(
        true,
      );
    });

    it('a resident cannot touch another resident’s detail', async () => {
      const { contact } = await voegToe(alice, 'alice@example.nl', '111111');
      expect(await store.verifieer(bob, contact.id, '111111', TEST_BELEID, T0)).toEqual({
        ok: false,
        reden: 'NIET_GEVONDEN',
      });
      expect(await store.stuurCodeOpnieuw(bob, contact.id, '1', TEST_BELEID, T0)).toEqual({
        ok: false,
        reden: 'NIET_GEVONDEN',
      });
      expect(await store.maakStandaard(bob, contact.id, T0)).toEqual({ ok: false, reden: 'NIET_GEVONDEN' });
      expect(await store.verwijderContactgegeven(bob, contact.id, T0)).toEqual({ ok: false, reden: 'NIET_GEVONDEN' });
      expect(await store.contactgegevens(alice)).toHaveLength(1);
    });
  });

  describe('defaults, deleting, and what meldingen may use', () => {
    async function geverifieerd(wie: string, waarde: string, now: Date) {
      const { contact } = await voegToe(wie, waarde, '123123', now);
      const uitkomst = await store.verifieer(wie, contact.id, '123123', TEST_BELEID, now);
      if (!uitkomst.ok) throw new Error(uitkomst.reden);
      return uitkomst.contact;
    }

    it('one default per kind: choosing another moves it; an unverified detail cannot be chosen', async () => {
      const eerste = await geverifieerd(alice, 'eerste@example.nl', minuten(1));
      const tweede = await geverifieerd(alice, 'tweede@example.nl', minuten(2));
      const telefoon = await geverifieerd(alice, '+31612345678', minuten(3));
      const open = await voegToe(alice, 'open@example.nl', '1', minuten(4));
      expect(await store.maakStandaard(alice, open.contact.id, minuten(5))).toEqual({
        ok: false,
        reden: 'NIET_GEVERIFIEERD',
      });
      expect(await store.maakStandaard(alice, tweede.id, minuten(5))).toEqual({ ok: true });
      const standaard = (await store.contactgegevens(alice)).filter((c) => c.standaard).map((c) => c.id);
      expect(standaard.sort()).toEqual([tweede.id, telefoon.id].sort());
      expect(await store.bruikbareContactgegevens(alice)).toEqual({
        EMAIL: { id: tweede.id, waarde: 'tweede@example.nl' },
        TELEFOON: { id: telefoon.id, waarde: '+31612345678' },
      });
      expect(eerste.standaard).toBe(true);
    });

    it('an unverified detail is never usable for meldingen', async () => {
      await voegToe(alice, 'open@example.nl');
      expect(await store.bruikbareContactgegevens(alice)).toEqual({});
    });

    it('deleting the default hands it to the oldest other verified detail, and is kept in the history', async () => {
      const eerste = await geverifieerd(alice, 'eerste@example.nl', minuten(1));
      const tweede = await geverifieerd(alice, 'tweede@example.nl', minuten(2));
      await voegToe(alice, 'open@example.nl', '1', minuten(3));
      expect(await store.verwijderContactgegeven(alice, eerste.id, minuten(4))).toEqual({ ok: true });
      const over = await store.contactgegevens(alice);
      expect(over.map((c) => [c.waarde, c.standaard])).toEqual([
        ['tweede@example.nl', true],
        ['open@example.nl', false],
      ]);
      expect(tweede.standaard).toBe(false);
      const [laatste] = await store.historie(alice, 1);
      expect(laatste?.wijzigingen).toEqual([{ soort: 'CONTACT_VERWIJDERD', contactSoort: 'EMAIL' }]);
      expect(JSON.stringify(await db.all('SELECT * FROM voorkeuren_historie'))).not.toContain('eerste');
    });

    it('a bounce marks the detail, takes it out of use and tells the resident; a later delivery clears it', async () => {
      const adres = await geverifieerd(alice, 'alice@example.nl', minuten(1));
      const opnieuw = await voegToe(alice, 'weg@example.nl', '9', minuten(2));
      expect(await store.registreerAfleverstatus('onbekend', 'ONBESTELBAAR', minuten(3))).toBe('ONBEKEND');
      expect(await store.registreerAfleverstatus(opnieuw.referentie, 'ONBESTELBAAR', minuten(3))).toBe(
        'ONBESTELBAAR_GEMARKEERD',
      );
      const [row] = await db.all('SELECT referentie, gebruiker_id FROM verzendingen WHERE contact_id = ?', [adres.id]);
      expect(row).toBeDefined();
      expect(await store.registreerAfleverstatus(String(row?.['referentie']), 'ONBESTELBAAR', minuten(4))).toBe(
        'ONBESTELBAAR_GEMARKEERD',
      );
      expect(await store.bruikbareContactgegevens(alice)).toEqual({});
      expect((await store.contactgegevens(alice)).map((c) => c.onbestelbaarSinds)).toEqual([minuten(4), minuten(3)]);
      const [melding] = await store.historie(alice, 1);
      expect(melding).toMatchObject({
        door: 'SYSTEEM',
        wijzigingen: [{ soort: 'CONTACT_ONBESTELBAAR', contactSoort: 'EMAIL' }],
      });
      // A late receipt of the old message proves nothing; a message sent after the bounce does.
      expect(await store.registreerAfleverstatus(String(row?.['referentie']), 'AFGELEVERD', minuten(5))).toBe(
        'GENOTEERD',
      );
      const nieuw = await store.stuurCodeOpnieuw(alice, opnieuw.contact.id, '10', TEST_BELEID, minuten(6));
      if (!nieuw.ok) throw new Error(nieuw.reden);
      expect(await store.registreerAfleverstatus(nieuw.verzending.referentie, 'AFGELEVERD', minuten(7))).toBe(
        'HERSTELD',
      );
      expect(
        (await store.contactgegevens(alice)).find((c) => c.id === opnieuw.contact.id)?.onbestelbaarSinds,
      ).toBeNull();
    });

    it('entering the right code clears a bounce: the address evidently works', async () => {
      const { contact, referentie } = await voegToe(alice, 'alice@example.nl', '555555');
      await store.registreerAfleverstatus(referentie, 'ONBESTELBAAR', minuten(1));
      expect(await store.verifieer(alice, contact.id, '555555', TEST_BELEID, minuten(2))).toMatchObject({
        ok: true,
        contact: { onbestelbaarSinds: null },
      });
    });
  });

  describe('verwerkingenlog', () => {
    /** One read as the gateway delivers it. */
    const verwerking = (wie: string, tijdstip: Date, extra: Partial<StoredVerwerking> = {}): StoredVerwerking => ({
      id: randomUUID(),
      gebruikerId: wie,
      tijdstip,
      bron: 'BRP',
      gegevens: ['persoonsgegevens.naam', 'persoonsgegevens.verblijfplaats'],
      doel: 'Uw gegevens tonen in Mijn Omgeving',
      verzoekId: `verzoek-${randomUUID()}`,
      namens: null,
      ...extra,
    });

    it('stores a batch and lists a resident’s reads newest first, page by page; nobody sees another’s', async () => {
      const reads = [0, 1, 2, 3, 4].map((i) =>
        verwerking(alice, minuten(i), {
          bron: i % 2 === 0 ? 'BRP' : 'ZAKEN',
          gegevens: [`zaken.items${i}`],
          // One read by someone acting for her: stored and shown as such.
          ...(i === 3 ? { namens: 'DIGID_MACHTIGEN' as const } : {}),
        }),
      );
      await store.registreerVerwerkingen([...reads, verwerking(bob, minuten(10))]);

      const eerste = await store.verwerkingen(alice, { eerste: 2, na: null });
      expect(eerste.items).toEqual([reads[4], reads[3]]);
      expect(eerste.volgende).toEqual({ tijdstip: minuten(3), id: reads[3]?.id });
      const tweede = await store.verwerkingen(alice, { eerste: 2, na: eerste.volgende });
      expect(tweede.items.map((v) => v.id)).toEqual([reads[2]?.id, reads[1]?.id]);
      const laatste = await store.verwerkingen(alice, { eerste: 2, na: tweede.volgende });
      expect(laatste).toEqual({ items: [reads[0]], volgende: null });

      expect((await store.verwerkingen(bob, { eerste: 10, na: null })).items.map((v) => v.gebruikerId)).toEqual([bob]);
      expect(await store.verwerkingen(`pseudoniem-${randomUUID()}`, { eerste: 10, na: null })).toEqual({
        items: [],
        volgende: null,
      });
      // The pseudonym is the key; what is stored says nothing more about the person than the gateway sent.
      expect(JSON.stringify(await db.all('SELECT * FROM verwerkingen'))).not.toMatch(/999993653/);
    });

    it('stores every record of a large batch of any size once, however it is cut into statements', async () => {
      // 237 = 2 × 100 + 3 × 10 + 7 × 1 rows; one record twice in the batch, the later one winning.
      const groot = Array.from({ length: 237 }, (_, i) => verwerking(alice, seconden(i)));
      const eerste = groot[0];
      if (!eerste) throw new Error('no records');
      const nogmaals = { ...eerste, gegevens: ['persoonsgegevens.naam', 'zaken.items'] };
      await store.registreerVerwerkingen([...groot, nogmaals]);

      const opgeslagen = await store.verwerkingen(alice, { eerste: 500, na: null });
      expect(opgeslagen.items).toHaveLength(237);
      expect(opgeslagen.items.map((v) => v.id)).toEqual(groot.map((v) => v.id).reverse());
      expect(opgeslagen.items.at(-1)?.gegevens).toEqual(['persoonsgegevens.naam', 'zaken.items']);
    });

    it('pages through reads at the same moment without skipping or repeating one', async () => {
      const tegelijk = Array.from({ length: 7 }, () => verwerking(alice, T0));
      await store.registreerVerwerkingen(tegelijk);
      const gezien: string[] = [];
      let na: Awaited<ReturnType<VoorkeurenStore['verwerkingen']>>['volgende'] = null;
      do {
        const pagina = await store.verwerkingen(alice, { eerste: 3, na });
        gezien.push(...pagina.items.map((v) => v.id));
        na = pagina.volgende;
      } while (na);
      expect(gezien.length).toBe(7);
      expect(new Set(gezien)).toEqual(new Set(tegelijk.map((v) => v.id)));
    });

    it('a batch delivered again is stored once, with the fuller list of what was read; never over another’s', async () => {
      const read = verwerking(alice, T0, { gegevens: ['persoonsgegevens.naam'] });
      await store.registreerVerwerkingen([read]);
      await store.registreerVerwerkingen([
        { ...read, gegevens: ['persoonsgegevens.naam', 'persoonsgegevens.geboorte'] },
      ]);
      expect((await store.verwerkingen(alice, { eerste: 10, na: null })).items).toEqual([
        { ...read, gegevens: ['persoonsgegevens.naam', 'persoonsgegevens.geboorte'] },
      ]);
      // The same id for another resident changes nothing of alice's entry and adds none for bob.
      await store.registreerVerwerkingen([{ ...read, gebruikerId: bob, gegevens: ['zaken.items'] }]);
      expect((await store.verwerkingen(alice, { eerste: 10, na: null })).items[0]?.gegevens).toEqual([
        'persoonsgegevens.naam',
        'persoonsgegevens.geboorte',
      ]);
      expect((await store.verwerkingen(bob, { eerste: 10, na: null })).items).toEqual([]);
    });

    it('writes the log with commits that may reach the disk later; other transactions still wait for it', async () => {
      // PostgreSQL: synchronous_commit off for that transaction alone. SQLite in memory has no WAL
      // and no disk to skip (the file store's case is in sqlite.test.ts).
      const setting = async (tx: Pick<SqlDatabase, 'get'>) =>
        db.dialect === 'postgres'
          ? (await tx.get('SHOW synchronous_commit'))?.['synchronous_commit']
          : (await tx.get('PRAGMA synchronous'))?.['synchronous'];
      const [later, now] = db.dialect === 'postgres' ? ['off', 'on'] : [2, 2];
      expect(await db.transaction((tx) => setting(tx), { flush: 'later' })).toBe(later);
      expect(await db.transaction((tx) => setting(tx))).toBe(now);
      expect(await setting(db)).toBe(now);
    });

    it('stores a batch of up to 100 records whole or not at all (one transaction)', async () => {
      const goed = verwerking(alice, T0);
      const kapot = { ...verwerking(alice, minuten(1)), bron: 'ONBEKEND' } as unknown as StoredVerwerking;
      await expect(store.registreerVerwerkingen([goed, kapot])).rejects.toThrow();
      expect((await store.verwerkingen(alice, { eerste: 10, na: null })).items).toEqual([]);
    });

    it('stores a larger batch 100 records at a time: a failed piece leaves nothing, and the batch delivered again is stored once', async () => {
      const batch = Array.from({ length: 150 }, (_, i) => verwerking(alice, seconden(i)));
      const kapot = { ...batch[120], bron: 'ONBEKEND' } as unknown as StoredVerwerking;
      await expect(
        store.registreerVerwerkingen([...batch.slice(0, 120), kapot, ...batch.slice(121)]),
      ).rejects.toThrow();
      // The first hundred are written; of the piece with the broken record, nothing.
      const eerst = await store.verwerkingen(alice, { eerste: 500, na: null });
      expect(eerst.items.map((v) => v.id)).toEqual(
        batch
          .slice(0, 100)
          .map((v) => v.id)
          .reverse(),
      );
      // The gateway delivers a batch again until it is taken: then every record is there once.
      await store.registreerVerwerkingen(batch);
      const daarna = await store.verwerkingen(alice, { eerste: 500, na: null });
      expect(daarna.items.map((v) => v.id)).toEqual(batch.map((v) => v.id).reverse());
    });

    it('removes reads older than the retention period in maintenance, and keeps the rest', async () => {
      const oud = verwerking(alice, T0);
      const recent = verwerking(alice, dagen(350));
      await store.registreerVerwerkingen([oud, recent, verwerking(bob, dagen(1))]);
      // The clock moves to just past 400 days after the first read.
      expect(await store.schoonOp(dagen(400), TERMIJNEN)).toMatchObject({ verwerkingen: 0 });
      expect(await store.schoonOp(new Date(dagen(400).getTime() + 60_000), TERMIJNEN)).toMatchObject({
        verwerkingen: 1,
      });
      expect((await store.verwerkingen(alice, { eerste: 10, na: null })).items).toEqual([recent]);
      expect((await store.verwerkingen(bob, { eerste: 10, na: null })).items.length).toBe(1);
      expect(await store.schoonOp(dagen(402), TERMIJNEN)).toMatchObject({ verwerkingen: 1 });
      expect((await store.verwerkingen(bob, { eerste: 10, na: null })).items).toEqual([]);
      expect((await store.verwerkingen(alice, { eerste: 10, na: null })).items).toEqual([recent]);
    });
  });

  describe('retention and key rotation', () => {
    it('removes expired codes, the send log, abandoned unverified details and old history; keeps the rest', async () => {
      const verlaten = await voegToe(alice, 'verlaten@example.nl', '1', T0);
      const bewaard = await voegToe(alice, 'bewaard@example.nl', '2', T0);
      await store.verifieer(alice, bewaard.contact.id, '2', TEST_BELEID, T0);
      const recent = await voegToe(bob, 'recent@example.nl', '3', dagen(29));
      expect(await store.schoonOp(dagen(1), TERMIJNEN)).toEqual({
        verificaties: 0,
        verzendingen: 0,
        contactgegevens: 0,
        historie: 0,
        verwerkingen: 0,
      });
      expect(await store.schoonOp(dagen(31), TERMIJNEN)).toEqual({
        verificaties: 1, // alice's expired code; bob's is recent
        verzendingen: 2, // alice's two sends
        contactgegevens: 1, // the never-verified one
        historie: 0,
        verwerkingen: 0,
      });
      expect((await store.contactgegevens(alice)).map((c) => c.waarde)).toEqual(['bewaard@example.nl']);
      expect((await store.contactgegevens(bob)).map((c) => c.id)).toEqual([recent.contact.id]);
      expect((await store.historie(alice, 1))[0]).toMatchObject({
        door: 'SYSTEEM',
        wijzigingen: [{ soort: 'CONTACT_VERWIJDERD', contactSoort: 'EMAIL' }],
      });
      expect(verlaten.contact.id).not.toBe(bewaard.contact.id);
      const later = await store.schoonOp(dagen(31 + 731), TERMIJNEN);
      expect(later.historie).toBeGreaterThanOrEqual(4);
      expect(await store.historie(alice, 10)).toEqual([]);
      // Running again changes nothing: every replica may run it.
      expect(await store.schoonOp(dagen(31 + 731), TERMIJNEN)).toMatchObject({ historie: 0, contactgegevens: 0 });
    });

    it('re-encrypts details sealed with an older key, after which the old key can go', async () => {
      await voegToe(alice, 'alice@example.nl');
      const nieuweSleutel = `test-2:${Buffer.alloc(32, 9).toString('base64')}`;
      const beide = createSqlVoorkeurenStore(db, {
        cipher: createFieldCipher(parseKeyring(`${nieuweSleutel},${TEST_ENCRYPTION_KEY}`)),
      });
      expect((await beide.contactgegevens(alice))[0]?.waarde).toBe('alice@example.nl');
      expect(await beide.versleutelOpnieuw(100)).toBe(1);
      expect(await beide.versleutelOpnieuw(100)).toBe(0);
      const alleenNieuw = createSqlVoorkeurenStore(db, { cipher: createFieldCipher(parseKeyring(nieuweSleutel)) });
      expect((await alleenNieuw.contactgegevens(alice))[0]?.waarde).toBe('alice@example.nl');
      expect((await db.all('SELECT sleutel_id FROM contactgegevens'))[0]?.['sleutel_id']).toBe('test-2');
    });
  });
});
