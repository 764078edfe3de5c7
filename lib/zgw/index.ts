/**
 * The ZGW client shared by the zaken subgraph and the notifications work: Zaken API 1.5.1,
 * Catalogi API 1.3.1 and Documenten API 1.4.2, with the portal's visibility rules.
 */
export { systeemActor, zgwHeaders, zgwToken, type ZgwActor, type ZgwCredentials } from './auth.js';
export { createCachedCatalogus, type Catalogus } from './catalogus.js';
export {
  createZgwClient,
  NotApplicableError,
  type NotApplicableReason,
  type ZaakExpansion,
  type ZaakZoekOpties,
  type ZaakZoekResultaat,
  type ZgwClient,
  type ZgwClientOptions,
  type ZgwSource,
  type ZgwStatusWijziging,
} from './client.js';
export {
  createDocumentenClient,
  type DocumentenClient,
  type DocumentenSource,
  type DocumentInhoud,
} from './documenten.js';
export { collectPages } from './pages.js';
export * from './types.js';
export { DEFAULT_VISIBILITY, isDocumentVisible, isZaakVisible, type VisibilityRules } from './visibility.js';
export { zgwBronnenEnv, zgwBronSchema } from './bron.js';
