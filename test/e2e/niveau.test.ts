import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES } from '../../lib/errors.js';
import { MijnOverzichtDocument } from '../../schema/generated/graphql.js';
import { stackForTests } from '../helpers/stack.js';

/**
 * Each section needs its subgraph's assurance level (LEES_NIVEAU, DigiD Midden by default). A
 * resident logged in with a password alone (DigiD Basis) still learns who is logged in and at
 * which level and their own preferences, and each other section says NIVEAU_TE_LAAG with the level it needs, so a portal can ask
 * for a step-up login; nothing of the BRP, the zaaksystemen or MijnOverheid is asked for.
 */
describe('assurance levels per section', () => {
  const basis = stackForTests({}, { bsn: '999993653', niveau: 'basis' });

  it('DigiD Basis: who is logged in answers, every section says NIVEAU_TE_LAAG with the level it needs', async () => {
    for (const simulator of [
      basis.stack.simulators.brp,
      basis.stack.simulators.zgwA,
      basis.stack.simulators.mijnOverheid,
    ])
      simulator.journal.clear();
    const { status, body } = await basis.stack.query(MijnOverzichtDocument, { token: basis.token });
    expect(status).toBe(200);
    expect(body.data?.me).toMatchObject({
      id: expect.any(String),
      authenticatie: { middel: 'DIGID', niveau: 'BASIS' },
      persoonsgegevens: null,
      zaken: null,
      berichten: null,
      // Reading one's own choices needs only a login; changing them needs Midden.
      voorkeuren: { bron: expect.anything() },
    });
    const refused = (body.errors ?? []).filter((e) => e.extensions?.['code'] === 'NIVEAU_TE_LAAG');
    expect(refused.map((e) => e.path?.join('.')).sort()).toEqual(['me.berichten', 'me.persoonsgegevens', 'me.zaken']);
    for (const error of refused) {
      expect(error).toMatchObject({ message: ERROR_MESSAGES.NIVEAU_TE_LAAG, extensions: { vereistNiveau: 'MIDDEN' } });
    }
    expect(basis.stack.simulators.brp.journal.entries()).toEqual([]);
    expect(basis.stack.simulators.zgwA.journal.entries()).toEqual([]);
    expect(basis.stack.simulators.mijnOverheid.journal.entries()).toEqual([]);
  });

  it('DigiD Midden reads every section', async () => {
    const midden = await basis.stack.login({ bsn: '999993653', niveau: 'midden' });
    const { body } = await basis.stack.query(MijnOverzichtDocument, { token: midden });
    expect((body.errors ?? []).filter((e) => e.extensions?.['code'] === 'NIVEAU_TE_LAAG')).toEqual([]);
    expect(body.data?.me?.persoonsgegevens).not.toBeNull();
    expect(body.data?.me?.zaken).not.toBeNull();
  });
});
