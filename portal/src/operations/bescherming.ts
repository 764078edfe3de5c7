import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { PortaalBeschermingQuery, PortaalBeschermingQueryVariables } from '../../../schema/generated/graphql.js';
import type { Me } from './index.js';
import bescherming from './PortaalBescherming.graphql';

// The answer as `npm run codegen` types it from PortaalBescherming.graphql, and its enumerations.
export type { MachtigingSoort, PortaalBeschermingQuery, VerwerkingBron } from '../../../schema/generated/graphql.js';

/** One read of the resident's data: when, from which source, what, why, and for whom (`namens`). */
export type Verwerking = NonNullable<Me<PortaalBeschermingQuery>['verwerkingen']>['items'][number];

export const PortaalBeschermingDocument = bescherming as unknown as TypedDocumentNode<
  PortaalBeschermingQuery,
  PortaalBeschermingQueryVariables
>;
