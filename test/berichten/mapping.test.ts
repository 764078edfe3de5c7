import { describe, expect, it } from 'vitest';
import { loadOverlapMap } from '../../lib/overlap/index.js';
import { mapBerichten } from '../../subgraphs/berichten/bericht/bericht.mapper.js';
import { zaakVanBericht } from '../../subgraphs/berichten/bericht/zaak-link.js';
import { mapLopendeZaken } from '../../subgraphs/berichten/lopende-zaak/lopende-zaak.mapper.js';
import type { MoBericht, MoLopendeZaak } from '../../subgraphs/berichten/upstream/mijnoverheid.js';

const overlap = loadOverlapMap(undefined);
const OIN = { gemeenteA: '00000001002564440000', uwv: '00000001818148007000', rdw: '00000001804770694000' };

function bericht(overrides: Partial<MoBericht>): MoBericht {
  return {
    id: 'b1',
    afzender: OIN.gemeenteA,
    onderwerp: 'Onderwerp',
    inhoud: '',
    ontvangen: new Date('2026-11-02T09:20:00Z'),
    gelezen: false,
    map: null,
    aantalBijlagen: 0,
    bijlagen: [],
    zaak: null,
    ...overrides,
  };
}

function lopendeZaak(overrides: Partial<MoLopendeZaak>): MoLopendeZaak {
  return {
    bronorganisatie: '818148007',
    identificatie: 'WW-2026-118842',
    organisatie: { naam: 'UWV', oin: OIN.uwv },
    omschrijving: 'Aanvraag WW-uitkering',
    startdatum: '2026-10-28',
    einddatum: null,
    statussen: [{ statustekst: 'Ontvangen', datum: new Date('2026-10-28T12:00:00Z') }],
    dossierUrl: 'https://www.uwv.example/mijnuwv/aanvragen/WW-2026-118842',
    ...overrides,
  };
}

const WW = lopendeZaak({});
const PARKEREN_IN_MO = lopendeZaak({
  bronorganisatie: '002564440',
  identificatie: 'ZAAK-2026-0000000101',
  organisatie: { naam: 'Gemeente A', oin: OIN.gemeenteA },
});

describe('linking a bericht to the zaak it is about', () => {
  it('uses the structured reference first', () => {
    const ref = { bronorganisatie: '002220647', identificatie: 'ZAAK-2026-0000000202' };
    expect(zaakVanBericht(bericht({ zaak: ref, onderwerp: 'Over ZAAK-2026-0000000101' }), [], overlap)).toEqual(ref);
  });

  it("finds the zaaknummer of one of the resident's lopende zaken of the same sender", () => {
    const uwv = bericht({
      afzender: OIN.uwv,
      onderwerp: 'Uw aanvraag',
      inhoud: 'Over WW-2026-118842: wij hebben meer nodig.',
    });
    expect(zaakVanBericht(uwv, [WW, PARKEREN_IN_MO], overlap)).toEqual({
      bronorganisatie: '818148007',
      identificatie: 'WW-2026-118842',
    });
    // The same number from another sender is not a link: the sender must own the zaak.
    expect(zaakVanBericht({ ...uwv, afzender: OIN.rdw }, [WW], overlap)).toBeNull();
    // Part of a longer number is not the number.
    expect(zaakVanBericht({ ...uwv, inhoud: 'Over WW-2026-1188421.' }, [WW], overlap)).toBeNull();
  });

  it("finds a zaaknummer in the gemeente's own format, for a sender of this gemeente", () => {
    const brief = bericht({ onderwerp: 'Besluit op ZAAK-2026-0000000102' });
    expect(zaakVanBericht(brief, [], overlap)).toEqual({
      bronorganisatie: '002564440',
      identificatie: 'ZAAK-2026-0000000102',
    });
    expect(zaakVanBericht({ ...brief, afzender: OIN.rdw }, [], overlap)).toBeNull();
  });

  it('links to nothing when the text names two zaken', () => {
    expect(
      zaakVanBericht(bericht({ onderwerp: 'ZAAK-2026-0000000101 en ZAAK-2026-0000000102' }), [], overlap),
    ).toBeNull();
  });
});

describe('the MijnOverheid section', () => {
  it('lists lopende zaken of other organisations once, and none of this gemeente', () => {
    const lijst = mapLopendeZaken([WW, PARKEREN_IN_MO, WW], overlap, 'https://mijn.overheid.nl/lopende-zaken/');
    expect([...lijst.keys()]).toEqual(['818148007/WW-2026-118842']);
    expect(lijst.get('818148007/WW-2026-118842')).toMatchObject({
      organisatie: 'UWV',
      afgerond: false,
      status: { statustekst: 'Ontvangen' },
      dossierUrl: WW.dossierUrl,
      portaal: { eigenaar: 'MIJN_OVERHEID', ookZichtbaarIn: [], url: 'https://mijn.overheid.nl/lopende-zaken/' },
    });
  });

  it('points a bericht to its zaak or lopende zaak, and explains it by its berichttype', () => {
    const getoond = mapLopendeZaken([WW, PARKEREN_IN_MO], overlap, 'https://mo.example/lopende-zaken/');
    const items = mapBerichten(
      [
        bericht({ id: 'a', onderwerp: 'Ontvangstbevestiging ZAAK-2026-0000000101' }),
        bericht({
          id: 'b',
          afzender: OIN.uwv,
          onderwerp: 'WW-2026-118842: uw gegevens',
          ontvangen: new Date('2026-11-05'),
        }),
        bericht({ id: 'c', afzender: OIN.rdw, onderwerp: 'Herinnering APK', ontvangen: new Date('2026-10-01') }),
        bericht({ id: 'a', onderwerp: 'Ontvangstbevestiging ZAAK-2026-0000000101' }),
      ],
      {
        overlap,
        afzenderNaam: (oin) => (oin === OIN.uwv ? 'UWV' : 'Iemand'),
        berichtUrl: (id) => `https://mo.example/bericht/${id}`,
        lopendeZaken: [WW, PARKEREN_IN_MO],
        getoond,
      },
    );
    expect(items.map((b) => b.id)).toEqual(['b', 'a', 'c']);
    const [uwv, gemeente, rdw] = items;
    expect(gemeente?.zaak).toEqual({ bronorganisatie: '002564440', identificatie: 'ZAAK-2026-0000000101' });
    expect(gemeente?.lopendeZaak).toBeNull();
    expect(gemeente?.portaal.uitleg).toBe(overlap.bericht({ afzenderOin: OIN.gemeenteA, overZaak: true }).uitleg);
    expect(uwv?.zaak).toBeNull();
    expect(uwv?.lopendeZaak).toBe(getoond.get('818148007/WW-2026-118842'));
    expect(uwv?.portaal.uitleg).toMatch(/zaak van een andere organisatie/);
    expect(rdw?.zaak ?? rdw?.lopendeZaak ?? null).toBeNull();
    expect(rdw?.portaal).toEqual({
      eigenaar: 'MIJN_OVERHEID',
      ookZichtbaarIn: [],
      url: 'https://mo.example/bericht/c',
      uitleg: overlap.bericht().uitleg,
    });
  });
});
