import { Ctx, Directive, Query, Resolver } from 'type-graphql';
import { appError } from '../errors.js';
import { authenticatieOf } from '../identity/index.js';
import type { Authenticatie, Gebruiker } from './types.js';
import { requireCaller, type BaseContext, type SignedInCaller } from './context.js';

/** A subgraph's own `Gebruiker` class (see {@link Gebruiker}). */
export type GebruikerClass<G extends Gebruiker> = new () => G;

/** The `Gebruiker` object for the person behind the request. */
export function gebruikerFor<G extends Gebruiker>(cls: GebruikerClass<G>, person: SignedInCaller): G {
  const gebruiker = new cls();
  gebruiker.id = person.gebruikerId;
  gebruiker.soort = person.identity.soort;
  // Plain data: type-graphql resolves fields by property, and the gateway builds the same object.
  gebruiker.authenticatie = authenticatieOf(person.identity) as unknown as Authenticatie;
  return gebruiker;
}

/**
 * `Query.me` for a subgraph, declared `@shareable` and resolved from the caller's identity in
 * every subgraph, so the query planner fetches all sections of `me` in one parallel stage
 * (docs/architecture.md §2.1).
 */
export function createMeResolver<G extends Gebruiker>(cls: GebruikerClass<G>) {
  @Resolver(() => cls)
  class MeResolver {
    @Query(() => cls, {
      nullable: true,
      description:
        'Alles over de ingelogde inwoner of ondernemer. Zonder geldige inlog: null met de fout UNAUTHENTICATED.',
    })
    @Directive('@shareable')
    me(@Ctx() context: BaseContext): G {
      // Who is logged in is answered at any level and under any machtiging; each section checks its own.
      return gebruikerFor(cls, requireCaller(context));
    }
  }
  return MeResolver;
}

/**
 * Resolves a `Gebruiker` entity representation (from `_entities`). A representation is only
 * honoured for the caller itself: an id cannot be used to read another person's data.
 */
export function createGebruikerReferenceResolver<G extends Gebruiker>(cls: GebruikerClass<G>) {
  // Async on purpose: @apollo/subgraph fails the whole `_entities` list on a synchronous throw,
  // but only the one item on a rejected promise.
  return async (reference: { id?: unknown }, context: BaseContext): Promise<G> => {
    // The sections check level and machtiging themselves, as under `me`.
    const person = requireCaller(context);
    if (reference.id !== person.gebruikerId) throw appError('FORBIDDEN');
    return gebruikerFor(cls, person);
  };
}

/**
 * Said of every section of `Gebruiker` in the schema: a section is nullable so that a subgraph
 * that is down, slow or refuses one section's arguments costs only that section, never `me`.
 */
export const SECTIE_NULL =
  'Null als dit onderdeel nu niet kan antwoorden; errors heeft dan een fout met dit pad en de code BRON_NIET_BESCHIKBAAR of BAD_USER_INPUT.';
