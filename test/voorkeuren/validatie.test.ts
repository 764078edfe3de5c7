import { describe, expect, it } from 'vitest';
import {
  normaliseerCode,
  normaliseerEmail,
  normaliseerMobielNummer,
} from '../../subgraphs/voorkeuren/contactgegeven/validatie.js';

describe('e-mail addresses', () => {
  it.each([
    ['suzanne.moulin@example.nl', 'suzanne.moulin@example.nl'],
    ['  Suzanne+mijn@Example.NL ', 'Suzanne+mijn@example.nl'],
    ["o'brien@sub.domein.gemeente.nl", "o'brien@sub.domein.gemeente.nl"],
    ['a@xn--mnchen-3ya.de', 'a@xn--mnchen-3ya.de'],
  ])('accepts %s as %s', (invoer, waarde) => {
    expect(normaliseerEmail(invoer)).toEqual({ ok: true, waarde });
  });

  it.each([
    '',
    'suzanne',
    'suzanne@',
    '@example.nl',
    'suzanne@example',
    'suz anne@example.nl',
    'a..b@example.nl',
    'a@-example.nl',
    'a@example.n',
    `${'a'.repeat(65)}@example.nl`,
    'a@b@example.nl',
    'a@[127.0.0.1]',
  ])('refuses %j with a B1 message', (invoer) => {
    const uitkomst = normaliseerEmail(invoer);
    expect(uitkomst.ok).toBe(false);
    if (!uitkomst.ok) expect(uitkomst.melding).toMatch(/e-mailadres/);
  });
});

describe('mobile numbers, to E.164', () => {
  it.each([
    ['0612345678', '+31612345678'],
    ['06-12345678', '+31612345678'],
    ['06 1234 5678', '+31612345678'],
    ['+31 6 12345678', '+31612345678'],
    ['+31 (0)6 12 34 56 78', '+31612345678'],
    ['0031612345678', '+31612345678'],
    ['+32 470 12 34 56', '+32470123456'],
    ['0049 1512 3456789', '+4915123456789'],
    ['+44 7822 222222', '+447822222222'],
  ])('accepts %s as %s', (invoer, waarde) => {
    expect(normaliseerMobielNummer(invoer)).toEqual({ ok: true, waarde });
  });

  it.each([
    ['0201234567', /geen mobiel nummer/],
    ['+31 20 123 4567', /geen mobiel nummer/],
    ['061234567', /geen geldig mobiel nummer/],
    ['612345678', /geen geldig mobiel nummer/],
    ['+0612345678', /geen geldig mobiel nummer/],
    ['+1234567', /geen geldig mobiel nummer/],
    ['+1234567890123456', /geen geldig mobiel nummer/],
    ['bel me', /geen geldig mobiel nummer/],
    ['', /Vul een mobiel nummer in/],
  ])('refuses %j', (invoer, melding) => {
    const uitkomst = normaliseerMobielNummer(invoer);
    expect(uitkomst.ok).toBe(false);
    if (!uitkomst.ok) expect(uitkomst.melding).toMatch(melding);
  });
});

describe('verification codes as typed', () => {
  it('ignores spaces and wants six digits', () => {
    expect(normaliseerCode(' 482 913 ')).toBe('482913');
    expect(normaliseerCode('48291')).toBeUndefined();
    expect(normaliseerCode('48291a')).toBeUndefined();
  });
});
