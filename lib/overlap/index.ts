import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { DEFAULT_OVERLAP_MAP } from './default-map.js';
import { overlapKaartSchema, type OverlapKaartDefinitie, type OverlapRegel } from './schema.js';

export type { OverlapKaartDefinitie, OverlapRegel } from './schema.js';
export { DEFAULT_OVERLAP_MAP } from './default-map.js';

/** Thrown when an overlap file is not valid; the message names the place and the problem. */
export class OverlapMapError extends Error {
  override readonly name = 'OverlapMapError';
}

/**
 * The ownership map (DESIGN.md §2.5): which portal owns each kind of data, where else it shows
 * and who sends notifications. Every subgraph reads it through this one module.
 */
export interface OverlapMap {
  readonly definitie: OverlapKaartDefinitie;
  persoonsgegevens(): OverlapRegel;
  zaak(zaaktypeIdentificatie: string | null): OverlapRegel;
  bericht(): OverlapRegel;
}

export function createOverlapMap(definitie: OverlapKaartDefinitie): OverlapMap {
  const perZaaktype = new Map(definitie.zaken.zaaktypen.map((regel) => [regel.zaaktype, regel]));
  return {
    definitie,
    persoonsgegevens: () => definitie.persoonsgegevens,
    zaak: (zaaktype) => (zaaktype && perZaaktype.get(zaaktype)) || definitie.zaken.standaard,
    bericht: () => definitie.berichten.standaard,
  };
}

/** Validates a parsed definition; throws {@link OverlapMapError} naming each field at fault. */
export function validateOverlapDefinition(input: unknown, source: string): OverlapKaartDefinitie {
  const result = overlapKaartSchema.safeParse(input);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new OverlapMapError(`Overlapkaart ${source} is ongeldig:\n  - ${problems.join('\n  - ')}`);
  }
  return result.data;
}

/** Loads the map from a YAML file, or the built-in default when `file` is undefined. */
export function loadOverlapMap(file: string | undefined): OverlapMap {
  if (file === undefined) return createOverlapMap(DEFAULT_OVERLAP_MAP);
  const text = readFileSync(file, 'utf8');
  let parsed: unknown;
  try {
    parsed = parse(text, { prettyErrors: true });
  } catch (error) {
    throw new OverlapMapError(
      `Overlapkaart ${file} is geen geldige YAML: ${error instanceof Error ? error.message : ''}`,
    );
  }
  return createOverlapMap(validateOverlapDefinition(parsed, file));
}
