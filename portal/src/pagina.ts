import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { GraphQLError } from 'graphql';
import { useQuery, type AnyVariables } from 'urql';
import type { Niveau } from './operations/index.js';

/** How the resident is logged in now: DigiD or eHerkenning, at which level. */
export interface Authenticatie {
  readonly middel: 'DIGID' | 'EHERKENNING';
  readonly niveau: Niveau;
}

/** What a page shows, decided from its one operation's answer; once `klaar`, `me` is there. */
export type Pagina<T extends { me: object | null }> =
  | { readonly soort: 'laden' }
  | { readonly soort: 'uitgelogd'; readonly verlopen: boolean }
  | { readonly soort: 'niveau'; readonly vereist: Niveau; readonly huidig: Authenticatie | undefined }
  | { readonly soort: 'fout'; readonly melding: string }
  | { readonly soort: 'klaar'; readonly me: NonNullable<T['me']>; readonly fouten: readonly GraphQLError[] };

const NIVEAUS: readonly string[] = ['BASIS', 'MIDDEN', 'SUBSTANTIEEL', 'HOOG'];
const ALGEMENE_FOUT = 'Er ging iets mis. Probeer het later opnieuw.';

/**
 * Runs the page's operation. Not logged in and a level that is too low concern the whole page;
 * a section that could not answer is left to that section (see {@link sectieFout}).
 */
export function usePagina<T extends { me: object | null }, V extends AnyVariables>(
  query: TypedDocumentNode<T, V>,
  variables: V,
): Pagina<T> {
  const [result] = useQuery<T, V>({ query, variables } as Parameters<typeof useQuery<T, V>>[0]);
  if (result.fetching || (!result.data && !result.error)) return { soort: 'laden' };
  const fouten = result.error?.graphQLErrors ?? [];
  const uitgelogd = fouten.find((fout) => fout.extensions['code'] === 'UNAUTHENTICATED');
  if (uitgelogd) return { soort: 'uitgelogd', verlopen: uitgelogd.extensions['sessie'] === 'VERLOPEN' };
  const teLaag = fouten.find((fout) => fout.extensions['code'] === 'NIVEAU_TE_LAAG');
  if (teLaag) {
    const vereist = teLaag.extensions['vereistNiveau'];
    // Only where the page's operation asks for `authenticatie`; the page then names the means too.
    const huidig = (result.data?.me as { authenticatie?: Partial<Authenticatie> } | null | undefined)?.authenticatie;
    return {
      soort: 'niveau',
      vereist: typeof vereist === 'string' && NIVEAUS.includes(vereist) ? (vereist as Niveau) : 'MIDDEN',
      huidig: huidig?.niveau && huidig.middel ? { middel: huidig.middel, niveau: huidig.niveau } : undefined,
    };
  }
  const me = result.data?.me;
  if (!me) return { soort: 'fout', melding: fouten[0]?.message ?? ALGEMENE_FOUT };
  return { soort: 'klaar', me: me as NonNullable<T['me']>, fouten };
}

/** The error of one section of `me` (it is null then), with the Dutch message the API gives. */
export function sectieFout(fouten: readonly GraphQLError[], sectie: string): string | undefined {
  return fouten.find((fout) => fout.path?.[0] === 'me' && fout.path[1] === sectie)?.message;
}
