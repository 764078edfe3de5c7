/**
 * The overlap map between the gemeente's Mijn-Omgeving and MijnOverheid (docs/architecture.md §2.5, §5):
 * one declarative file, `schema/overlap.yaml` by default, read through this one module by every
 * subgraph, exposed by `Query.overlap` and rendered into `docs/overlap.md` by `npm run overlap`.
 */
export type {
  Berichttype,
  Organisatie,
  OverlapKaartDefinitie,
  OverlapRegel,
  PortaalNaamValue,
  ZaaktypeGroep,
} from './schema.js';
export { overlapKaartSchema } from './schema.js';
export {
  createOverlapMap,
  type BerichtKenmerken,
  type OverlapCategorie,
  type OverlapMap,
  type OverlapRegelInfo,
} from './map.js';
export { defaultOverlapFile, loadOverlapMap, OverlapMapError, parseOverlapDefinition } from './load.js';
export { renderMeldingenMermaid, renderOverlapMarkdown, renderOverlapMermaid } from './document.js';
