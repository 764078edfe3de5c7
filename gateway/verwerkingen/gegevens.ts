import {
  Kind,
  type DirectiveNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

/**
 * Which of a resident's data one subgraph request read, as dotted paths: `persoonsgegevens.naam`,
 * `zaken.items`, `zaken.items.documenten`, and for a federation entity call `Zaak.inMijnOverheid`.
 * The paths are short on purpose: the verwerkingenlog tells a resident what kind of data was read
 * (their name, their address, their zaken), not every field a page happened to ask for.
 */

/** Fields of `me` that come from the login itself, not from a source: reading them reads nothing. */
const IDENTITEIT = new Set(['__typename', 'id', 'soort', 'authenticatie']);

/**
 * Fields of a section that describe the answer rather than hold the resident's data: where it
 * came from, which portal owns it, and how to have it changed (the same text for everyone; the
 * brp subgraph answers these without asking the BRP).
 */
const OMSCHRIJVING = new Set(['__typename', 'bron', 'bronnen', 'portaal', 'wijzigen']);

/** Source statuses that mean the source gave nothing: then nothing of that section was read. */
const NIETS_GELEZEN = new Set(['NIET_BESCHIKBAAR', 'NIET_VAN_TOEPASSING']);

type Variables = Readonly<Record<string, unknown>> | undefined;
type Data = Readonly<Record<string, unknown>> | null | undefined;

interface Veld {
  /** The key in the answer: the alias, or else the field name. */
  readonly key: string;
  readonly name: string;
  readonly selectionSet: SelectionSetNode | undefined;
}

interface Fragment {
  /** The entity type an inline fragment or fragment spread is on, when it names one. */
  readonly type: string | undefined;
  readonly selectionSet: SelectionSetNode;
}

function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `@skip(if:)` and `@include(if:)`, with a literal or a variable; anything else keeps the field. */
function included(directives: readonly DirectiveNode[] | undefined, variables: Variables): boolean {
  const condition = (value: ValueNode | undefined): boolean | undefined => {
    if (!value) return undefined;
    if (value.kind === Kind.BOOLEAN) return value.value;
    if (value.kind === Kind.VARIABLE) {
      const given = variables?.[value.name.value];
      return typeof given === 'boolean' ? given : undefined;
    }
    return undefined;
  };
  for (const directive of directives ?? []) {
    const argument = directive.arguments?.find((a) => a.name.value === 'if');
    const value = condition(argument?.value);
    if (directive.name.value === 'skip' && value === true) return false;
    if (directive.name.value === 'include' && value === false) return false;
  }
  return true;
}

/**
 * The fields of a document's operation that a subgraph answered: those of `me` (with the sections
 * under them) and those of `_entities`. Any other root field (e.g. the public `overlap`) is not a
 * resident's data. `data` is the subgraph's answer: a section that is null, or whose `bron` says
 * the source gave nothing, or whose every field came back empty, was not read and is left out.
 */
export function gevraagdeGegevens(document: DocumentNode, variables: Variables, data: Data): string[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  let root: SelectionSetNode | undefined;
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    else if (definition.kind === Kind.OPERATION_DEFINITION) root ??= definition.selectionSet;
  }
  if (!root) return [];

  /** The fields of a selection set, through inline fragments and fragment spreads. */
  const velden = (selectionSet: SelectionSetNode | undefined, seen = new Set<string>()): Veld[] => {
    const result: Veld[] = [];
    for (const selection of selectionSet?.selections ?? []) {
      if (!included(selection.directives, variables)) continue;
      if (selection.kind === Kind.FIELD) {
        result.push({
          key: selection.alias?.value ?? selection.name.value,
          name: selection.name.value,
          selectionSet: selection.selectionSet,
        });
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        result.push(...velden(selection.selectionSet, seen));
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        // A fragment that spreads itself is invalid GraphQL; do not loop on it all the same.
        if (fragment && !seen.has(name)) result.push(...velden(fragment.selectionSet, new Set([...seen, name])));
      }
    }
    return result;
  };

  /** The fragments of `_entities`, each on the entity type it names. */
  const entiteiten = (selectionSet: SelectionSetNode | undefined): Fragment[] => {
    const result: Fragment[] = [];
    for (const selection of selectionSet?.selections ?? []) {
      if (!included(selection.directives, variables)) continue;
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        result.push({ type: selection.typeCondition?.name.value, selectionSet: selection.selectionSet });
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (fragment) result.push({ type: fragment.typeCondition.name.value, selectionSet: fragment.selectionSet });
      }
    }
    return result;
  };

  const paden = new Set<string>();

  /** One section of `me` (`persoonsgegevens`, `zaken`, …), when its answer shows it was read. */
  const sectie = (veld: Veld, waarde: unknown): void => {
    if (waarde === null || waarde === undefined) return;
    if (!veld.selectionSet) {
      paden.add(veld.name);
      return;
    }
    if (Array.isArray(waarde)) {
      // A section that is a list has no `bron`: the list itself is what was read.
      for (const kind of velden(veld.selectionSet)) {
        if (!OMSCHRIJVING.has(kind.name)) paden.add(`${veld.name}.${kind.name}`);
      }
      return;
    }
    if (!isObject(waarde)) return;
    const kinderen = velden(veld.selectionSet);
    const status = kinderen
      .filter((k) => k.name === 'bron')
      .map((k) => waarde[k.key])
      .find(isObject)?.['status'];
    if (typeof status === 'string' && NIETS_GELEZEN.has(status)) return;
    const gegevens = kinderen.filter((k) => !OMSCHRIJVING.has(k.name));
    if (gegevens.length === 0) return;
    // Without `bron` in the question, an answer with nothing in it is the sign the source gave nothing.
    if (status === undefined && gegevens.every((k) => waarde[k.key] === null || waarde[k.key] === undefined)) return;
    for (const kind of gegevens) {
      paden.add(`${veld.name}.${kind.name}`);
      // A list's items may hold a second kind of data (the documents of a zaak, the attachments of
      // a bericht): one level deeper for them, so the resident can tell those apart.
      if (kind.name !== 'items') continue;
      for (const kleinkind of velden(kind.selectionSet)) {
        if (kleinkind.selectionSet && !OMSCHRIJVING.has(kleinkind.name)) {
          paden.add(`${veld.name}.items.${kleinkind.name}`);
        }
      }
    }
  };

  /** The sections of one answered `Gebruiker`, from `me` or from an entity call. */
  const gebruiker = (selectionSet: SelectionSetNode | undefined, waarde: unknown): void => {
    if (!isObject(waarde)) return;
    for (const veld of velden(selectionSet)) {
      if (!IDENTITEIT.has(veld.name)) sectie(veld, waarde[veld.key]);
    }
  };

  for (const veld of velden(root)) {
    const waarde = data?.[veld.key];
    if (veld.name === 'me') {
      gebruiker(veld.selectionSet, waarde);
    } else if (veld.name === '_entities') {
      const beantwoord = Array.isArray(waarde) ? waarde.filter(isObject) : [];
      if (beantwoord.length === 0) continue;
      for (const fragment of entiteiten(veld.selectionSet)) {
        if (fragment.type === 'Gebruiker') {
          // Every subgraph resolves only the caller's own Gebruiker, so any answered one is theirs.
          for (const entiteit of beantwoord) gebruiker(fragment.selectionSet, entiteit);
          continue;
        }
        for (const kind of velden(fragment.selectionSet)) {
          if (fragment.type && !OMSCHRIJVING.has(kind.name)) paden.add(`${fragment.type}.${kind.name}`);
        }
      }
    }
  }
  return [...paden];
}
