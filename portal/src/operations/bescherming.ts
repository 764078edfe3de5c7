import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { Bron, Niveau } from './index.js';
import bescherming from './PortaalBescherming.graphql';
import type { MachtigingSoort, VerwerkingBron } from '../../../schema/generated/graphql.js';
// Enumerations as the generated types of schema/api.graphql have them (npm run codegen).
export type { MachtigingSoort, VerwerkingBron } from '../../../schema/generated/graphql.js';

/*
 * The types of the fields the "Hoe beschermen wij uw gegevens" page selects
 * (PortaalBescherming.graphql), written by hand against schema/api.graphql. Keep them in step.
 */

export interface Verwerking {
  readonly verzoekId: string;
  /** ISO 8601. */
  readonly tijdstip: string;
  readonly bron: VerwerkingBron;
  /** In plain words, e.g. "Naam", "Adres". */
  readonly gegevens: readonly string[];
  readonly doel: string;
  /** Empty when the resident read it themselves. */
  readonly namens: MachtigingSoort | null;
}

export interface PortaalBeschermingQuery {
  readonly me: {
    readonly soort: 'INWONER' | 'ONDERNEMER';
    readonly authenticatie: {
      readonly middel: 'DIGID' | 'EHERKENNING';
      readonly niveau: Niveau;
      readonly namens: {
        readonly soort: MachtigingSoort;
        readonly dienst: string;
        readonly bronnen: readonly string[];
        readonly vertegenwoordiger: {
          readonly soort: 'INWONER' | 'ONDERNEMER';
          readonly kvkNummer: string | null;
        };
      } | null;
    };
    readonly verwerkingen: {
      readonly bron: Bron;
      readonly volgende: string | null;
      readonly items: readonly Verwerking[];
    } | null;
  } | null;
}

export interface PortaalBeschermingVariables {
  readonly na?: string;
}

export const PortaalBeschermingDocument = bescherming as unknown as TypedDocumentNode<
  PortaalBeschermingQuery,
  PortaalBeschermingVariables
>;
