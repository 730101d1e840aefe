import fc from 'fast-check';
import { Role } from '@delibera/kernel';
import { signedInMember } from '../factories';
import { liveSchema, LiveSchema } from './graphql-arbitraries';
import { startTestApp, TestApp } from './test-app';

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

describe('GraphQL fuzzing (e2e)', () => {
  let app: TestApp;
  let token: string;
  let schema: LiveSchema;
  let snapshot: () => Promise<string>;

  beforeAll(async () => {
    app = await startTestApp();
    token = (await signedInMember(app, Object.values(Role))).token;
    schema = await liveSchema(app, token);
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
    snapshot = async () => JSON.stringify(await app.dataSource.query(sql));
  });
  afterAll(() => app.close());

  it.each(['mutation', 'query'] as const)(
    'every %s answers arbitrary arguments without an internal error, and a refusal writes nothing',
    async (kind) => {
      const fields = schema.operations(kind).filter((f) => !SKIPPED.has(f.name));
      expect(fields.length).toBeGreaterThan(0);
      for (const field of fields) {
        const document = schema.document(kind, field);
        await fc.assert(
          fc.asyncProperty(schema.arguments(field), async (variables) => {
            const before = await snapshot();
            const response = await app.gql(document, variables, { token });
            const codes = (response.errors ?? []).map((e) => e.extensions?.code);
            if (codes.includes('INTERNAL')) {
              throw new Error(`${field.name} answered INTERNAL for ${JSON.stringify(variables)}`);
            }
            if (codes.length > 0) expect(await snapshot()).toBe(before);
          }),
          { numRuns: RUNS_PER_OPERATION, seed: 20261124, endOnFailure: true },
        );
      }
    },
    240_000,
  );
});
