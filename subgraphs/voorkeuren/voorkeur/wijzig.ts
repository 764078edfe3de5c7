import { appError } from '../../../lib/errors.js';
import { uitzonderingSleutel } from '../store/historie.js';
import type { KanaalNaam, StoredUitzondering, TaalCode, VoorkeurenKeuze } from '../store/store.js';
import type { WijzigVoorkeurenInput } from './voorkeuren.type.js';

/** Exceptions per channel; more is not a preference but a list of every zaaktype. */
export const MAX_UITZONDERINGEN_PER_KANAAL = 50;
/** A zaaktype's catalogus `identificatie`: letters, digits and a few separators (ZGW allows at most 50). */
const ZAAKTYPE = /^[\p{L}\p{N}][\p{L}\p{N} ._\-/:]{0,49}$/u;

/** A checked change: what to set, per field; absent means "keep". */
export interface VoorkeurenWijziging {
  readonly taal?: TaalCode;
  readonly alleenDigitaal?: boolean;
  readonly kanalen: ReadonlyArray<{
    readonly kanaal: KanaalNaam;
    readonly aan: boolean;
    readonly uitzonderingen?: readonly StoredUitzondering[];
  }>;
}

const ongeldig = (message: string) => appError('BAD_USER_INPUT', { message });

/** Checks the input; throws BAD_USER_INPUT with a B1 message naming what is wrong. */
export function controleerWijziging(input: WijzigVoorkeurenInput): VoorkeurenWijziging {
  const kanalen = input.kanalen ?? [];
  if (new Set(kanalen.map((k) => k.kanaal)).size !== kanalen.length) {
    throw ongeldig('U noemt een kanaal twee keer. Noem elk kanaal één keer.');
  }
  return {
    ...(input.taal != null ? { taal: input.taal } : {}),
    ...(input.alleenDigitaal != null ? { alleenDigitaal: input.alleenDigitaal } : {}),
    kanalen: kanalen.map((k) => {
      if (k.uitzonderingen == null) return { kanaal: k.kanaal, aan: k.aan };
      if (k.uitzonderingen.length > MAX_UITZONDERINGEN_PER_KANAAL) {
        throw ongeldig(`U kunt per kanaal hoogstens ${MAX_UITZONDERINGEN_PER_KANAAL} uitzonderingen maken.`);
      }
      const uitzonderingen = k.uitzonderingen.map((u): StoredUitzondering => {
        const zaaktype = u.zaaktype?.trim() || null;
        const onderwerp = u.onderwerp ?? null;
        if ((zaaktype === null) === (onderwerp === null)) {
          throw ongeldig('Kies bij een uitzondering een onderwerp óf een zaaktype.');
        }
        if (zaaktype !== null && !ZAAKTYPE.test(zaaktype)) {
          throw ongeldig('De code van het zaaktype klopt niet. Gebruik de code zoals de gemeente die noemt.');
        }
        return { kanaal: k.kanaal, onderwerp, zaaktype, aan: u.aan };
      });
      if (new Set(uitzonderingen.map(uitzonderingSleutel)).size !== uitzonderingen.length) {
        throw ongeldig('U noemt dezelfde uitzondering twee keer. Noem elke uitzondering één keer.');
      }
      return { kanaal: k.kanaal, aan: k.aan, uitzonderingen };
    }),
  };
}

/** The new choice: the current one with the change applied (pure; runs inside the store's transaction). */
export function pasToe(huidig: VoorkeurenKeuze, wijziging: VoorkeurenWijziging): VoorkeurenKeuze {
  const kanalen = { ...huidig.kanalen };
  let uitzonderingen = [...huidig.uitzonderingen];
  for (const k of wijziging.kanalen) {
    kanalen[k.kanaal] = k.aan;
    if (k.uitzonderingen) {
      uitzonderingen = [...uitzonderingen.filter((u) => u.kanaal !== k.kanaal), ...k.uitzonderingen];
    }
  }
  return {
    taal: wijziging.taal ?? huidig.taal,
    alleenDigitaal: wijziging.alleenDigitaal ?? huidig.alleenDigitaal,
    kanalen,
    uitzonderingen,
  };
}
