/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query MijnOverzicht {\n  me {\n    id\n    soort\n    authenticatie {\n      middel\n      niveau\n    }\n    persoonsgegevens {\n      bron {\n        naam\n        status\n        melding\n      }\n      naam {\n        volledigeNaam\n      }\n      adressering {\n        adresregel1\n        adresregel2\n      }\n      portaal {\n        eigenaar\n        ookZichtbaarIn\n      }\n    }\n    zaken {\n      bron {\n        status\n        melding\n      }\n      bronnen {\n        naam\n        status\n        melding\n      }\n      items {\n        bronorganisatie\n        identificatie\n        omschrijving\n        status {\n          statustekst\n        }\n        portaal {\n          eigenaar\n        }\n      }\n    }\n    berichten {\n      bron {\n        status\n        melding\n      }\n      ongelezen\n      items {\n        onderwerp\n        afzender\n        portaal {\n          eigenaar\n        }\n      }\n    }\n    voorkeuren {\n      bron {\n        status\n      }\n    }\n  }\n}": typeof types.MijnOverzichtDocument,
};
const documents: Documents = {
    "query MijnOverzicht {\n  me {\n    id\n    soort\n    authenticatie {\n      middel\n      niveau\n    }\n    persoonsgegevens {\n      bron {\n        naam\n        status\n        melding\n      }\n      naam {\n        volledigeNaam\n      }\n      adressering {\n        adresregel1\n        adresregel2\n      }\n      portaal {\n        eigenaar\n        ookZichtbaarIn\n      }\n    }\n    zaken {\n      bron {\n        status\n        melding\n      }\n      bronnen {\n        naam\n        status\n        melding\n      }\n      items {\n        bronorganisatie\n        identificatie\n        omschrijving\n        status {\n          statustekst\n        }\n        portaal {\n          eigenaar\n        }\n      }\n    }\n    berichten {\n      bron {\n        status\n        melding\n      }\n      ongelezen\n      items {\n        onderwerp\n        afzender\n        portaal {\n          eigenaar\n        }\n      }\n    }\n    voorkeuren {\n      bron {\n        status\n      }\n    }\n  }\n}": types.MijnOverzichtDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MijnOverzicht {\n  me {\n    id\n    soort\n    authenticatie {\n      middel\n      niveau\n    }\n    persoonsgegevens {\n      bron {\n        naam\n        status\n        melding\n      }\n      naam {\n        volledigeNaam\n      }\n      adressering {\n        adresregel1\n        adresregel2\n      }\n      portaal {\n        eigenaar\n        ookZichtbaarIn\n      }\n    }\n    zaken {\n      bron {\n        status\n        melding\n      }\n      bronnen {\n        naam\n        status\n        melding\n      }\n      items {\n        bronorganisatie\n        identificatie\n        omschrijving\n        status {\n          statustekst\n        }\n        portaal {\n          eigenaar\n        }\n      }\n    }\n    berichten {\n      bron {\n        status\n        melding\n      }\n      ongelezen\n      items {\n        onderwerp\n        afzender\n        portaal {\n          eigenaar\n        }\n      }\n    }\n    voorkeuren {\n      bron {\n        status\n      }\n    }\n  }\n}"): (typeof documents)["query MijnOverzicht {\n  me {\n    id\n    soort\n    authenticatie {\n      middel\n      niveau\n    }\n    persoonsgegevens {\n      bron {\n        naam\n        status\n        melding\n      }\n      naam {\n        volledigeNaam\n      }\n      adressering {\n        adresregel1\n        adresregel2\n      }\n      portaal {\n        eigenaar\n        ookZichtbaarIn\n      }\n    }\n    zaken {\n      bron {\n        status\n        melding\n      }\n      bronnen {\n        naam\n        status\n        melding\n      }\n      items {\n        bronorganisatie\n        identificatie\n        omschrijving\n        status {\n          statustekst\n        }\n        portaal {\n          eigenaar\n        }\n      }\n    }\n    berichten {\n      bron {\n        status\n        melding\n      }\n      ongelezen\n      items {\n        onderwerp\n        afzender\n        portaal {\n          eigenaar\n        }\n      }\n    }\n    voorkeuren {\n      bron {\n        status\n      }\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;