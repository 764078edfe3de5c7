import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { NOTIFY_TEMPLATES } from '../../simulators/notifynl/index.js';
import { meOf, startStack, type GraphQLResponse, type Stack } from '../helpers/stack.js';

/**
 * A resident sets and verifies contact details and chooses channels through the gateway; codes
 * go out through the NotifyNL simulator, whose delivery receipts come back to the voorkeuren
 * subgraph. The subgraphs' clock is ours, so a code can expire without waiting.
 */
describe('voorkeuren and contact details through the gateway', () => {
  let stack: Stack;
  let clock = Date.now();
  beforeAll(async () => {
    stack = await startStack({ now: () => new Date(clock) });
  });
  afterAll(async () => {
    await stack?.[Symbol.asyncDispose]();
  });

  const CONTACT = `id soort waarde standaard geverifieerd onbestelbaar melding verificatie { verlopen pogingenOver }`;
  const TOEVOEGEN = `mutation($soort: ContactSoort!, $waarde: String!) {
    voegContactgegevenToe(input: { soort: $soort, waarde: $waarde }) { contactgegeven { ${CONTACT} } } }`;
  const VERIFIEREN = `mutation($id: ID!, $code: String!) {
    verifieerContactgegeven(input: { id: $id, code: $code }) { contactgegeven { ${CONTACT} } } }`;
  const OPNIEUW = `mutation($id: ID!) { stuurVerificatiecodeOpnieuw(id: $id) { contactgegeven { ${CONTACT} } } }`;
  const VOORKEUREN = `{ me { voorkeuren { taal kanalen { kanaal aan melding uitzonderingen { onderwerp zaaktype aan } }
    contactgegevens { ${CONTACT} } historie(aantal: 5) { doorGemeente wijzigingen } } } }`;

  interface Contact {
    id: string;
    soort: string;
    waarde: string;
    standaard: boolean;
    geverifieerd: boolean;
    onbestelbaar: boolean;
    melding: string | null;
    verificatie: { verlopen: boolean; pogingenOver: number } | null;
  }
  interface Voorkeuren {
    taal: string;
    kanalen: { kanaal: string; aan: boolean; melding: string | null; uitzonderingen: unknown[] }[];
    contactgegevens: Contact[];
    historie: { doorGemeente: boolean; wijzigingen: string[] }[];
  }

  const login = (bsn: string, niveau: 'basis' | 'midden' = 'midden') => stack.login({ bsn, niveau });
  const contactUit = (response: GraphQLResponse, veld: string): Contact => {
    const data = response.body.data?.[veld] as { contactgegeven: Contact } | undefined;
    if (!data) throw new Error(`no ${veld}: ${JSON.stringify(response.body.errors)}`);
    return data.contactgegeven;
  };
  const fout = (response: GraphQLResponse) => ({
    code: response.body.errors?.[0]?.extensions?.['code'],
    message: response.body.errors?.[0]?.message,
  });
  /** The last code NotifyNL delivered to `aan`, as the resident reads it in their inbox. */
  const codeVoor = (aan: string) => {
    const bericht = stack.simulators.notifyNl
      .sent()
      .filter((n) => n.recipient === aan)
      .at(-1);
    if (!bericht) throw new Error(`no message to ${aan}`);
    return bericht.personalisation['code'] ?? '';
  };
  const voorkeuren = async (token: string) =>
    meOf(await stack.query<{ me: { voorkeuren: Voorkeuren } | null }>(VOORKEUREN, { token })).voorkeuren;

  it('adds an e-mail address, sends a code through NotifyNL, and the right code verifies it', async () => {
    const token = await login('999993653');
    const toegevoegd = contactUit(
      await stack.query(TOEVOEGEN, { token, variables: { soort: 'EMAIL', waarde: ' Suzanne.Moulin@Example.NL ' } }),
      'voegContactgegevenToe',
    );
    expect(toegevoegd).toMatchObject({
      waarde: 'Suzanne.Moulin@example.nl',
      geverifieerd: false,
      standaard: false,
      verificatie: { verlopen: false, pogingenOver: 5 },
      melding: 'Vul de code in die we u stuurden. Daarna kunnen we dit adres gebruiken.',
    });
    const [bericht] = stack.simulators.notifyNl.sent().filter((n) => n.recipient === 'Suzanne.Moulin@example.nl');
    expect(bericht?.template.id).toBe(NOTIFY_TEMPLATES['verificatiecode-email'].id);
    expect(bericht?.body).toMatch(/^Uw verificatiecode is \d{6}\./);
    expect(bericht?.reference).toMatch(/^[0-9a-f-]{36}$/);

    const geverifieerd = contactUit(
      await stack.query(VERIFIEREN, { token, variables: { id: toegevoegd.id, code: codeVoor(toegevoegd.waarde) } }),
      'verifieerContactgegeven',
    );
    expect(geverifieerd).toMatchObject({ geverifieerd: true, standaard: true, melding: null, verificatie: null });

    const zet = await stack.query(
      'mutation { wijzigVoorkeuren(input: { kanalen: [{ kanaal: EMAIL, aan: true }] }) { kanalen { kanaal melding } } }',
      { token },
    );
    expect(zet.body.errors).toBeUndefined();
    const v = await voorkeuren(token);
    expect(v.kanalen.find((k) => k.kanaal === 'EMAIL')).toMatchObject({ aan: true, melding: null });
    expect(v.historie[0]?.wijzigingen).toEqual(['Meldingen via e-mail: aan.']);
    expect(v.historie[1]?.wijzigingen).toEqual(['E-mailadres bevestigd.']);
  });

  it('a wrong code says how many tries are left; too many wrong codes need a new code', async () => {
    const token = await login('999970008');
    const contact = contactUit(
      await stack.query(TOEVOEGEN, { token, variables: { soort: 'TELEFOON', waarde: '06-12345678' } }),
      'voegContactgegevenToe',
    );
    expect(contact.waarde).toBe('+31612345678');
    const goed = codeVoor('+31612345678');
    const fout1 = goed === '000000' ? '000001' : '000000';
    const eerste = await stack.query(VERIFIEREN, { token, variables: { id: contact.id, code: fout1 } });
    expect(fout(eerste)).toEqual({
      code: 'VERIFICATIECODE_ONJUIST',
      message: 'De code klopt niet. U kunt het nog 4 keer proberen.',
    });
    for (let i = 0; i < 3; i++) await stack.query(VERIFIEREN, { token, variables: { id: contact.id, code: fout1 } });
    const laatste = await stack.query(VERIFIEREN, { token, variables: { id: contact.id, code: fout1 } });
    expect(fout(laatste).code).toBe('VERIFICATIE_TE_VEEL_POGINGEN');
    const teLaat = await stack.query(VERIFIEREN, { token, variables: { id: contact.id, code: goed } });
    expect(fout(teLaat)).toEqual({
      code: 'VERIFICATIE_TE_VEEL_POGINGEN',
      message: 'U hebt te vaak een verkeerde code ingevuld. Vraag een nieuwe code aan.',
    });
    // A new code works again.
    contactUit(await stack.query(OPNIEUW, { token, variables: { id: contact.id } }), 'stuurVerificatiecodeOpnieuw');
    const nu = await stack.query(VERIFIEREN, { token, variables: { id: contact.id, code: codeVoor('+31612345678') } });
    expect(contactUit(nu, 'verifieerContactgegeven').geverifieerd).toBe(true);
    expect(fout(await stack.query(VERIFIEREN, { token, variables: { id: contact.id, code: '12345' } }))).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'De code bestaat uit 6 cijfers.',
    });
  });

  it('a code expires, and the resident is told to ask for a new one', async () => {
    const token = await login('999971116');
    const contact = contactUit(
      await stack.query(TOEVOEGEN, { token, variables: { soort: 'EMAIL', waarde: 'carolien@example.nl' } }),
      'voegContactgegevenToe',
    );
    clock += 16 * 60_000;
    try {
      const verlopen = await stack.query(VERIFIEREN, {
        token,
        variables: { id: contact.id, code: codeVoor('carolien@example.nl') },
      });
      expect(fout(verlopen)).toEqual({
        code: 'VERIFICATIECODE_VERLOPEN',
        message: 'De code is niet meer geldig. Vraag een nieuwe code aan.',
      });
      const [zichtbaar] = (await voorkeuren(token)).contactgegevens;
      expect(zichtbaar).toMatchObject({
        verificatie: { verlopen: true },
        melding: 'Dit adres is nog niet bevestigd. Vraag een nieuwe code aan.',
      });
    } finally {
      clock -= 16 * 60_000;
    }
  });

  it('limits how often a code is sent, and a code NotifyNL did not take does not count', async () => {
    const token = await login('999990123');
    stack.simulators.notifyNl.setFaults({ failNext: 1, status: 503 });
    const mislukt = await stack.query(TOEVOEGEN, { token, variables: { soort: 'EMAIL', waarde: 'maxima@example.nl' } });
    expect(fout(mislukt)).toEqual({
      code: 'VERIFICATIECODE_NIET_VERSTUURD',
      message: 'We konden de code nu niet versturen. Probeer het over een paar minuten opnieuw.',
    });
    const [contact] = (await voorkeuren(token)).contactgegevens;
    if (!contact) throw new Error('the detail was not kept');
    for (let i = 0; i < 5; i++) {
      expect(fout(await stack.query(OPNIEUW, { token, variables: { id: contact.id } })).code).toBeUndefined();
    }
    const teVaak = await stack.query(OPNIEUW, { token, variables: { id: contact.id } });
    expect(fout(teVaak)).toEqual({
      code: 'VERIFICATIE_TE_VAAK_VERSTUURD',
      message: 'We hebben u de afgelopen 24 uur al 5 keer een code gestuurd. Probeer het later opnieuw.',
    });
    expect(stack.simulators.notifyNl.sent().filter((n) => n.recipient === 'maxima@example.nl')).toHaveLength(5);
  });

  it('an address that bounces is marked and the resident is told, in the detail, the channel and the history', async () => {
    const token = await login('999971104');
    await stack.query('mutation { wijzigVoorkeuren(input: { kanalen: [{ kanaal: EMAIL, aan: true }] }) { taal } }', {
      token,
    });
    const contact = contactUit(
      await stack.query(TOEVOEGEN, { token, variables: { soort: 'EMAIL', waarde: 'perm-fail@simulator.notify' } }),
      'voegContactgegevenToe',
    );
    await vi.waitFor(async () => {
      expect((await voorkeuren(token)).contactgegevens[0]?.onbestelbaar).toBe(true);
    });
    const v = await voorkeuren(token);
    expect(v.contactgegevens[0]).toMatchObject({
      id: contact.id,
      onbestelbaar: true,
      melding:
        'Onze e-mail aan dit adres kwam niet aan. Controleer of het adres klopt. Klopt het niet? Verwijder het en voeg het goede adres toe.',
    });
    expect(v.historie[0]).toEqual({
      doorGemeente: true,
      wijzigingen: ['Onze e-mail kwam niet aan. Het e-mailadres werkt niet.'],
    });
    expect(v.kanalen.find((k) => k.kanaal === 'EMAIL')?.melding).toBe(
      'Bevestig eerst uw e-mailadres met de code die we u stuurden. Tot dan sturen we geen e-mail.',
    );
  });

  it('sends the code in the resident’s language, and keeps exceptions per onderwerp and zaaktype per channel', async () => {
    const token = await login('999970872');
    const wijzig = await stack.query<{ wijzigVoorkeuren: Voorkeuren }>(
      `mutation { wijzigVoorkeuren(input: { taal: EN, kanalen: [
         { kanaal: SMS, aan: true, uitzonderingen: [{ zaaktype: "ZT-PARKEREN", aan: false }, { onderwerp: ZAAK_AFGEROND, aan: true }] },
         { kanaal: MIJN_OVERHEID, aan: false }
       ] }) { taal kanalen { kanaal aan melding uitzonderingen { onderwerp zaaktype aan } } } }`,
      { token },
    );
    expect(wijzig.body.errors).toBeUndefined();
    expect(wijzig.body.data?.wijzigVoorkeuren).toEqual({
      taal: 'EN',
      kanalen: [
        { kanaal: 'EMAIL', aan: false, melding: null, uitzonderingen: [] },
        {
          kanaal: 'SMS',
          aan: true,
          melding: 'U hebt nog geen mobiel nummer opgegeven. Voeg er een toe om sms te krijgen.',
          uitzonderingen: [
            { onderwerp: null, zaaktype: 'ZT-PARKEREN', aan: false },
            { onderwerp: 'ZAAK_AFGEROND', zaaktype: null, aan: true },
          ],
        },
        { kanaal: 'MIJN_OVERHEID', aan: false, melding: null, uitzonderingen: [] },
      ],
    });
    await stack.query(TOEVOEGEN, { token, variables: { soort: 'TELEFOON', waarde: '+32 470 12 34 56' } });
    expect(stack.simulators.notifyNl.sent().at(-1)).toMatchObject({
      recipient: '+32470123456',
      template: { id: NOTIFY_TEMPLATES['verificatiecode-sms-en'].id },
    });
    const historie = (await voorkeuren(token)).historie.flatMap((h) => h.wijzigingen);
    expect(historie).toEqual(
      expect.arrayContaining([
        'Taal van meldingen: Engels.',
        'Voor zaaktype ZT-PARKEREN: meldingen via sms uit.',
        'Voor "Zaak afgerond": meldingen via sms aan.',
        'Meldingen via MijnOverheid: uit.',
      ]),
    );
  });

  it('refuses invalid input with a B1 message, and every change below the configured level', async () => {
    const token = await login('999970264');
    const ongeldig = async (soort: string, waarde: string) =>
      fout(await stack.query(TOEVOEGEN, { token, variables: { soort, waarde } }));
    expect(await ongeldig('EMAIL', 'suzanne@')).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'Dit is geen geldig e-mailadres. Een e-mailadres ziet er zo uit: naam@voorbeeld.nl.',
    });
    expect((await ongeldig('TELEFOON', '020-1234567')).message).toMatch(/^Dit is geen mobiel nummer\./);
    const beide = await stack.query(
      'mutation { wijzigVoorkeuren(input: { kanalen: [{ kanaal: EMAIL, aan: true, uitzonderingen: [{ onderwerp: ZAAK_STATUS, zaaktype: "X", aan: false }] }] }) { taal } }',
      { token },
    );
    expect(fout(beide)).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'Kies bij een uitzondering een onderwerp óf een zaaktype.',
    });

    const basis = await login('999970264', 'basis');
    for (const [query, variables] of [
      [TOEVOEGEN, { soort: 'EMAIL', waarde: 'thurayya@example.nl' }],
      [VERIFIEREN, { id: 'x', code: '123456' }],
      [OPNIEUW, { id: 'x' }],
      ['mutation { maakContactgegevenStandaard(id: "x") { voorkeuren { taal } } }', {}],
      ['mutation { verwijderContactgegeven(id: "x") { voorkeuren { taal } } }', {}],
    ] as const) {
      const response = await stack.query(query, { token: basis, variables });
      expect(response.body.errors?.[0]?.extensions).toEqual({ code: 'NIVEAU_TE_LAAG', vereistNiveau: 'MIDDEN' });
    }
    // Reading needs no more than a login.
    expect((await voorkeuren(basis)).contactgegevens).toEqual([]);
  });

  it('deletes a detail; another resident cannot touch it', async () => {
    const token = await login('999990160');
    const contact = contactUit(
      await stack.query(TOEVOEGEN, { token, variables: { soort: 'EMAIL', waarde: 'hendrik@example.nl' } }),
      'voegContactgegevenToe',
    );
    const ander = await login('999993653');
    const poging = await stack.query(
      `mutation($id: ID!) { verwijderContactgegeven(id: $id) { voorkeuren { taal } } }`,
      {
        token: ander,
        variables: { id: contact.id },
      },
    );
    expect(fout(poging).code).toBe('NIET_GEVONDEN');
    const weg = await stack.query<{ verwijderContactgegeven: { contactgegeven: null; voorkeuren: Voorkeuren } }>(
      `mutation($id: ID!) { verwijderContactgegeven(id: $id) {
         contactgegeven { id } voorkeuren { contactgegevens { id } historie(aantal: 1) { wijzigingen } } } }`,
      { token, variables: { id: contact.id } },
    );
    expect(weg.body.data?.verwijderContactgegeven).toEqual({
      contactgegeven: null,
      voorkeuren: { contactgegevens: [], historie: [{ wijzigingen: ['E-mailadres verwijderd.'] }] },
    });
  });
});
