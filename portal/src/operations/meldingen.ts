import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { Bron, Niveau } from './index.js';
import standaard from './PortaalMaakContactgegevenStandaard.graphql';
import meldingen from './PortaalMeldingen.graphql';
import opnieuw from './PortaalStuurVerificatiecodeOpnieuw.graphql';
import verifieer from './PortaalVerifieerContactgegeven.graphql';
import verwijder from './PortaalVerwijderContactgegeven.graphql';
import toevoegen from './PortaalVoegContactgegevenToe.graphql';
import wijzig from './PortaalWijzigVoorkeuren.graphql';
import type {
  Kanaal,
  Onderwerp,
  Taal,
  ContactSoort,
  MeldingStatus,
  MeldingReden,
} from '../../../schema/generated/graphql.js';
// Enumerations as the generated types of schema/api.graphql have them (npm run codegen).
export type {
  Kanaal,
  Onderwerp,
  Taal,
  ContactSoort,
  MeldingStatus,
  MeldingReden,
} from '../../../schema/generated/graphql.js';

/*
 * The types of the fields the "Meldingen en contactgegevens" page selects (PortaalMeldingen
 * and its mutations), written by hand against schema/api.graphql. Keep them in step.
 */

/** In the order the API gives them. */
export const KANALEN: readonly Kanaal[] = ['EMAIL', 'SMS', 'MIJN_OVERHEID'];
export const ONDERWERPEN: readonly Onderwerp[] = ['ZAAK_ONTVANGEN', 'ZAAK_STATUS', 'ZAAK_AFGEROND'];

/** Exactly one of `onderwerp` and `zaaktype` is set. */
export interface Uitzondering {
  readonly onderwerp: Onderwerp | null;
  readonly zaaktype: string | null;
  readonly aan: boolean;
}

export interface KanaalVoorkeur {
  readonly kanaal: Kanaal;
  readonly aan: boolean;
  /** Why a kanaal that is on cannot be used now, in plain Dutch. */
  readonly melding: string | null;
  readonly uitzonderingen: readonly Uitzondering[];
}

export interface Contactgegeven {
  readonly id: string;
  readonly soort: ContactSoort;
  readonly waarde: string;
  readonly standaard: boolean;
  readonly geverifieerd: boolean;
  /** ISO 8601. */
  readonly geverifieerdOp: string | null;
  readonly onbestelbaar: boolean;
  /** What the resident still has to do, or what is wrong, in plain Dutch. */
  readonly melding: string | null;
  readonly verificatie: {
    readonly verlopen: boolean;
    /** ISO 8601. */
    readonly verlooptOp: string;
    readonly pogingenOver: number;
  } | null;
}

export interface Melding {
  readonly id: string;
  readonly onderwerp: Onderwerp;
  readonly kanaal: Kanaal;
  readonly status: MeldingStatus;
  readonly redenCode: MeldingReden | null;
  readonly reden: string | null;
  /** ISO 8601. */
  readonly beslotenOp: string;
  /** ISO 8601. */
  readonly verstuurdOp: string | null;
  readonly zaakIdentificatie: string;
  /** The zaaktype's code (identificatie) in the catalogus. */
  readonly zaaktype: string | null;
}

export interface Voorkeuren {
  readonly bron: Bron;
  readonly taal: Taal;
  readonly kanalen: readonly KanaalVoorkeur[];
  readonly contactgegevens: readonly Contactgegeven[];
}

export interface PortaalMeldingenQuery {
  readonly me: {
    readonly authenticatie: { readonly middel: 'DIGID' | 'EHERKENNING'; readonly niveau: Niveau };
    readonly voorkeuren: Voorkeuren | null;
    readonly meldingen: readonly Melding[] | null;
  } | null;
}

export interface UitzonderingInput {
  readonly aan: boolean;
  readonly onderwerp?: Onderwerp;
  readonly zaaktype?: string;
}

export interface WijzigVoorkeurenVariables {
  readonly input: {
    readonly taal?: Taal;
    readonly kanalen?: readonly {
      readonly kanaal: Kanaal;
      readonly aan: boolean;
      /** Replaces the kanaal's exceptions; left out, they stay. */
      readonly uitzonderingen?: readonly UitzonderingInput[];
    }[];
  };
}

export interface WijzigVoorkeurenMutation {
  readonly wijzigVoorkeuren: { readonly zelfGekozen: boolean };
}

export interface VoegContactgegevenToeVariables {
  readonly input: { readonly soort: ContactSoort; readonly waarde: string };
}

export interface VoegContactgegevenToeMutation {
  readonly voegContactgegevenToe: { readonly contactgegeven: { readonly id: string; readonly waarde: string } | null };
}

export interface VerifieerContactgegevenVariables {
  readonly input: { readonly id: string; readonly code: string };
}

export interface VerifieerContactgegevenMutation {
  readonly verifieerContactgegeven: {
    readonly contactgegeven: { readonly id: string; readonly geverifieerd: boolean } | null;
  };
}

export interface ContactgegevenIdVariables {
  readonly id: string;
}

export interface StuurVerificatiecodeOpnieuwMutation {
  readonly stuurVerificatiecodeOpnieuw: {
    readonly contactgegeven: { readonly id: string; readonly waarde: string } | null;
  };
}

export interface MaakContactgegevenStandaardMutation {
  readonly maakContactgegevenStandaard: {
    readonly contactgegeven: { readonly id: string; readonly standaard: boolean } | null;
  };
}

export interface VerwijderContactgegevenMutation {
  readonly verwijderContactgegeven: { readonly voorkeuren: { readonly zelfGekozen: boolean } };
}

export const PortaalMeldingenDocument = meldingen as unknown as TypedDocumentNode<
  PortaalMeldingenQuery,
  Record<string, never>
>;
export const PortaalWijzigVoorkeurenDocument = wijzig as unknown as TypedDocumentNode<
  WijzigVoorkeurenMutation,
  WijzigVoorkeurenVariables
>;
export const PortaalVoegContactgegevenToeDocument = toevoegen as unknown as TypedDocumentNode<
  VoegContactgegevenToeMutation,
  VoegContactgegevenToeVariables
>;
export const PortaalVerifieerContactgegevenDocument = verifieer as unknown as TypedDocumentNode<
  VerifieerContactgegevenMutation,
  VerifieerContactgegevenVariables
>;
export const PortaalStuurVerificatiecodeOpnieuwDocument = opnieuw as unknown as TypedDocumentNode<
  StuurVerificatiecodeOpnieuwMutation,
  ContactgegevenIdVariables
>;
export const PortaalMaakContactgegevenStandaardDocument = standaard as unknown as TypedDocumentNode<
  MaakContactgegevenStandaardMutation,
  ContactgegevenIdVariables
>;
export const PortaalVerwijderContactgegevenDocument = verwijder as unknown as TypedDocumentNode<
  VerwijderContactgegevenMutation,
  ContactgegevenIdVariables
>;
