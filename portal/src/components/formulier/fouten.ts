import type { CombinedError } from 'urql';
import type { Niveau } from '../../operations/index.js';

/** The message for one field, shown next to it and, as a link to it, in the error summary. */
export interface VeldFout {
  /** The id of the field (of the first choice, for a group of choices). */
  readonly veld: string;
  readonly melding: string;
}

/** What went wrong with one submit. */
export interface Fouten {
  readonly velden: readonly VeldFout[];
  /** Not about one field, e.g. the source did not answer. */
  readonly algemeen?: string;
  /** The change needs a higher level of login than the resident has now (NIVEAU_TE_LAAG). */
  readonly niveau?: Niveau;
}

/** How a change ended, as the page needs to know it. */
export type Uitkomst<T> =
  | { readonly soort: 'gelukt'; readonly data: T }
  | { readonly soort: 'fouten'; readonly fouten: Fouten }
  /** The session ended: the page asks its operation again and shows the login. */
  | { readonly soort: 'uitgelogd' };

const NIVEAUS: readonly string[] = ['BASIS', 'MIDDEN', 'SUBSTANTIEEL', 'HOOG'];
const NIET_GELUKT = 'Het opslaan is niet gelukt. Probeer het later opnieuw.';

/** The message for `veld`, if the last submit gave one. */
export function veldFout(fouten: Fouten | null, veld: string): string | undefined {
  return fouten?.velden.find((fout) => fout.veld === veld)?.melding;
}

/**
 * A mutation's answer as an {@link Uitkomst}. The API's coded errors carry a plain Dutch message;
 * `veldVoor` says which field an error code is about (the message then shows next to that field),
 * all others show in the summary. Without a coded error (no connection) a message of our own.
 */
export function uitkomstVan<T>(
  data: T | undefined,
  error: CombinedError | undefined,
  veldVoor: (code: string) => string | undefined,
): Uitkomst<T> {
  const graphQLErrors = error?.graphQLErrors ?? [];
  if (graphQLErrors.some((fout) => fout.extensions['code'] === 'UNAUTHENTICATED')) return { soort: 'uitgelogd' };
  const teLaag = graphQLErrors.find((fout) => fout.extensions['code'] === 'NIVEAU_TE_LAAG');
  if (teLaag) {
    const vereist = teLaag.extensions['vereistNiveau'];
    return {
      soort: 'fouten',
      fouten: {
        velden: [],
        niveau: typeof vereist === 'string' && NIVEAUS.includes(vereist) ? (vereist as Niveau) : 'MIDDEN',
      },
    };
  }
  if (!error && data !== undefined && data !== null) return { soort: 'gelukt', data };
  const velden: VeldFout[] = [];
  let algemeen: string | undefined;
  for (const fout of graphQLErrors) {
    const code = fout.extensions['code'];
    const veld = typeof code === 'string' ? veldVoor(code) : undefined;
    if (veld) velden.push({ veld, melding: fout.message });
    else algemeen ??= fout.message;
  }
  if (velden.length === 0 && !algemeen) algemeen = NIET_GELUKT;
  return { soort: 'fouten', fouten: { velden, ...(algemeen ? { algemeen } : {}) } };
}
