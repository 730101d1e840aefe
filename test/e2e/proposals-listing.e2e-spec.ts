import { Logger, QueryRunner } from 'typeorm';
import { Member } from '@delibera/membership';
import { createAccount, createMember, signIn } from '../factories';
import { ok, startTestApp, TestApp } from './test-app';

const PAGE = `query ($first: Int, $after: String) {
  proposals(first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node {
      id title author { displayName } cosignatureCount
      consultations { status council { code } opinion { position } }
      decisionRights { decides consulted { councilCode status } }
    } }
  }
}`;

interface Page {
  proposals: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: {
      node: {
        id: string;
        author: { displayName: string } | null;
        consultations: {
          status: string;
          council: { code: string };
          opinion: { position: string } | null;
        }[];
      };
    }[];
  };
}

const SEEDED = 10_000;

describe('listing proposals (e2e)', () => {
  let app: TestApp;
  let token: string;
  let authors: Member[];
  const queries: string[] = [];

  beforeAll(async () => {
    // No reconciler tick during the test: only the listing's own queries are counted.
    app = await startTestApp({ RECONCILE_INTERVAL_SECONDS: '3600' });
    const viewer = await createAccount(app.dataSource);
    token = await signIn(app, viewer.email);
    authors = [];
    for (let i = 0; i < 20; i++) authors.push(await createMember(app.dataSource));
    const [{ id: charterId }] = await app.dataSource.query(
      'SELECT id FROM charter_version WHERE version = 1',
    );
    // 10,000 proposals in consultation, each consulting three councils; the youth council answered every one.
    await app.dataSource.query(
      `INSERT INTO proposal (decision_type, origin, status, author_member_id, created_by_account_id, charter_version_id,
         title, body, submitted_at, consultation_ends_at, deliberation_ends_at, voting_opens_at, voting_closes_at, created_at)
       SELECT 'contribution_scale', 'board', 'consultation', ($1::uuid[])[1 + g % 20], $2, $3,
         'Proposition ' || g, 'Texte ' || g, now(), now() + interval '21 days', now() + interval '35 days',
         now() + interval '35 days', now() + interval '42 days', now() - g * interval '1 millisecond'
       FROM generate_series(1, ${SEEDED}) g`,
      [authors.map((a) => a.id), viewer.id, charterId],
    );
    await app.dataSource.query(
      `INSERT INTO proposal_version (proposal_id, version, title, body, edited_by_account_id, note)
       SELECT id, 1, title, body, created_by_account_id, 'initial' FROM proposal`,
    );
    await app.dataSource.query(
      `INSERT INTO consultation_request (proposal_id, council_id, status, due_at)
       SELECT p.id, c.id, 'requested', p.consultation_ends_at FROM proposal p CROSS JOIN council c
       WHERE c.code IN ('youth', 'seniors', 'artists')`,
    );
    await app.dataSource.query(
      `WITH opinion AS (
         INSERT INTO council_opinion (consultation_id, council_id, drafted_by_member_id, position, text, status,
           votes_for, votes_against, votes_abstain, active_members, recorded_by_account_id, adopted_at, published_at)
         SELECT r.id, r.council_id, $1, 'favourable', 'Avis favorable', 'published', 2, 0, 0, 3, $2, now(), now()
         FROM consultation_request r JOIN council c ON c.id = r.council_id WHERE c.code = 'youth'
         RETURNING id, consultation_id)
       UPDATE consultation_request r SET status = 'answered', opinion_id = opinion.id, answered_at = now()
       FROM opinion WHERE r.id = opinion.consultation_id`,
      [authors[0].id, viewer.id],
    );

    // As autovacuum would after a bulk load: fresh statistics for the planner.
    await app.dataSource.query('ANALYZE');

    // Count every SQL statement the API sends through TypeORM.
    const logger: Logger = app.dataSource.logger;
    const logQuery = logger.logQuery.bind(logger);
    logger.logQuery = (query: string, parameters?: unknown[], runner?: QueryRunner) => {
      queries.push(query);
      return logQuery(query, parameters, runner);
    };
  });
  afterAll(() => app.close());

  async function countedPage(
    variables: Record<string, unknown>,
  ): Promise<{ page: Page; sql: number }> {
    const start = queries.length;
    const page = ok(await app.gql<Page>(PAGE, variables, { token }));
    return { page, sql: queries.length - start };
  }

  it('lists 10,000 proposals with authors, councils and opinions in a bounded number of queries per page', async () => {
    // Walk every page with ids only: the keyset cursor reaches each proposal exactly once.
    const cursors: (string | null)[] = [];
    const ids = new Set<string>();
    let after: string | null = null;
    do {
      cursors.push(after);
      const page: Page = ok(
        await app.gql<Page>(
          `query ($after: String) { proposals(first: 100, after: $after) {
             pageInfo { hasNextPage endCursor } edges { node { id } } } }`,
          { after },
          { token },
        ),
      );
      for (const { node } of page.proposals.edges) ids.add(node.id);
      after = page.proposals.pageInfo.hasNextPage ? page.proposals.pageInfo.endCursor : null;
    } while (after);
    expect(ids.size).toBe(SEEDED);
    expect(cursors).toHaveLength(100);

    // With everything hung on each proposal, a page of 100 costs what a page of 5 costs:
    // one query per kind of field, not one per row — at the start, the middle and the end.
    const small = await countedPage({ first: 5 });
    expect(small.page.proposals.totalCount).toBe(SEEDED);
    for (const cursor of [cursors[0], cursors[50], cursors[99]]) {
      const { page, sql } = await countedPage({ first: 100, after: cursor });
      expect(page.proposals.edges).toHaveLength(100);
      for (const { node } of page.proposals.edges) {
        expect(node.author?.displayName).toMatch(/^Membre /);
        expect(node.consultations.map((c) => c.council.code).sort()).toEqual([
          'artists',
          'seniors',
          'youth',
        ]);
        expect(node.consultations.find((c) => c.council.code === 'youth')?.opinion).toEqual({
          position: 'Favourable',
        });
      }
      // (DataLoader batches per tick: a field reached in two ticks may cost one more query.)
      expect(sql).toBeLessThanOrEqual(small.sql + 2);
      expect(sql).toBeLessThanOrEqual(15);
    }
  }, 120_000);

  it('searches title and body in French and in English, and filters by status, type, council and author', async () => {
    const author = authors[3];
    const [{ id: accountId }] = await app.dataSource.query('SELECT id FROM account LIMIT 1');
    await app.dataSource.query(
      `INSERT INTO proposal (decision_type, origin, status, author_member_id, created_by_account_id, title, body) VALUES
         ('budget', 'board', 'draft', NULL, $1, 'Soutien aux municipalités rurales', 'Les bibliothèques régionales recevront un fonds.'),
         ('budget', 'board', 'draft', NULL, $1, 'Rural libraries', 'Municipalities contributing to the fund are listed.')`,
      [accountId],
    );
    // Drafts are only visible to their author: submit them for the search.
    await app.dataSource.query(
      `UPDATE proposal SET status = 'deliberation', submitted_at = now(), charter_version_id = (SELECT id FROM charter_version WHERE version = 1),
         author_member_id = $1 WHERE decision_type = 'budget'`,
      [author.id],
    );
    const search = async (text: string, extra = '') =>
      ok(
        await app.gql<{ proposals: { totalCount: number; edges: { node: { title: string } }[] } }>(
          `query ($text: String) { proposals(search: $text ${extra}) { totalCount edges { node { title } } } }`,
          { text },
          { token },
        ),
      ).proposals;
    // French stemming: "municipalité" finds "municipalités"; English stemming: "contribute" finds "contributing".
    expect((await search('municipalité')).edges.map((e) => e.node.title)).toContain(
      'Soutien aux municipalités rurales',
    );
    expect((await search('bibliothèque régionale')).totalCount).toBe(1);
    expect((await search('contribute')).edges.map((e) => e.node.title)).toEqual([
      'Rural libraries',
    ]);
    expect((await search('library')).edges.map((e) => e.node.title)).toEqual(['Rural libraries']);
    expect((await search('municipalités', ', status: Consultation')).totalCount).toBe(0);
    expect((await search('fonds', ', decisionType: Budget')).totalCount).toBe(1);

    const filtered = async (args: string) =>
      ok(
        await app.gql<{ proposals: { totalCount: number } }>(
          `{ proposals(${args}) { totalCount } }`,
          {},
          { token },
        ),
      ).proposals.totalCount;
    const [{ id: youthId }] = await app.dataSource.query(
      `SELECT id FROM council WHERE code = 'youth'`,
    );
    expect(await filtered(`councilId: "${youthId}"`)).toBe(SEEDED);
    expect(await filtered(`decisionType: Budget`)).toBe(2);
    expect(await filtered(`authorMemberId: "${author.id}"`)).toBe(SEEDED / 20 + 2);
    expect(await filtered(`status: Deliberation`)).toBe(2);
  });
});
