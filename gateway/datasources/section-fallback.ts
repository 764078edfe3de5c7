import {
  Kind,
  parse,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLFormattedError,
  type SelectionSetNode,
} from 'graphql';
import { BRON_MELDINGEN } from '../../lib/graphql/bron.js';
import { ERROR_MESSAGES } from '../../lib/errors.js';
import type { Caller } from '../../lib/internal-token.js';
import { authenticatieOf } from '../../lib/identity/index.js';

/**
 * What the gateway answers in place of a subgraph that could not (down, too slow, breaker open,
 * an unreadable answer): the identity fields of `me`, which the gateway knows from the verified
 * token, and `null` for every section the subgraph owns, each with a coded error on its path.
 * So a subgraph that fails costs only its own sections; `me` itself never becomes null because
 * one subgraph did not answer. The sections are nullable in the schema for this reason.
 */

/** How the resident's sections are named in a message ("We kunnen … nu niet ophalen"). */
const SECTIES: Readonly<Record<string, string>> = {
  persoonsgegevens: 'uw persoonsgegevens',
  zaken: 'uw zaken',
  berichten: 'uw berichten uit MijnOverheid',
  voorkeuren: 'uw voorkeuren',
  meldingen: 'uw meldingen',
  verwerkingen: 'wie uw gegevens bekeek',
};

/** The source a subgraph stands for, as `extensions.bron` names it. */
const BRONNEN: Readonly<Record<string, string>> = {
  brp: 'BRP',
  zaken: 'Zaaksystemen',
  berichten: 'MijnOverheid',
  voorkeuren: 'Voorkeuren',
};

export interface FallbackResponse {
  data: Record<string, unknown>;
  errors: GraphQLFormattedError[];
}

type Path = ReadonlyArray<string | number>;

/** Parsed subgraph operations by text: the planner sends the same few texts over and over. */
const parsed = new Map<string, DocumentNode>();
const MAX_PARSED = 500;

/** The operation document the gateway sent, parsed at most once per text. */
export function operationDocument(query: string, document?: DocumentNode): DocumentNode {
  if (document) return document;
  let found = parsed.get(query);
  if (!found) {
    found = parse(query);
    if (parsed.size >= MAX_PARSED) parsed.clear();
    parsed.set(query, found);
  }
  return found;
}

function sectionError(subgraph: string, sectie: string | null, path: Path): GraphQLFormattedError {
  return {
    message: BRON_MELDINGEN.nietBeschikbaar((sectie && SECTIES[sectie]) ?? 'deze gegevens'),
    path,
    extensions: { code: 'BRON_NIET_BESCHIKBAAR', bron: BRONNEN[subgraph] ?? subgraph, ...(sectie ? { sectie } : {}) },
  };
}

/**
 * Builds the answer for a subgraph operation that failed. `coveredPaths` are the paths the
 * subgraph itself already reported a coded error for (e.g. BAD_USER_INPUT on `me.zaken`); those
 * sections keep that error instead of getting a second one.
 */
export function sectionFallback(
  document: DocumentNode,
  variables: Readonly<Record<string, unknown>> | undefined,
  caller: Caller,
  subgraph: string,
  coveredPaths: ReadonlySet<string> = new Set(),
): FallbackResponse {
  const fragments = new Map<string, FragmentDefinitionNode>();
  let root: SelectionSetNode | undefined;
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    else if (definition.kind === Kind.OPERATION_DEFINITION) root ??= definition.selectionSet;
  }
  const errors: GraphQLFormattedError[] = [];
  const fail = (error: GraphQLFormattedError) => {
    if (!coveredPaths.has(JSON.stringify(error.path))) errors.push(error);
  };

  /** Visits the fields of a selection set, through inline fragments and fragment spreads. */
  const eachField = (
    selectionSet: SelectionSetNode,
    visit: (key: string, name: string, selectionSet: SelectionSetNode | undefined) => void,
  ): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        visit(selection.alias?.value ?? selection.name.value, selection.name.value, selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        eachField(selection.selectionSet, visit);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment) eachField(fragment.selectionSet, visit);
      }
    }
  };

  /** `value` cut to what `selectionSet` asks, aliases included (plain data: objects, lists, scalars). */
  const project = (value: unknown, selectionSet: SelectionSetNode | undefined): unknown => {
    if (value === null || value === undefined) return null;
    if (Array.isArray(value)) return value.map((item) => project(item, selectionSet));
    if (typeof value !== 'object' || !selectionSet) return value;
    const record = value as Record<string, unknown>;
    const result: Record<string, unknown> = {};
    eachField(selectionSet, (key, name, fields) => {
      result[key] = project(record[name], fields);
    });
    return result;
  };

  const gebruiker = (selectionSet: SelectionSetNode | undefined, path: Path): Record<string, unknown> | null => {
    if (caller.kind !== 'person') {
      fail({ message: ERROR_MESSAGES.UNAUTHENTICATED, path, extensions: { code: 'UNAUTHENTICATED' } });
      return null;
    }
    const result: Record<string, unknown> = {};
    if (!selectionSet) return result;
    eachField(selectionSet, (key, name, fields) => {
      if (name === '__typename') result[key] = 'Gebruiker';
      else if (name === 'id') result[key] = caller.gebruikerId;
      else if (name === 'soort') result[key] = caller.identity.soort;
      else if (name === 'authenticatie') result[key] = project(authenticatieOf(caller.identity), fields);
      else {
        result[key] = null;
        fail(sectionError(subgraph, name, [...path, key]));
      }
    });
    return result;
  };

  const data: Record<string, unknown> = {};
  if (!root) return { data, errors };
  eachField(root, (key, name, fields) => {
    if (name === '__typename') data[key] = 'Query';
    else if (name === 'me') data[key] = gebruiker(fields, [key]);
    else if (name === '_entities') {
      // A later stage (e.g. the zaak a bericht is about): each entity becomes null, with its error.
      const representations = variables?.['representations'];
      const count = Array.isArray(representations) ? representations.length : 0;
      data[key] = Array.from({ length: count }, () => null);
      for (let index = 0; index < count; index++) fail(sectionError(subgraph, null, [key, index]));
    } else {
      data[key] = null;
      fail(sectionError(subgraph, name, [key]));
    }
  });
  return { data, errors };
}
