import fc from 'fast-check';
import {
  getIntrospectionQuery,
  IntrospectionField,
  IntrospectionInputTypeRef,
  IntrospectionQuery,
  IntrospectionType,
} from 'graphql';
import { Role } from '@delibera/kernel';
import { signedInMember } from '../factories';
import { ok, startTestApp, TestApp } from './test-app';

/**
 * Property-based fuzzing of every GraphQL operation, read from the live schema,
 * so operations added later are fuzzed without touching this file. Called as
 * an account holding every role (so calls reach validation and the services,
 * not just the guard), with arbitrary arguments of the declared types. Two
 * properties: the API never answers with an internal error, and a refused call
 * leaves every table exactly as it was.
 */
const RUNS_PER_OPERATION = Number(process.env.FUZZ_RUNS ?? 12);

/** Operations whose success would end the fuzzer's own session. */
const SKIPPED = new Set(['logout']);

const nasty = fc.constantFrom(
  '',
  ' ',
  "'; DROP TABLE member; --",
  '<script>alert(1)</script>',
  'Ça, c’est « français » — œ æ ß 🗳️',
  '\u0000',
  'x'.repeat(5000),
  '../../etc/passwd',
  '-1',
  'NaN',
  '00000000-0000-0000-0000-000000000000',
);

const scalars: Record<string, fc.Arbitrary<unknown>> = {
  String: fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.string({ unit: 'binary', maxLength: 50 }),
    nasty,
  ),
  ID: fc.oneof(fc.uuid(), fc.string({ maxLength: 40 })),
  UUID: fc.oneof(fc.uuid(), fc.uuid(), nasty),
  Int: fc.oneof(fc.integer(), fc.constantFrom(0, -1, 2147483647, -2147483648)),
  Float: fc.oneof(fc.double({ noNaN: true }), fc.constantFrom(0, -1, 1e308)),
  Boolean: fc.boolean(),
  DateTime: fc.oneof(
    fc.date({ min: new Date(0), max: new Date('2100-01-01') }).map((d) => d.toISOString()),
    nasty,
  ),
  Money: fc.oneof(fc.integer({ min: -1e9, max: 1e12 }), fc.constantFrom(-1, 0, 2 ** 53)),
};

function arbitraryFor(
  ref: IntrospectionInputTypeRef,
  types: Map<string, IntrospectionType>,
  depth = 0,
): fc.Arbitrary<unknown> {
  if (ref.kind === 'NON_NULL') return arbitraryFor(ref.ofType, types, depth);
  if (ref.kind === 'LIST') {
    return fc.array(arbitraryFor(ref.ofType, types, depth + 1), { maxLength: depth > 1 ? 1 : 4 });
  }
  const type = types.get(ref.name);
  if (type?.kind === 'ENUM') return fc.constantFrom(...type.enumValues.map((v) => v.name));
  if (type?.kind === 'INPUT_OBJECT') {
    const fields = Object.fromEntries(
      type.inputFields.map((f) => {
        const value = arbitraryFor(f.type, types, depth + 1);
        return [f.name, f.type.kind === 'NON_NULL' ? value : fc.option(value, { nil: undefined })];
      }),
    );
    return fc.record(fields, { requiredKeys: [] });
  }
  return scalars[ref.name] ?? scalars.String;
}

/** The GraphQL type of an argument as written in a variable definition. */
function typeName(ref: IntrospectionInputTypeRef): string {
  if (ref.kind === 'NON_NULL') return `${typeName(ref.ofType)}!`;
  if (ref.kind === 'LIST') return `[${typeName(ref.ofType)}]`;
  return ref.name;
}

/** Enough of the result to execute it: `__typename` is valid on every object. */
function selection(field: IntrospectionField, types: Map<string, IntrospectionType>): string {
  let ref = field.type;
  while (ref.kind === 'NON_NULL' || ref.kind === 'LIST') ref = ref.ofType;
  const type = types.get(ref.name);
  return type && ['OBJECT', 'INTERFACE', 'UNION'].includes(type.kind) ? '{ __typename }' : '';
}

describe('GraphQL fuzzing (e2e)', () => {
  let app: TestApp;
  let token: string;
  let types: Map<string, IntrospectionType>;
  let schema: IntrospectionQuery['__schema'];
  let countRows: () => Promise<string>;

  beforeAll(async () => {
    app = await startTestApp();
    token = (await signedInMember(app, Object.values(Role))).token;
    schema = ok(await app.gql<IntrospectionQuery>(getIntrospectionQuery(), {}, { token })).__schema;
    types = new Map(schema.types.map((t) => [t.name, t]));
    const tables: { name: string }[] = await app.dataSource.query(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
    );
    // One statement for every table's row count and content hash: any write shows.
    const sql = tables
      .map(
        ({ name }) =>
          `SELECT '${name}' AS t, count(*) AS n, md5(coalesce(string_agg(x::text, '' ORDER BY x::text), '')) AS h FROM "${name}" x`,
      )
      .join(' UNION ALL ');
    countRows = async () => JSON.stringify(await app.dataSource.query(sql));
  });
  afterAll(() => app.close());

  const operations = (kind: 'queryType' | 'mutationType') => {
    const root = types.get(schema[kind]?.name ?? '');
    return root?.kind === 'OBJECT' ? root.fields.filter((f) => !SKIPPED.has(f.name)) : [];
  };

  it.each(['mutationType', 'queryType'] as const)(
    'every %s answers arbitrary arguments without an internal error, and a refusal writes nothing',
    async (kind) => {
      const fields = operations(kind);
      expect(fields.length).toBeGreaterThan(0);
      for (const field of fields) {
        const args = fc.record(
          Object.fromEntries(field.args.map((a) => [a.name, arbitraryFor(a.type, types)])),
        );
        const variables = field.args.map((a) => `$${a.name}: ${typeName(a.type)}`).join(', ');
        const call = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
        const document = `${kind === 'mutationType' ? 'mutation' : 'query'}${
          variables ? ` (${variables})` : ''
        } { ${field.name}${call ? `(${call})` : ''} ${selection(field, types)} }`;

        await fc.assert(
          fc.asyncProperty(args, async (values) => {
            const before = await countRows();
            const response = await app.gql(document, values as Record<string, unknown>, { token });
            const codes = (response.errors ?? []).map((e) => e.extensions?.code);
            if (codes.includes('INTERNAL')) {
              throw new Error(`${field.name} answered INTERNAL for ${JSON.stringify(values)}`);
            }
            if (codes.length > 0) expect(await countRows()).toBe(before);
          }),
          { numRuns: RUNS_PER_OPERATION, seed: 20261124, endOnFailure: true },
        );
      }
    },
    240_000,
  );
});
