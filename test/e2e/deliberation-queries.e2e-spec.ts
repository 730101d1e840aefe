import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { createAccount, createMember, signedInMember } from '../factories';
import { proposalInDeliberation } from '../factories/proposals';
import { ok, startTestApp, TestApp } from './test-app';

// Page sizes as variables, as clients send them.
const THREAD = `query ($proposalId: UUID!, $first: Int!, $replies: Int!) {
  proposalThread(proposalId: $proposalId) {
    counts { for against }
    arguments(first: $first) {
      totalCount
      edges { node {
        id stance body bodyHtml hidden
        author { displayName }
        replyCount endorsementCount endorsedByMe myOpenFlags
        revisions { revision }
        replies(first: $replies) {
          id body author { displayName } replyCount endorsementCount endorsedByMe myOpenFlags
        }
      } }
    }
  } }`;

/**
 * Listing a thread must cost a fixed number of SQL queries however many
 * arguments, replies, authors and endorsements it shows: every per-row field
 * goes through a request-scoped DataLoader.
 */
describe('deliberation listing cost (e2e)', () => {
  let app: TestApp;

  beforeAll(async () => {
    // 100 arguments with 10 replies each is over the default cost limit (about 9,700); what is
    // measured here is the number of SQL queries, whatever the limit.
    app = await startTestApp({ MAX_QUERY_COST: '20000' });
  });
  afterAll(() => app.close());

  /** A proposal in deliberation with `topLevel` arguments, each with `repliesEach` replies and endorsements. */
  async function thread(topLevel: number, repliesEach: number): Promise<string> {
    const proposalId = await proposalInDeliberation(app);
    const authors = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const member = await createMember(app.dataSource);
        return { member, account: await createAccount(app.dataSource, { member }) };
      }),
    );
    const memberIds = authors.map((a) => a.member.id);
    const endorsers = await Promise.all([1, 2, 3].map(() => createMember(app.dataSource)));
    const accountIds = authors.map((a) => a.account.id);
    // Fixture rows in bulk (plain SQL): what is measured is the read, not the writes.
    await app.dataSource.query(
      `INSERT INTO argument (proposal_id, parent_id, depth, stance, body, author_member_id, author_account_id, created_at)
       SELECT $1, NULL, 0, (ARRAY['for','against','question','information'])[1 + i % 4]::argument_stance,
              'Argument ' || i, ($2::uuid[])[1 + i % 20], ($3::uuid[])[1 + i % 20],
              now() - make_interval(secs => $4 - i)
       FROM generate_series(1, $4) AS i`,
      [proposalId, memberIds, accountIds, topLevel],
    );
    await app.dataSource.query(
      `INSERT INTO argument (proposal_id, parent_id, depth, stance, body, author_member_id, author_account_id)
       SELECT a.proposal_id, a.id, 1, NULL, 'Réponse ' || r, ($2::uuid[])[1 + r % 20], ($3::uuid[])[1 + r % 20]
       FROM argument a, generate_series(1, $4) AS r
       WHERE a.proposal_id = $1`,
      [proposalId, memberIds, accountIds, repliesEach],
    );
    await app.dataSource.query(
      `INSERT INTO argument_revision (argument_id, revision, body, edited_by_account_id)
       SELECT id, 1, body, author_account_id FROM argument WHERE proposal_id = $1`,
      [proposalId],
    );
    await app.dataSource.query(
      `INSERT INTO argument_endorsement (argument_id, member_id)
       SELECT a.id, m FROM argument a, unnest($2::uuid[]) AS m
       WHERE a.proposal_id = $1 AND a.parent_id IS NULL`,
      [proposalId, endorsers.map((m) => m.id)],
    );
    return proposalId;
  }

  async function queriesToList(proposalId: string, token: string) {
    const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    try {
      const data = ok(
        await app.gql<{
          proposalThread: {
            arguments: {
              totalCount: number;
              edges: { node: { replies: unknown[]; endorsementCount: number } }[];
            };
          };
        }>(THREAD, { proposalId, first: 100, replies: 10 }, { token }),
      );
      return { queries: spy.mock.calls.length, data: data.proposalThread };
    } finally {
      spy.mockRestore();
    }
  }

  it('lists 500 arguments with a bounded number of SQL queries, the same as for 5', async () => {
    const reader = await signedInMember(app);
    const small = await queriesToList(await thread(1, 4), reader.token);
    const large = await queriesToList(await thread(100, 4), reader.token);

    expect(small.data.arguments.totalCount).toBe(1);
    expect(large.data.arguments.totalCount).toBe(100);
    expect(large.data.arguments.edges).toHaveLength(100);
    expect(large.data.arguments.edges.every((e) => e.node.replies.length === 4)).toBe(true);
    expect(large.data.arguments.edges.every((e) => e.node.endorsementCount === 3)).toBe(true);
    // A hundred times the rows, no more queries (authors already loaded can even save one).
    expect(large.queries).toBeLessThanOrEqual(small.queries);
    expect(large.queries).toBeLessThanOrEqual(20);
  });
});
