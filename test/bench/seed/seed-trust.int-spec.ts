import { Role, TokenService } from '@delibera/kernel';
import { ok, startTestApp, TestApp } from '../../e2e/test-app';
import { SEED_SCALES } from './seed-scales';
import {
  SEED_EMAIL_DOMAIN,
  SEED_PASSWORD,
  seedMemberId,
  seedTrust,
  SeedReport,
} from './seed-trust';

/**
 * The seeded trust passes the app's own checks: accounts sign in, the audit
 * chain verifies, every result recounts to the same bytes, the counts and
 * secrecy invariants hold, and an open vote takes a ballot.
 */
describe('seedTrust (small scale)', () => {
  let app: TestApp;
  let report: SeedReport;

  beforeAll(async () => {
    app = await startTestApp();
    report = await seedTrust(app.dataSource, SEED_SCALES.small, { seed: 'spec' });
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  it('fills every table it reports, deterministically keyed by the seed', async () => {
    expect(report.counts.member).toBe(SEED_SCALES.small.members);
    expect(report.counts.vote).toBe(SEED_SCALES.small.votes);
    expect(report.counts.ballot).toBeGreaterThan(10_000);
    const [first] = await app.dataSource.query(`SELECT id FROM member WHERE email = $1`, [
      `membre1@${SEED_EMAIL_DOMAIN}`,
    ]);
    expect(first.id).toBe(seedMemberId('spec', 1));
    const phases = await app.dataSource.query(`SELECT DISTINCT status::text AS s FROM proposal`);
    expect(phases.map((p: { s: string }) => p.s).sort()).toEqual(
      expect.arrayContaining([
        'draft',
        'submitted',
        'support',
        'consultation',
        'deliberation',
        'voting',
      ]),
    );
    const methods = await app.dataSource.query(`SELECT DISTINCT method::text AS m FROM vote`);
    expect(methods.map((m: { m: string }) => m.m).sort()).toEqual([
      'approval',
      'choice',
      'irv',
      'majority_judgment',
      'ranked_pairs',
      'schulze',
      'stv',
    ]);
  });

  it('signs the seeded secretary in with the seed password, and the audit chain verifies', async () => {
    const login = ok(
      await app.gql<{ login: { accessToken: string } }>(
        `mutation ($input: LoginInput!) { login(input: $input) { accessToken } }`,
        { input: { email: report.staff.secretary.email, password: SEED_PASSWORD } },
      ),
    );
    const verify = ok(
      await app.gql<{
        auditVerify: { valid: boolean; checked: number; firstBrokenSeq: number | null };
      }>(
        `{ auditVerify { valid checked firstBrokenSeq } }`,
        {},
        { token: login.login.accessToken },
      ),
    );
    expect(verify.auditVerify).toEqual({
      valid: true,
      checked: report.counts.audit_event,
      firstBrokenSeq: null,
    });
    // Each opened vote's roll is anchored by its own vote.opened event, whose head it publishes.
    const [anchors] = await app.dataSource.query(
      `SELECT count(*) FILTER (WHERE e.hash <> v.roll_audit_hash OR e.prev_hash <> v.open_audit_head
                                  OR e.seq - 1 <> v.open_audit_seq)::int AS wrong, count(*)::int AS votes
         FROM vote v JOIN audit_event e ON e.entity_id = v.id::text AND e.action = 'vote.opened'`,
    );
    expect(anchors.wrong).toBe(0);
    expect(anchors.votes).toBeGreaterThan(0);
  });

  it('keeps participations = ballots = receipts, and secret ballots unlinked', async () => {
    const [counts] = await app.dataSource.query(
      `SELECT count(*) FILTER (WHERE p <> b OR b <> r)::int AS mismatched
         FROM (SELECT v.id, (SELECT count(*) FROM participation p WHERE p.vote_id = v.id) AS p,
                      (SELECT count(*) FROM ballot b WHERE b.vote_id = v.id) AS b,
                      (SELECT count(DISTINCT receipt_hash) FROM ballot b WHERE b.vote_id = v.id) AS r
                 FROM vote v) c`,
    );
    expect(counts.mismatched).toBe(0);
    const [secret] = await app.dataSource.query(
      `SELECT count(*) FILTER (WHERE p.ballot_id IS NOT NULL)::int AS linked,
              count(*) FILTER (WHERE b.id IS NOT NULL)::int AS joinable
         FROM participation p LEFT JOIN ballot b ON b.id = p.ballot_id WHERE p.secret`,
    );
    expect(secret).toEqual({ linked: 0, joinable: 0 });
  });

  it('recounts every tallied vote to the published result', async () => {
    const token = app.app.get(TokenService).signAccessToken({
      accountId: report.staff.secretary.id,
      memberId: null,
      roles: [Role.Secretary],
    });
    const tallied: { id: string }[] = await app.dataSource.query(
      `SELECT id FROM vote WHERE status = 'tallied' ORDER BY id`,
    );
    expect(tallied.length).toBeGreaterThan(20);
    for (const { id } of tallied) {
      const data = ok(
        await app.gql<{ recount: { matches: boolean } }>(
          `mutation ($voteId: UUID!) { recount(voteId: $voteId) { matches } }`,
          { voteId: id },
          { token },
        ),
      );
      expect({ id, matches: data.recount.matches }).toEqual({ id, matches: true });
    }
  });

  it('lets a member of an open vote cast a ballot', async () => {
    const [entry] = await app.dataSource.query(
      `SELECT r.vote_id, r.member_id FROM vote v JOIN vote_roll r ON r.vote_id = v.id
        WHERE v.status = 'open' AND v.method = 'choice' AND v.choice_kind = 'motion'
          AND NOT EXISTS (SELECT 1 FROM participation p WHERE p.vote_id = v.id AND p.member_id = r.member_id)
        ORDER BY r.member_id LIMIT 1`,
    );
    const token = app.app.get(TokenService).signAccessToken({
      accountId: entry.member_id,
      memberId: entry.member_id,
      roles: [Role.Member],
    });
    const data = ok(
      await app.gql<{ castBallot: { receipt: string } }>(
        `mutation ($input: CastBallotInput!) { castBallot(input: $input) { receipt } }`,
        { input: { voteId: entry.vote_id, ballot: { option: 'yes' } } },
        { token },
      ),
    );
    expect(data.castBallot.receipt).toMatch(/\S{16,}/);
  });
});
