import fc from 'fast-check';
import {
  getIntrospectionQuery,
  IntrospectionField,
  IntrospectionInputTypeRef,
  IntrospectionQuery,
  IntrospectionType,
} from 'graphql';
import { ok, TestApp } from './test-app';

/**
 * The live schema read through introspection, and what property tests need to
 * call any of its operations: arbitrary arguments of the declared types and a
 * document that selects just enough to execute.
 */
export interface LiveSchema {
  types: Map<string, IntrospectionType>;
  operations(kind: 'query' | 'mutation'): IntrospectionField[];
  document(kind: 'query' | 'mutation', field: IntrospectionField): string;
  /**
   * `hostile`: anything the declared types allow and more (missing fields,
   * strings that are not UUIDs, huge numbers) — for fuzzing. `wellFormed`:
   * values GraphQL accepts, so the call reaches the guard and the services.
   */
  arguments(field: IntrospectionField, mode?: Mode): fc.Arbitrary<Record<string, unknown>>;
}

type Mode = 'hostile' | 'wellFormed';

export async function liveSchema(app: TestApp, token: string): Promise<LiveSchema> {
  const schema = ok(
    await app.gql<IntrospectionQuery>(getIntrospectionQuery(), {}, { token }),
  ).__schema;
  const types = new Map(schema.types.map((t) => [t.name, t]));
  return {
    types,
    operations(kind) {
      const root = types.get(
        (kind === 'query' ? schema.queryType : schema.mutationType)?.name ?? '',
      );
      return root?.kind === 'OBJECT' ? [...root.fields] : [];
    },
    document(kind, field) {
      const variables = field.args.map((a) => `$${a.name}: ${typeName(a.type)}`).join(', ');
      const call = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
      return `${kind}${variables ? ` (${variables})` : ''} { ${field.name}${
        call ? `(${call})` : ''
      } ${selection(field, types)} }`;
    },
    arguments(field, mode = 'hostile') {
      return fc.record(
        Object.fromEntries(field.args.map((a) => [a.name, arbitraryFor(a.type, types, mode)])),
      );
    },
  };
}

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

const hostileScalars: Record<string, fc.Arbitrary<unknown>> = {
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

const wellFormedScalars: Record<string, fc.Arbitrary<unknown>> = {
  String: fc.string({ unit: fc.constantFrom(...'abcdefghij'), minLength: 1, maxLength: 12 }),
  ID: fc.uuid(),
  UUID: fc.uuid(),
  Int: fc.integer({ min: 1, max: 50 }),
  Float: fc.integer({ min: 1, max: 50 }),
  Boolean: fc.boolean(),
  DateTime: fc
    .date({ min: new Date('2030-01-01'), max: new Date('2031-01-01'), noInvalidDate: true })
    .map((d) => d.toISOString()),
  Money: fc.integer({ min: 1, max: 1_000_000 }),
};

const SCALARS: Record<Mode, Record<string, fc.Arbitrary<unknown>>> = {
  hostile: hostileScalars,
  wellFormed: wellFormedScalars,
};

function arbitraryFor(
  ref: IntrospectionInputTypeRef,
  types: Map<string, IntrospectionType>,
  mode: Mode,
  depth = 0,
): fc.Arbitrary<unknown> {
  if (ref.kind === 'NON_NULL') return arbitraryFor(ref.ofType, types, mode, depth);
  if (ref.kind === 'LIST') {
    return fc.array(arbitraryFor(ref.ofType, types, mode, depth + 1), {
      maxLength: depth > 1 ? 1 : 4,
    });
  }
  const type = types.get(ref.name);
  if (type?.kind === 'ENUM') return fc.constantFrom(...type.enumValues.map((v) => v.name));
  if (type?.kind === 'INPUT_OBJECT') {
    const fields = Object.fromEntries(
      type.inputFields.map((f) => {
        const value = arbitraryFor(f.type, types, mode, depth + 1);
        return [f.name, f.type.kind === 'NON_NULL' ? value : fc.option(value, { nil: undefined })];
      }),
    );
    const required = type.inputFields.filter((f) => f.type.kind === 'NON_NULL').map((f) => f.name);
    return fc.record(fields, { requiredKeys: mode === 'wellFormed' ? required : [] });
  }
  return SCALARS[mode][ref.name] ?? SCALARS[mode].String;
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
