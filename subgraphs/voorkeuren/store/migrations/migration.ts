import type { Dialect } from '../sql.js';

/**
 * One versioned schema change. `name` orders the migrations and is recorded once applied, so it
 * never changes; neither do the statements of a released migration: change the schema with a
 * new one. Statements run in one transaction with every other pending migration, so a failed
 * start leaves the schema as it was.
 */
export interface Migration {
  readonly name: string;
  statements(dialect: Dialect): readonly string[];
}
