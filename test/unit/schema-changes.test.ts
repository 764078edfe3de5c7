import { buildSchema, findBreakingChanges } from 'graphql';
import { describe, expect, it } from 'vitest';
import { coordinateOf, unacknowledged } from '../../scripts/schema-changes.js';

const BEFORE = buildSchema(
  'type Query { me: Gebruiker } type Gebruiker { id: ID! zaken: Zaken! } type Zaken { totaal: Int! }',
);
const AFTER = buildSchema(
  'type Query { me: Gebruiker } type Gebruiker { id: ID! zaken: Zaken } type Zaken { totaal: Int! }',
);

describe('breaking changes of api.graphql must be acknowledged in the changelog', () => {
  const breaking = findBreakingChanges(BEFORE, AFTER);

  it('names the changed coordinate', () => {
    expect(breaking.map(coordinateOf)).toEqual(['Gebruiker.zaken']);
  });

  it('fails a change the Unreleased section does not name, passes one it does', () => {
    const silent = '# Changelog\n\n## Unreleased\n\n- Faster.\n\n## 0.1.0\n\n- `Gebruiker.zaken` once.\n';
    expect(unacknowledged(breaking, silent).map(coordinateOf)).toEqual(['Gebruiker.zaken']);
    const told = '# Changelog\n\n## Unreleased\n\n### Breaking\n\n- `Gebruiker.zaken` is nullable.\n';
    expect(unacknowledged(breaking, told)).toEqual([]);
  });
});
