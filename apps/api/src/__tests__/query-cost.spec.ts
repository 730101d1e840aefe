import { GraphQLRequestListener } from '@apollo/server';
import {
  buildSchema,
  DocumentNode,
  GraphQLError,
  GraphQLSchema,
  parse,
  printSchema,
} from 'graphql';
import { costDependsOnVariables } from '../query-cost';
import { queryCostPlugin } from '../query-cost.plugin';

describe('costDependsOnVariables', () => {
  it.each([
    ['no variables', '{ votes(first: 5) { edges { node { id } } } }'],
    [
      'a variable in an input, not a page size',
      'mutation ($input: CastBallotInput!) { castBallot(input: $input) { receipt } }',
    ],
    [
      'a literal page size beside a variable',
      'query ($id: UUID!) { vote(id: $id) { id } votes(first: 5) { edges { node { id } } } }',
    ],
  ])('is false with %s', (_case, query) => {
    expect(costDependsOnVariables(parse(query))).toBe(false);
  });

  it.each([
    ['a page size as a variable', 'query ($n: Int) { votes(first: $n) { edges { node { id } } } }'],
    ['a limit as a variable', 'query ($n: Int) { events(limit: $n) { id } }'],
    [
      'an @include condition',
      'query ($big: Boolean!) { me { id votes @include(if: $big) { id } } }',
    ],
    [
      'a @skip condition in a fragment',
      'query ($s: Boolean!) { ...F } fragment F on Query { me @skip(if: $s) { id } }',
    ],
  ])('is true with %s', (_case, query) => {
    expect(costDependsOnVariables(parse(query))).toBe(true);
  });
});

describe('queryCostPlugin', () => {
  const schema = buildSchema(`
    type Item { id: ID! name: String }
    type Query { item(id: ID!): Item items(first: Int): [Item!]! }
  `);

  /** Runs the plugin's check as Apollo would for one request; resolves, or rejects with the refusal's code. */
  async function check(
    plugin: ReturnType<typeof queryCostPlugin>,
    document: DocumentNode,
    variables: Record<string, unknown>,
    onSchema: GraphQLSchema = schema,
  ): Promise<string> {
    const listener = (await plugin.requestDidStart!({} as never)) as GraphQLRequestListener<never>;
    try {
      await listener.didResolveOperation!({
        schema: onSchema,
        document,
        request: { variables },
        operationName: null,
      } as never);
      return 'accepted';
    } catch (error) {
      return String((error as GraphQLError).message);
    }
  }

  it('costs an operation whose cost no variable can change once: later requests skip the cost', async () => {
    const plugin = queryCostPlugin(100);
    const document = parse('query ($id: ID!) { item(id: $id) { id name } }');
    expect(await check(plugin, document, { id: '1' })).toBe('accepted');
    // Variables that do not fit would fail the costing (BAD_USER_INPUT); skipped, execution checks them.
    expect(await check(plugin, document, { id: { not: 'an id' } })).toBe('accepted');
    // The same text parsed again is another document: costed, and refused.
    const again = parse('query ($id: ID!) { item(id: $id) { id name } }');
    expect(await check(plugin, again, { id: { not: 'an id' } })).toBe('BAD_USER_INPUT');
  });

  it('costs every request when a variable sets a page size', async () => {
    const plugin = queryCostPlugin(100);
    const document = parse('query ($n: Int) { items(first: $n) { id name } }');
    expect(await check(plugin, document, { n: 10 })).toBe('accepted');
    expect(await check(plugin, document, { n: 1000 })).toBe('QUERY_TOO_COMPLEX');
  });

  it('caches nothing when a field’s cost is a function, which may read any argument', async () => {
    const withFunction = buildSchema(printSchema(schema));
    withFunction.getQueryType()!.getFields().item.extensions = {
      complexity: ({ args }: { args: { id: string } }) => (args.id === 'big' ? 1000 : 1),
    };
    const plugin = queryCostPlugin(100);
    const document = parse('query ($id: ID!) { item(id: $id) { id } }');
    expect(await check(plugin, document, { id: '1' }, withFunction)).toBe('accepted');
    expect(await check(plugin, document, { id: 'big' }, withFunction)).toBe('QUERY_TOO_COMPLEX');
  });
});
