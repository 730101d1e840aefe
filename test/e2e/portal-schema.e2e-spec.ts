import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildClientSchema,
  buildSchema,
  getIntrospectionQuery,
  IntrospectionQuery,
  lexicographicSortSchema,
  printSchema,
} from 'graphql';
import { signedInMember } from '../factories';
import { ok, startTestApp, TestApp } from './test-app';

/**
 * The portal is typed against `apps/web/schema.graphql`, committed so it builds
 * without a server. This keeps that file equal to what the API really serves:
 * an API change without `npm run web:codegen` fails here, not in a member's browser.
 */
describe('portal schema (e2e)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('is the schema the API serves', async () => {
    const { token } = await signedInMember(app);
    const live = ok(
      await app.gql<IntrospectionQuery>(
        getIntrospectionQuery({ specifiedByUrl: true }),
        {},
        { token },
      ),
    );
    const committed = readFileSync(join(__dirname, '../../apps/web/schema.graphql'), 'utf8');
    const print = (schema: Parameters<typeof lexicographicSortSchema>[0]) =>
      printSchema(lexicographicSortSchema(schema));
    expect(print(buildSchema(committed))).toBe(print(buildClientSchema(live)));
  });
});
