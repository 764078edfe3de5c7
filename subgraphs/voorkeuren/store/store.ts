/** The channels over which a resident can be told about their zaken. */
export const KANALEN = ['EMAIL', 'SMS', 'MIJN_OVERHEID'] as const;
export type KanaalNaam = (typeof KANALEN)[number];
export type TaalCode = 'nl' | 'en';

/** A resident's stored preferences, keyed by the pseudonymous `Gebruiker.id` (never the BSN). */
export interface StoredVoorkeuren {
  taal: TaalCode;
  alleenDigitaal: boolean;
  kanalen: Record<KanaalNaam, boolean>;
  gewijzigdOp: Date;
}

export interface VoorkeurenStore extends AsyncDisposable {
  get(gebruikerId: string): Promise<StoredVoorkeuren | null>;
  /** Inserts or replaces the preferences, atomically. */
  save(gebruikerId: string, voorkeuren: StoredVoorkeuren): Promise<void>;
}

/** What a resident has before choosing anything: MijnOverheid tells them, we do not add e-mail or SMS. */
export const STANDAARD_VOORKEUREN: Omit<StoredVoorkeuren, 'gewijzigdOp'> = {
  taal: 'nl',
  alleenDigitaal: false,
  kanalen: { EMAIL: false, SMS: false, MIJN_OVERHEID: true },
};
