import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { PortaalBerichtenQuery, PortaalBerichtenQueryVariables } from '../../../schema/generated/graphql.js';
import type { Me } from './index.js';
import berichten from './PortaalBerichten.graphql';

// The answer as `npm run codegen` types it from PortaalBerichten.graphql.
export type { PortaalBerichtenQuery } from '../../../schema/generated/graphql.js';

/** One bericht of the Berichtenbox, with the zaak or lopende zaak it belongs to. */
export type Bericht = NonNullable<Me<PortaalBerichtenQuery>['berichten']>['items'][number];

export const PortaalBerichtenDocument = berichten as unknown as TypedDocumentNode<
  PortaalBerichtenQuery,
  PortaalBerichtenQueryVariables
>;
