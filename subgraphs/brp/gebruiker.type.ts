import { Directive, ObjectType } from 'type-graphql';
import { Gebruiker } from '../../lib/graphql/index.js';

/** `Gebruiker` as the brp subgraph knows it: the shared fields plus its own section. */
@ObjectType('Gebruiker', { description: 'De ingelogde inwoner of ondernemer.' })
@Directive('@key(fields: "id")')
export class BrpGebruiker extends Gebruiker {}
