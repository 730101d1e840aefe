import { signedInMember } from '../factories';
import { errorCode, ok, startTestApp, TestApp } from './test-app';

describe('GraphQL query limits (e2e)', () => {
  let app: TestApp;
  let token: string;

  beforeAll(async () => {
    app = await startTestApp();
    token = (await signedInMember(app)).token;
  });
  afterAll(() => app.close());

  it('serves an ordinary query', async () => {
    expect(
      ok(
        await app.gql<{ me: { email: string } }>(
          '{ me { email member { displayName } } }',
          {},
          { token },
        ),
      ).me.email,
    ).toContain('@');
  });

  it('refuses too many aliases', async () => {
    const aliases = Array.from({ length: 20 }, (_, i) => `a${i}: me { email }`).join(' ');
    const response = await app.gql(`{ ${aliases} }`, {}, { token, locale: 'en' });
    expect(errorCode(response)).toBe('QUERY_TOO_COMPLEX');
    expect(response.errors?.[0].message).toMatch(/^This request is too large or too complex/);
  });

  it('refuses a query nested too deeply', async () => {
    const nest = (levels: number) =>
      `{ __type(name: "Query") { ${'ofType { '.repeat(levels)}name${' }'.repeat(levels)} } }`;
    expect(ok(await app.gql(nest(6), {}, { token }))).toBeTruthy();
    const response = await app.gql(nest(12), {}, { token });
    expect(errorCode(response)).toBe('QUERY_TOO_COMPLEX');
    expect(response.errors?.[0].message).toMatch(
      /^Cette requête est trop volumineuse ou trop complexe/,
    );
  });

  it('refuses a request whose cost is too high, before any resolver runs', async () => {
    const response = await app.gql('{ members(first: 5000) { totalCount } }', {}, { token });
    expect(errorCode(response)).toBe('QUERY_TOO_COMPLEX'); // not FORBIDDEN: nothing was executed
    expect(response.errors?.[0].message).toContain('Query Cost limit of 5000 exceeded');
  });
});
