import type { Identity } from './identity.js';

/**
 * `Gebruiker.authenticatie` as plain data: how the caller logged in and, under a machtiging, for
 * whom they act. Never a BSN: an acting resident is shown by kind only. Every subgraph answers it
 * from the internal token, and the gateway from the verified caller when a subgraph cannot.
 */
export function authenticatieOf(identity: Identity) {
  const { namens } = identity;
  return {
    __typename: 'Authenticatie' as const,
    middel: identity.middel,
    niveau: identity.niveau,
    namens: namens
      ? {
          __typename: 'Namens' as const,
          soort: namens.soort,
          dienst: namens.dienst,
          vertegenwoordiger: {
            __typename: 'Vertegenwoordiger' as const,
            soort: namens.vertegenwoordiger.soort,
            kvkNummer: namens.vertegenwoordiger.soort === 'ONDERNEMER' ? namens.vertegenwoordiger.kvk : null,
          },
          bronnen: [...namens.bronnen],
        }
      : null,
  };
}
