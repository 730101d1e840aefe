import { createHash } from 'node:crypto';
import { Role } from '@delibera/kernel';
import { signedInMember, staffToken } from '../factories';
import { proposalInDeliberation } from '../factories/proposals';
import { errorCode, GraphQLResponse, ok, startTestApp, TestApp } from './test-app';

const CELL = '{ key labelFr labelEn eligible voters turnout suppressed }';
/** A report's votes with every breakdown: 54 per vote, so 100 votes cost 5,402 and 50 cost 2,702. */
const REPORT_VOTES = `query ($first: Int) { participationReport {
  votes(first: $first) { edges { node {
    voteId titleFr titleEn closesAt status eligible voters turnout
    quorumRequired quorumMargin quorumMet outcome
    byRegion ${CELL} byCategory ${CELL} byCouncil ${CELL} byCollege ${CELL} byAgeBand ${CELL}
  } } } } }`;
const reportVotes = (first: number) =>
  REPORT_VOTES.replace('($first: Int) ', '').replace('$first', String(first));

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

  describe('cost: a list costs its fields once per item asked', () => {
    let reader: string;
    beforeAll(async () => {
      reader = await staffToken(app, [Role.Secretary]);
    });

    it('serves a report page within the limit', async () => {
      const page = ok(
        await app.gql<{ participationReport: { votes: { edges: unknown[] } } }>(
          reportVotes(50),
          {},
          { token: reader },
        ),
      );
      expect(page.participationReport.votes.edges).toEqual([]);
    });

    it('refuses 100 of them, saying the cost and the limit, in French and in English', async () => {
      const french = await app.gql(reportVotes(100), {}, { token: reader });
      expect(errorCode(french)).toBe('QUERY_TOO_COMPLEX');
      expect(french.errors?.[0].message).toBe(
        'Cette requête est trop volumineuse ou trop complexe : son coût estimé est de 5402, au-delà de la limite de 5000.',
      );
      const english = await app.gql(reportVotes(100), {}, { token: reader, locale: 'en-CA' });
      expect(errorCode(english)).toBe('QUERY_TOO_COMPLEX');
      expect(english.errors?.[0].message).toBe(
        'This request is too large or too complex: its estimated cost is 5402, over the limit of 5000.',
      );
    });

    it('counts a page size passed as a variable', async () => {
      expect(ok(await app.gql(REPORT_VOTES, { first: 50 }, { token: reader }))).toBeTruthy();
      const refused = await app.gql(REPORT_VOTES, { first: 100 }, { token: reader });
      expect(errorCode(refused)).toBe('QUERY_TOO_COMPLEX');
      expect(refused.errors?.[0].message).toContain('5402');
    });

    it('refuses variables that do not fit as bad input, and fragments too many to count', async () => {
      const bad = await app.gql(REPORT_VOTES, { first: 'many' }, { token: reader });
      expect(errorCode(bad)).toBe('BAD_USER_INPUT');
      // Three levels of 25 spreads: 15,625 fields from a few hundred tokens, within the depth limit.
      const fragments = [1, 2, 3].map(
        (level) => `fragment F${level} on Query { ${`...F${level - 1} `.repeat(25)}}`,
      );
      const expanding = `{ ...F3 } fragment F0 on Query { __typename } ${fragments.join(' ')}`;
      const expanded = await app.gql(expanding, {}, { token });
      expect(errorCode(expanded)).toBe('QUERY_TOO_COMPLEX');
      expect(expanded.errors?.[0].message).toContain('number of nodes');
    });

    it('still checks the variables of an operation costed once, and costs an @include condition on every request', async () => {
      // Casting is costed on its first request; later ones skip the cost but not the variables' checks.
      const cast = 'mutation ($input: CastBallotInput!) { castBallot(input: $input) { receipt } }';
      const ballot = (voteId: string) => ({ input: { voteId, ballot: { option: 'yes' } } });
      const unknownVote = ballot('00000000-0000-4000-8000-000000000000');
      expect(errorCode(await app.gql(cast, unknownVote, { token }))).toBe('VOTE_NOT_FOUND');
      expect(errorCode(await app.gql(cast, unknownVote, { token }))).toBe('VOTE_NOT_FOUND');
      expect(errorCode(await app.gql(cast, ballot('pas-un-uuid'), { token }))).toBe(
        'BAD_USER_INPUT',
      );
      // An @include condition changes the cost: it is counted with each request's variables.
      const conditional = `query ($all: Boolean!) { participationReport @include(if: $all) {
        votes(first: 100) { edges { node { voteId } } } } }`;
      ok(await app.gql(conditional, { all: false }, { token: reader }));
      ok(await app.gql(conditional, { all: true }, { token: reader }));
      const costly = REPORT_VOTES.replace(
        'participationReport {',
        'participationReport @include(if: $all) {',
      );
      const guarded = costly.replace('($first: Int)', '($first: Int, $all: Boolean!)');
      ok(await app.gql(guarded, { first: 100, all: false }, { token: reader }));
      expect(errorCode(await app.gql(guarded, { first: 100, all: true }, { token: reader }))).toBe(
        'QUERY_TOO_COMPLEX',
      );
    });

    it('refuses before any resolver runs', async () => {
      // A member may not read the register: had the resolver run, this would be FORBIDDEN.
      const response = await fetch(app.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ members(first: 5000) { totalCount } }' }),
      });
      expect(response.status).toBe(400); // the client's fault, as for the other limits
      const body = (await response.json()) as GraphQLResponse;
      expect(errorCode(body)).toBe('QUERY_TOO_COMPLEX');
      expect(body.errors?.[0].message).toContain('5001');
    });

    it('refuses a mutation whose answer costs too much, and nothing is written', async () => {
      const proposalId = await proposalInDeliberation(app);
      const post = `mutation ($input: PostArgumentInput!, $first: Int!) {
        postArgument(input: $input) { id replies(first: $first) { id replies(first: $first) { id } } } }`;
      const input = { proposalId, stance: 'For', body: 'Pour.' };
      const argumentCount = async () =>
        (
          await app.dataSource.query<{ n: number }[]>(
            'SELECT count(*)::int AS n FROM argument WHERE proposal_id = $1',
            [proposalId],
          )
        )[0].n;

      const refused = await app.gql(post, { input, first: 100 }, { token });
      expect(errorCode(refused)).toBe('QUERY_TOO_COMPLEX');
      expect(await argumentCount()).toBe(0);
      ok(await app.gql(post, { input, first: 10 }, { token }));
      expect(await argumentCount()).toBe(1);
    });
  });

  describe('automatic persisted queries (optional for clients)', () => {
    const post = (body: object) =>
      fetch(app.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      }).then((response) => response.json() as Promise<GraphQLResponse<{ me: { email: string } }>>);
    const persisted = (query: string) => ({
      persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') },
    });

    it('serves a query by its hash once the API has seen its text', async () => {
      const query = '{ me { email } }';
      const extensions = persisted(query);
      expect(errorCode(await post({ extensions }))).toBe('PERSISTED_QUERY_NOT_FOUND');
      expect(ok(await post({ query, extensions })).me.email).toContain('@');
      expect(ok(await post({ extensions })).me.email).toContain('@');
    });

    it('holds a query sent by its hash to the same limits', async () => {
      const query = `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: me { email }`).join(' ')} }`;
      const extensions = persisted(query);
      expect(errorCode(await post({ query, extensions }))).toBe('QUERY_TOO_COMPLEX');
      expect(errorCode(await post({ extensions }))).toBe('PERSISTED_QUERY_NOT_FOUND');
    });
  });
});
