/** Assurance levels, lowest first (eIDAS / DigiD / eHerkenning normalised). */
export const NIVEAUS = ['BASIS', 'MIDDEN', 'SUBSTANTIEEL', 'HOOG'] as const;
export type Niveau = (typeof NIVEAUS)[number];

export type Middel = 'DIGID' | 'EHERKENNING';
export type GebruikerSoort = 'INWONER' | 'ONDERNEMER';

/** A resident, identified by BSN (DigiD). */
export interface InwonerIdentity {
  readonly soort: 'INWONER';
  readonly middel: 'DIGID';
  readonly niveau: Niveau;
  readonly bsn: string;
}

/** An entrepreneur, identified by KvK number, optionally restricted to one vestiging (eHerkenning). */
export interface OndernemerIdentity {
  readonly soort: 'ONDERNEMER';
  readonly middel: 'EHERKENNING';
  readonly niveau: Niveau;
  readonly kvk: string;
  readonly vestiging?: string;
  readonly rsin?: string;
}

/** The normalised identity of the logged-in person, the same whichever broker issued the token. */
export type Identity = InwonerIdentity | OndernemerIdentity;

/** True when `actual` is at least `required`. */
export function niveauAtLeast(actual: Niveau, required: Niveau): boolean {
  return NIVEAUS.indexOf(actual) >= NIVEAUS.indexOf(required);
}

/** The identifier this identity stands for, as `bsn:…` or `kvk:…[:vestiging]`. Never log it. */
export function identifierOf(identity: Identity): string {
  return identity.soort === 'INWONER'
    ? `bsn:${identity.bsn}`
    : `kvk:${identity.kvk}${identity.vestiging ? `:${identity.vestiging}` : ''}`;
}
