import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { formatDocument } from '@urql/core';
import { buildSchema, DocumentNode, parse, validate } from 'graphql';
import { requestLimits } from '../../../api/src/request-limits';
import * as generated from '../gql/graphql';

// Every operation the portal sends, checked against the schema and the API's own request limits
// (depth, cost, tokens, aliases): a page whose query the API would refuse fails here, not in use.
const schema = buildSchema(readFileSync(join(__dirname, '../../schema.graphql'), 'utf8'));
const { validationRules } = new ApolloArmor(requestLimits(true)).protect();
const operations = Object.entries(generated).filter((entry): entry is [string, DocumentNode] =>
  entry[0].endsWith('Document'),
);

describe('portal operations', () => {
  it('are found', () => {
    expect(operations.length).toBeGreaterThan(20);
  });

  it('would catch a query the API refuses (a thread with replies nested twice)', () => {
    const tooCostly = parse(`{ proposalThread(proposalId: "00000000-0000-0000-0000-000000000000") {
      arguments(first: 50) { edges { node { id bodyHtml author { displayName }
        replies(first: 10) { id bodyHtml author { displayName } replies(first: 10) { id } } } } } } }`);
    expect(validate(schema, tooCostly, validationRules).length).toBeGreaterThan(0);
  });

  // As sent: urql's cache adds __typename to every selection set, and the API counts it too.
  it.each(operations)('%s is valid and within the API request limits', (_name, document) => {
    const sent = formatDocument(document);
    expect(validate(schema, sent, validationRules).map((error) => error.message)).toEqual([]);
  });
});
