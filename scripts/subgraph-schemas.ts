import type { GraphQLSchema } from 'graphql';
import { buildBrpSchema } from '../subgraphs/brp/schema.js';
import { buildZakenSchema } from '../subgraphs/zaken/schema.js';
import { buildBerichtenSchema } from '../subgraphs/berichten/schema.js';
import { buildVoorkeurenSchema } from '../subgraphs/voorkeuren/schema.js';

/** Every subgraph, by the name the supergraph knows it under, with its schema builder and default port. */
export const SUBGRAPHS: ReadonlyArray<{ name: string; port: number; build: () => Promise<GraphQLSchema> }> = [
  { name: 'brp', port: 4001, build: buildBrpSchema },
  { name: 'zaken', port: 4002, build: buildZakenSchema },
  { name: 'berichten', port: 4003, build: buildBerichtenSchema },
  { name: 'voorkeuren', port: 4004, build: buildVoorkeurenSchema },
];
