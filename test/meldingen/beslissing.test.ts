import { describe, expect, it } from 'vitest';
import { beslis, onderwerpVan, type BeslisInput } from '../../subgraphs/voorkeuren/melding/beslissing.js';
import type { StoredUitzondering, VoorkeurenKeuze } from '../../subgraphs/voorkeuren/store/store.js';

const MAIL = { id: 'c-mail', waarde: 'suzanne@example.nl' };
const TEL = { id: 'c-tel', waarde: '+31612345678' };
const WIJZIGING = { zaaktype: 'PARKEERVERGUNNING', informeren: true, eersteStatus: false, eindstatus: false };

function keuze(
  kanalen: Partial<VoorkeurenKeuze['kanalen']>,
  uitzonderingen: StoredUitzondering[] = [],
): VoorkeurenKeuze {
  return {
    taal: 'nl',
    alleenDigitaal: false,
    kanalen: { EMAIL: false, SMS: false, MIJN_OVERHEID: true, ...kanalen },
    uitzonderingen,
  };
}
const zaaktype = (kanaal: 'EMAIL' | 'SMS', aan: boolean): StoredUitzondering => ({
  kanaal,
  zaaktype: 'PARKEERVERGUNNING',
  onderwerp: null,
  aan,
});
const onderwerp = (kanaal: 'EMAIL' | 'SMS', aan: boolean): StoredUitzondering => ({
  kanaal,
  zaaktype: null,
  onderwerp: 'ZAAK_STATUS',
  aan,
});

type Case = [string, Partial<BeslisInput>, string, string];
const send = 'send';

describe('beslis: per channel, send or suppress with a reason', () => {
  const cases: Case[] = [
    ['defaults: MijnOverheid only', { voorkeuren: null }, 'KANAAL_UIT', 'KANAAL_UIT'],
    ['e-mail on, verified', { voorkeuren: keuze({ EMAIL: true }) }, send, 'KANAAL_UIT'],
    ['both on, both verified', { voorkeuren: keuze({ EMAIL: true, SMS: true }) }, send, send],
    [
      'SMS on without a usable number',
      { voorkeuren: keuze({ SMS: true }), contact: { EMAIL: MAIL } },
      'KANAAL_UIT',
      'GEEN_BRUIKBAAR_CONTACT',
    ],
    [
      'status not informeren',
      { voorkeuren: keuze({ EMAIL: true }), wijziging: { ...WIJZIGING, informeren: false } },
      'STATUS_NIET_INFORMEREN',
      'STATUS_NIET_INFORMEREN',
    ],
    [
      'MijnOverheid announces it, channel on',
      { voorkeuren: keuze({ EMAIL: true, SMS: true }), mijnOverheidMeldt: true },
      'MIJN_OVERHEID_MELDT',
      'MIJN_OVERHEID_MELDT',
    ],
    [
      'MijnOverheid announces it, e-mail chosen for this zaaktype',
      { voorkeuren: keuze({}, [zaaktype('EMAIL', true)]), mijnOverheidMeldt: true },
      send,
      'KANAAL_UIT',
    ],
    [
      'MijnOverheid announces it, e-mail chosen for this onderwerp only',
      { voorkeuren: keuze({}, [onderwerp('EMAIL', true)]), mijnOverheidMeldt: true },
      'MIJN_OVERHEID_MELDT',
      'KANAAL_UIT',
    ],
    [
      'zaaktype exception wins over onderwerp exception',
      { voorkeuren: keuze({ EMAIL: true }, [onderwerp('EMAIL', true), zaaktype('EMAIL', false)]) },
      'KANAAL_UIT',
      'KANAAL_UIT',
    ],
    [
      'onderwerp exception wins over the channel',
      { voorkeuren: keuze({ EMAIL: false, SMS: true }, [onderwerp('EMAIL', true), onderwerp('SMS', false)]) },
      send,
      'KANAAL_UIT',
    ],
    [
      'an exception for another zaaktype does not apply',
      {
        voorkeuren: keuze({}, [{ kanaal: 'EMAIL', zaaktype: 'ANDER', onderwerp: null, aan: true }]),
      },
      'KANAAL_UIT',
      'KANAAL_UIT',
    ],
  ];

  it.each(cases)('%s', (_naam, input, email, sms) => {
    const uitkomst = beslis({
      wijziging: WIJZIGING,
      voorkeuren: null,
      contact: { EMAIL: MAIL, TELEFOON: TEL },
      mijnOverheidMeldt: false,
      ...input,
    });
    const samengevat = uitkomst.map((b) => (b.versturen ? send : b.reden));
    expect(samengevat).toEqual([email, sms]);
    for (const b of uitkomst) if (b.versturen) expect(b.contactId).toBe(b.kanaal === 'EMAIL' ? 'c-mail' : 'c-tel');
  });

  it('derives the onderwerp from the statustype', () => {
    expect(onderwerpVan({ ...WIJZIGING, eersteStatus: true })).toBe('ZAAK_ONTVANGEN');
    expect(onderwerpVan({ ...WIJZIGING, eersteStatus: true, eindstatus: true })).toBe('ZAAK_AFGEROND');
    expect(onderwerpVan(WIJZIGING)).toBe('ZAAK_STATUS');
  });
});
