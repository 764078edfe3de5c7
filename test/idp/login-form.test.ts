import { describe, expect, it } from 'vitest';
import { readLoginForm } from '../../simulators/idp/login-form.js';

const form = (fields: Record<string, string>) => readLoginForm(new URLSearchParams(fields));

describe('login form', () => {
  it('takes a picked test person over the typed BSN field', () => {
    expect(form({ middel: 'digid', persoon: '999993653', bsn: '999970008' })).toEqual({
      ok: true,
      choice: { middel: 'DIGID', niveau: 'SUBSTANTIEEL', bsn: '999993653' },
    });
  });

  it('takes the typed BSN when "anders" or nothing is picked, without spaces or dots', () => {
    expect(form({ middel: 'digid', persoon: 'anders', bsn: ' 9999.70.008 ', niveau: 'midden' })).toMatchObject({
      ok: true,
      choice: { bsn: '999970008', niveau: 'MIDDEN' },
    });
    expect(form({ middel: 'digid', bsn: '999970008' })).toMatchObject({ ok: true, choice: { bsn: '999970008' } });
  });

  it.each([
    ['', 'Kies een testpersoon of vul een BSN in.'],
    ['12345', 'Een BSN heeft 9 cijfers. Controleer het nummer.'],
    ['123456789', 'Dit BSN bestaat niet: het voldoet niet aan de elfproef. Controleer het nummer.'],
  ])('rejects BSN "%s" with a message in plain Dutch', (bsn, message) => {
    expect(form({ middel: 'digid', bsn })).toMatchObject({
      ok: false,
      middel: 'DIGID',
      errors: [{ field: 'bsn', message }],
    });
  });

  it('reads a picked company with its vestiging, and typed numbers', () => {
    expect(form({ middel: 'eherkenning', bedrijf: '68750110/000038509504', niveau: 'hoog' })).toEqual({
      ok: true,
      choice: { middel: 'EHERKENNING', niveau: 'HOOG', kvk: '68750110', vestiging: '000038509504' },
    });
    expect(form({ middel: 'eherkenning', kvk: '69599084', vestiging: '' })).toEqual({
      ok: true,
      choice: { middel: 'EHERKENNING', niveau: 'SUBSTANTIEEL', kvk: '69599084' },
    });
  });

  it('names every wrong field at once', () => {
    const result = form({ middel: 'eherkenning', kvk: '123', vestiging: '12', niveau: 'super' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((error) => error.field)).toEqual(['niveau', 'kvk', 'vestiging']);
  });

  it('asks for DigiD or eHerkenning when the means is missing', () => {
    expect(form({ bsn: '999993653' })).toMatchObject({ ok: false, middel: undefined, errors: [{ field: 'middel' }] });
  });
});
