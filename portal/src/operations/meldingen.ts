import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type {
  Kanaal,
  Onderwerp,
  PortaalMaakContactgegevenStandaardMutation,
  PortaalMaakContactgegevenStandaardMutationVariables,
  PortaalMeldingenQuery,
  PortaalMeldingenQueryVariables,
  PortaalStuurVerificatiecodeOpnieuwMutation,
  PortaalStuurVerificatiecodeOpnieuwMutationVariables,
  PortaalVerifieerContactgegevenMutation,
  PortaalVerifieerContactgegevenMutationVariables,
  PortaalVerwijderContactgegevenMutation,
  PortaalVerwijderContactgegevenMutationVariables,
  PortaalVoegContactgegevenToeMutation,
  PortaalVoegContactgegevenToeMutationVariables,
  PortaalWijzigVoorkeurenMutation,
  PortaalWijzigVoorkeurenMutationVariables,
} from '../../../schema/generated/graphql.js';
import type { Me } from './index.js';
import standaard from './PortaalMaakContactgegevenStandaard.graphql';
import meldingen from './PortaalMeldingen.graphql';
import opnieuw from './PortaalStuurVerificatiecodeOpnieuw.graphql';
import verifieer from './PortaalVerifieerContactgegeven.graphql';
import verwijder from './PortaalVerwijderContactgegeven.graphql';
import toevoegen from './PortaalVoegContactgegevenToe.graphql';
import wijzig from './PortaalWijzigVoorkeuren.graphql';

// The answers and inputs as `npm run codegen` types them from the .graphql files of the
// "Meldingen en contactgegevens" page and from schema/api.graphql.
export type {
  ContactSoort,
  Kanaal,
  MeldingReden,
  MeldingStatus,
  Onderwerp,
  PortaalMeldingenQuery,
  Taal,
  UitzonderingInput,
} from '../../../schema/generated/graphql.js';

/** In the order the API gives them. */
export const KANALEN: readonly Kanaal[] = ['EMAIL', 'SMS', 'MIJN_OVERHEID'];
export const ONDERWERPEN: readonly Onderwerp[] = ['ZAAK_ONTVANGEN', 'ZAAK_STATUS', 'ZAAK_AFGEROND'];

/** The resident's choices: language, channels per kind of melding and per zaaktype, contact details. */
export type Voorkeuren = NonNullable<Me<PortaalMeldingenQuery>['voorkeuren']>;
/** One channel, on or off, with its exceptions (exactly one of `onderwerp` and `zaaktype` set in each). */
export type KanaalVoorkeur = Voorkeuren['kanalen'][number];
/** An e-mail address or phone number, with where its verification stands. */
export type Contactgegeven = Voorkeuren['contactgegevens'][number];
/** A melding sent or not sent, with the reason in plain Dutch. */
export type Melding = NonNullable<Me<PortaalMeldingenQuery>['meldingen']>[number];

export const PortaalMeldingenDocument = meldingen as unknown as TypedDocumentNode<
  PortaalMeldingenQuery,
  PortaalMeldingenQueryVariables
>;
export const PortaalWijzigVoorkeurenDocument = wijzig as unknown as TypedDocumentNode<
  PortaalWijzigVoorkeurenMutation,
  PortaalWijzigVoorkeurenMutationVariables
>;
export const PortaalVoegContactgegevenToeDocument = toevoegen as unknown as TypedDocumentNode<
  PortaalVoegContactgegevenToeMutation,
  PortaalVoegContactgegevenToeMutationVariables
>;
export const PortaalVerifieerContactgegevenDocument = verifieer as unknown as TypedDocumentNode<
  PortaalVerifieerContactgegevenMutation,
  PortaalVerifieerContactgegevenMutationVariables
>;
export const PortaalStuurVerificatiecodeOpnieuwDocument = opnieuw as unknown as TypedDocumentNode<
  PortaalStuurVerificatiecodeOpnieuwMutation,
  PortaalStuurVerificatiecodeOpnieuwMutationVariables
>;
export const PortaalMaakContactgegevenStandaardDocument = standaard as unknown as TypedDocumentNode<
  PortaalMaakContactgegevenStandaardMutation,
  PortaalMaakContactgegevenStandaardMutationVariables
>;
export const PortaalVerwijderContactgegevenDocument = verwijder as unknown as TypedDocumentNode<
  PortaalVerwijderContactgegevenMutation,
  PortaalVerwijderContactgegevenMutationVariables
>;
