import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { formatDocument } from '@urql/core';
import {
  buildSchema,
  DocumentNode,
  GraphQLInputType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  OperationDefinitionNode,
  parse,
  typeFromAST,
  validate,
} from 'graphql';
import { DEFAULT_MAX_QUERY_COST, MAX_PAGE_SIZE, queryCost } from '../../../api/src/query-cost';
import { requestLimits } from '../../../api/src/request-limits';
import * as generated from '../gql/graphql';

// Every operation the portal sends, checked against the schema and the API's own request limits
// (depth, tokens, aliases, cost): a page whose query the API would refuse fails here, not in use.
const schema = buildSchema(readFileSync(join(__dirname, '../../schema.graphql'), 'utf8'));
const { validationRules } = new ApolloArmor(requestLimits(true)).protect();
const operations = Object.entries(generated).filter((entry): entry is [string, DocumentNode] =>
  entry[0].endsWith('Document'),
);

/** Any value the type accepts: it only lets the cost be counted (page sizes are set apart). */
function sample(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sample(type.ofType);
  if (isListType(type)) return [];
  if (isEnumType(type)) return type.getValues()[0].name;
  if (isInputObjectType(type)) {
    const required = Object.values(type.getFields()).filter(
      (field) => isNonNullType(field.type) && field.defaultValue === undefined,
    );
    return Object.fromEntries(required.map((field) => [field.name, sample(field.type)]));
  }
  if (type.name === 'Int' || type.name === 'Float') return 1;
  return type.name === 'Boolean' ? true : 'x'; // the SDL's own scalars (UUID, DateTime…) take any value
}

/**
 * The variables a page may send: a page size passed as a variable is taken at the largest the
 * API serves (no value: the schema's default), and every required variable gets a value.
 */
function worstCaseVariables(document: DocumentNode): Record<string, unknown> {
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === 'OperationDefinition',
  );
  const variables: Record<string, unknown> = {};
  for (const definition of operation?.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type) as GraphQLInputType;
    if (name === 'first' || name === 'limit') variables[name] = MAX_PAGE_SIZE;
    else if (isNonNullType(type) && !definition.defaultValue) variables[name] = sample(type);
  }
  return variables;
}

describe('portal operations', () => {
  it('are found', () => {
    expect(operations.length).toBeGreaterThan(20);
  });

  it('would catch a query the API refuses (a thread with replies nested twice)', () => {
    const tooCostly = parse(`{ proposalThread(proposalId: "00000000-0000-0000-0000-000000000000") {
      arguments(first: 50) { edges { node { id bodyHtml author { displayName }
        replies(first: 10) { id bodyHtml author { displayName } replies(first: 10) { id } } } } } } }`);
    expect(validate(schema, tooCostly, validationRules)).toEqual([]);
    expect(queryCost(schema, tooCostly)).toBeGreaterThan(DEFAULT_MAX_QUERY_COST);
  });

  it('are costed with the page size they pass as a variable', () => {
    const votes = parse(`query ($first: Int) { participationReport {
      votes(first: $first) { edges { node { voteId titleFr titleEn voters eligible } } } } }`);
    expect(queryCost(schema, votes, { first: 100 })).toBe(1 + 1 + 100 * (1 + 1 + 5));
    expect(queryCost(schema, votes)).toBe(1 + 1 + 50 * (1 + 1 + 5)); // the schema's default
  });

  // As sent: urql's cache adds __typename to every selection set, and the API counts it too.
  it.each(operations)('%s is valid and within the API request limits', (_name, document) => {
    const sent = formatDocument(document);
    expect(validate(schema, sent, validationRules).map((error) => error.message)).toEqual([]);
    expect(queryCost(schema, sent, worstCaseVariables(sent))).toBeLessThanOrEqual(
      DEFAULT_MAX_QUERY_COST,
    );
  });
});
