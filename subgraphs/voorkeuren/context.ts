import type { BaseContext } from '../../lib/graphql/index.js';
import type { Niveau } from '../../lib/identity/index.js';
import type { CodeVerzender } from './contactgegeven/code-verzender.js';
import type { MeldingenStore } from './melding/meldingen-store.js';
import type { VerificatieBeleid, VoorkeurenStore } from './store/store.js';

/** What verification of contact details needs. */
export interface ContactgegevensDeps {
  readonly verzender: CodeVerzender;
  readonly beleid: VerificatieBeleid;
  /** Makes a verification code (default: six random digits). */
  readonly generateCode?: () => string;
}

export interface VoorkeurenDeps {
  readonly store: VoorkeurenStore;
  /** The assurance level every change needs (`VOORKEUREN_WIJZIG_NIVEAU`, DigiD Midden by default). */
  readonly wijzigNiveau: Niveau;
  readonly contactgegevens: ContactgegevensDeps;
  /** Meldingen about zaken (`me.meldingen`); without it the list is empty. */
  readonly meldingen?: MeldingenStore;
}

export interface VoorkeurenContext extends BaseContext, VoorkeurenDeps {}

export function createVoorkeurenContext(deps: VoorkeurenDeps) {
  return (base: BaseContext): VoorkeurenContext => ({ ...base, ...deps });
}
