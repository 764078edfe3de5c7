import type { BaseContext } from '../../lib/graphql/index.js';
import type { Niveau } from '../../lib/identity/index.js';
import type { VoorkeurenStore } from './store/store.js';

export interface VoorkeurenDeps {
  readonly store: VoorkeurenStore;
  /** The assurance level a change needs (DigiD Midden by default). */
  readonly wijzigNiveau: Niveau;
}

export interface VoorkeurenContext extends BaseContext, VoorkeurenDeps {}

export function createVoorkeurenContext(deps: VoorkeurenDeps) {
  return (base: BaseContext): VoorkeurenContext => ({ ...base, ...deps });
}
