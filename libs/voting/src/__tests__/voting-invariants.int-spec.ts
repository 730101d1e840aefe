import { createHash, randomUUID } from 'node:crypto';
import { Role } from '@delibera/kernel';
import { signedInMember } from '../../../../test/factories';
import {
  allowVotesOfSeconds,
  castBallot,
  closeVote,
  openVote,
  scheduleVote,
  VoteView,
  votersIn,
  voteRows,
} from '../../../../test/factories/votes';
import { errorCode, ok, startTestApp, TestApp } from '../../../../test/e2e/test-app';
import { CloseVoteHandler } from '../jobs/close-vote.handler';
import { TallyVoteHandler } from '../jobs/tally-vote.handler';
import { UnlinkBallotsHandler } from '../jobs/unlink-ballots.handler';

const RESCHEDULE = `mutation ($input: RescheduleVoteInput!) { rescheduleVote(input: $input) { id version closesAt } }`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** DESIGN §6 invariants 1–6, driven through GraphQL and the job handlers (no in-process worker: the test runs the jobs). */
describe('voting invariants', () => {
  let app: TestApp;
  let secretary: string;

  beforeAll(async () => {
    app = await startTestApp({ RUN_WORKER_IN_PROCESS: 'false' });
    await allowVotesOfSeconds(app.dataSource);
    secretary = (await signedInMember(app, [Role.Secretary])).token;
  });
  afterAll(() => app.close());

  /** A secret yes/no vote of the board (trustees), open now. */
  async function boardVote(input: Record<string, unknown> = {}): Promise<VoteView> {
    const vote = await scheduleVote(app, secretary, {
      subjectType: 'Proposal',
      decisionType: 'OrdinaryResolution',
      electorateKind: 'Board',
      rules: { collegeWeighting: false },
      ...input,
    });
    return vote;
  }

  it('200 concurrent casts by the same voter leave one participation and one ballot', async () => {
    const [trustee] = await votersIn(app, 1);
    await app.dataSource.query(
      `UPDATE account SET roles = '{member,trustee}' WHERE member_id = $1`,
      [trustee.member.id],
    );
    const vote = await boardVote();
    await openVote(app, secretary, vote.id);
    const responses = await Promise.all(
      Array.from({ length: 200 }, () => castBallot(app, trustee.token, vote.id, { option: 'yes' })),
    );
    const accepted = responses.filter((r) => !r.errors);
    expect(accepted).toHaveLength(1);
    expect(new Set(responses.filter((r) => r.errors).map(errorCode))).toEqual(
      new Set(['ALREADY_VOTED']),
    );
    expect(await voteRows(app.dataSource, vote.id)).toEqual({
      participations: 1,
      ballots: 1,
      results: 0,
    });
  });

  it('ballots racing the close are counted or refused with VOTE_CLOSED, never lost nor counted after', async () => {
    const voters = await votersIn(app, 80);
    await app.dataSource.query(
      `UPDATE account SET roles = '{member,trustee}' WHERE member_id = ANY ($1::uuid[])`,
      [voters.map((v) => v.member.id)],
    );
    const vote = await boardVote({
      opensAt: new Date(Date.now() - 1000).toISOString(),
      closesAt: new Date(Date.now() + 1500).toISOString(),
    });
    await openVote(app, secretary, vote.id);
    const casts = voters.map(async (voter, i) => {
      await sleep(i * 35); // spread over ~2.8 s, across closesAt
      return castBallot(app, voter.token, vote.id, { option: i % 2 ? 'yes' : 'no' });
    });
    // The close job fires at closesAt while casts are in flight.
    await sleep(1500);
    const handler = app.app.get(CloseVoteHandler);
    const closing = handler.handle({ id: vote.id, version: vote.version });
    const responses = await Promise.all(casts);
    expect((await closing).closed).toBe(true);

    const accepted = responses.filter((r) => !r.errors);
    const refused = responses.filter((r) => r.errors);
    expect(accepted.length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);
    expect(new Set(refused.map(errorCode))).toEqual(new Set(['VOTE_CLOSED']));
    await app.app.get(TallyVoteHandler).handle({ id: vote.id });
    expect(await voteRows(app.dataSource, vote.id)).toEqual({
      participations: accepted.length,
      ballots: accepted.length,
      results: 1,
    });
    // Every accepted receipt is in the ballot box.
    const [{ found }] = await app.dataSource.query(
      `SELECT count(*)::int AS found FROM ballot WHERE vote_id = $1 AND receipt_hash = ANY ($2::text[])`,
      [
        vote.id,
        accepted.map((r) => createHash('sha256').update(r.data!.castBallot.receipt).digest('hex')),
      ],
    );
    expect(found).toBe(accepted.length);
  });

  it('cannot join a secret ballot to its voter: no linking column in the schema, nor in the rows', async () => {
    const columns = await app.dataSource.query(
      `SELECT column_name, data_type, column_default FROM information_schema.columns
        WHERE table_name = 'ballot' ORDER BY column_name`,
    );
    expect(columns.map((c: { column_name: string }) => c.column_name)).toEqual([
      'college_id',
      'content',
      'id',
      'receipt_hash',
      'vote_id',
    ]);
    // No timestamp, no sequence, no generated id that would order ballots by arrival.
    expect(
      columns.filter((c: { data_type: string }) => /time|date|serial/.test(c.data_type)),
    ).toEqual([]);
    expect(
      columns.filter((c: { column_default: string | null }) => c.column_default !== null),
    ).toEqual([]);
    const [{ sequences }] = await app.dataSource.query(
      `SELECT count(*)::int AS sequences FROM pg_depend d JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
        WHERE d.refobjid = 'ballot'::regclass`,
    );
    expect(sequences).toBe(0);
    // No key leads to or from a ballot (participation.ballot_id is null for secret votes, by CHECK).
    const references = await app.dataSource.query(
      `SELECT conname FROM pg_constraint
        WHERE contype = 'f' AND (confrelid = 'ballot'::regclass OR conrelid = 'ballot'::regclass)`,
    );
    expect(references).toEqual([]);

    const voters = await votersIn(app, 6);
    await app.dataSource.query(
      `UPDATE account SET roles = '{member,trustee}' WHERE member_id = ANY ($1::uuid[])`,
      [voters.map((v) => v.member.id)],
    );
    const vote = await boardVote({ rules: { secrecy: 'Secret', collegeWeighting: false } });
    await openVote(app, secretary, vote.id);
    // Half of them with a client request id: what a retry needs is kept on the participation.
    const receipts: string[] = [];
    for (const [i, voter] of voters.entries()) {
      const key = i % 2 ? randomUUID() : undefined;
      const cast = ok(
        await castBallot(app, voter.token, vote.id, { option: 'yes' }, undefined, key),
      );
      receipts.push(cast.castBallot.receipt);
    }
    // Participation holds who voted and, for retries, a tag and a sealed answer: nothing a ballot also holds.
    const participationColumns = await app.dataSource.query(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'participation' ORDER BY column_name`,
    );
    expect(participationColumns.map((c: { column_name: string }) => c.column_name)).toEqual([
      'ballot_id',
      'cast_at',
      'cast_by_member_id',
      'member_id',
      'retry_tag',
      'sealed_receipt',
      'secret',
      'vote_id',
    ]);
    const [{ sealed, leaking }] = await app.dataSource.query(
      `SELECT count(*) FILTER (WHERE p.sealed_receipt IS NOT NULL)::int AS sealed,
              count(*) FILTER (WHERE EXISTS (
                SELECT 1 FROM ballot b, unnest($2::text[]) AS r(receipt)
                 WHERE b.vote_id = p.vote_id
                   AND (position(decode(b.receipt_hash, 'hex') IN p.sealed_receipt) > 0
                     OR position(convert_to(b.receipt_hash, 'UTF8') IN p.sealed_receipt) > 0
                     OR position(convert_to(r.receipt, 'UTF8') IN p.sealed_receipt) > 0
                     OR position(decode(r.receipt, 'hex') IN p.sealed_receipt) > 0
                     OR p.retry_tag = decode(b.receipt_hash, 'hex')
                     OR position(uuid_send(b.id) IN p.sealed_receipt) > 0)))::int AS leaking
         FROM participation p WHERE p.vote_id = $1`,
      [vote.id, receipts],
    );
    expect(sealed).toBe(3);
    expect(leaking).toBe(0);
    await closeVote(app, secretary, vote.id);

    const [rows] = await app.dataSource.query(
      `SELECT count(*) FILTER (WHERE ballot_id IS NOT NULL)::int AS linked FROM participation WHERE vote_id = $1`,
      [vote.id],
    );
    expect(rows.linked).toBe(0);
    const ballots = await app.dataSource.query(
      `SELECT college_id, xmin::text AS xmin FROM ballot WHERE vote_id = $1`,
      [vote.id],
    );
    expect(ballots.every((b: { college_id: string | null }) => b.college_id === null)).toBe(true);
    // The tally rewrote the ballots in one transaction: no inserting transaction (xmin) is shared with a participation.
    expect(new Set(ballots.map((b: { xmin: string }) => b.xmin)).size).toBe(1);
    const [{ shared }] = await app.dataSource.query(
      `SELECT count(*)::int AS shared FROM participation p JOIN ballot b ON b.xmin = p.xmin WHERE p.vote_id = $1`,
      [vote.id],
    );
    expect(shared).toBe(0);
  });

  it('grantor cannot vote; the proxy holder casts one ballot per entry held', async () => {
    const [grantor, holder] = await votersIn(app, 2);
    await app.dataSource.query(
      `UPDATE account SET roles = '{member,trustee}' WHERE member_id = ANY ($1::uuid[])`,
      [[grantor.member.id, holder.member.id]],
    );
    const vote = await boardVote();
    await openVote(app, secretary, vote.id);
    // As an assembly electorate would freeze a proxy: the holder casts the grantor's entry.
    await app.dataSource.query(
      `UPDATE vote_roll SET cast_by_member_id = $2 WHERE vote_id = $3 AND member_id = $1`,
      [grantor.member.id, holder.member.id, vote.id],
    );
    expect(errorCode(await castBallot(app, grantor.token, vote.id, { option: 'no' }))).toBe(
      'NOT_IN_ELECTORATE',
    );
    ok(await castBallot(app, holder.token, vote.id, { option: 'yes' }, grantor.member.id));
    ok(await castBallot(app, holder.token, vote.id, { option: 'yes' }));
    expect(
      errorCode(await castBallot(app, holder.token, vote.id, { option: 'yes' }, grantor.member.id)),
    ).toBe('ALREADY_VOTED');
    expect(await voteRows(app.dataSource, vote.id)).toEqual({
      participations: 2,
      ballots: 2,
      results: 0,
    });
    const [{ castBy }] = await app.dataSource.query(
      `SELECT cast_by_member_id AS "castBy" FROM participation WHERE vote_id = $1 AND member_id = $2`,
      [vote.id, grantor.member.id],
    );
    expect(castBy).toBe(holder.member.id);
  });

  it('a close job run twice, and its tally run twice at once, write one result that a recount reproduces', async () => {
    const voters = await votersIn(app, 3);
    await app.dataSource.query(
      `UPDATE account SET roles = '{member,trustee}' WHERE member_id = ANY ($1::uuid[])`,
      [voters.map((v) => v.member.id)],
    );
    const vote = await boardVote({
      opensAt: new Date(Date.now() - 1000).toISOString(),
      closesAt: new Date(Date.now() + 800).toISOString(),
    });
    await openVote(app, secretary, vote.id);
    for (const voter of voters) ok(await castBallot(app, voter.token, vote.id, { option: 'yes' }));
    await sleep(900);
    const close = app.app.get(CloseVoteHandler);
    const results = await Promise.all([
      close.handle({ id: vote.id, version: vote.version }),
      close.handle({ id: vote.id, version: vote.version }),
    ]);
    expect(results.map((r) => r.closed).sort()).toEqual([false, true]);
    const tally = app.app.get(TallyVoteHandler);
    const hashes = await Promise.all([
      tally.handle({ id: vote.id }),
      tally.handle({ id: vote.id }),
    ]);
    expect(hashes[0].resultHash).toBe(hashes[1].resultHash);
    expect(await voteRows(app.dataSource, vote.id)).toEqual({
      participations: 3,
      ballots: 3,
      results: 1,
    });
    const [{ tallied }] = await app.dataSource.query(
      `SELECT count(*)::int AS tallied FROM audit_event WHERE action = 'vote.tallied' AND entity_id = $1`,
      [vote.id],
    );
    expect(tallied).toBe(1);
    const recount = ok(
      await app.gql<{ recount: { matches: boolean; storedHash: string } }>(
        'mutation ($voteId: UUID!) { recount(voteId: $voteId) { matches storedHash } }',
        { voteId: vote.id },
        { token: secretary },
      ),
    ).recount;
    expect(recount).toEqual({ matches: true, storedHash: hashes[0].resultHash });
  });

  /** Moves a vote's closesAt to just ahead and waits until it has passed. */
  async function dueSoon(voteId: string): Promise<number> {
    const moved = ok(
      await app.gql<{ rescheduleVote: { version: number } }>(
        RESCHEDULE,
        { input: { voteId, closesAt: new Date(Date.now() + 700).toISOString() } },
        { token: secretary },
      ),
    ).rescheduleVote;
    return moved.version;
  }

  it('one close job sweeps every due vote, one tally job counts several; their own jobs then do nothing', async () => {
    const votes = [await boardVote(), await boardVote(), await boardVote()];
    const later = await boardVote();
    for (const vote of [...votes, later]) await openVote(app, secretary, vote.id);
    const versions = await Promise.all(votes.map((vote) => dueSoon(vote.id)));
    await sleep(800);
    const close = app.app.get(CloseVoteHandler);
    expect(await close.handle({ id: votes[0].id, version: versions[0] })).toEqual({ closed: true });
    const statuses = await app.dataSource.query(
      `SELECT id, status FROM vote WHERE id = ANY($1::uuid[])`,
      [[...votes, later].map((v) => v.id)],
    );
    expect(
      Object.fromEntries(statuses.map((r: { id: string; status: string }) => [r.id, r.status])),
    ).toEqual({
      [votes[0].id]: 'closed',
      [votes[1].id]: 'closed',
      [votes[2].id]: 'closed',
      [later.id]: 'open',
    });
    for (const [i, vote] of votes.entries())
      expect(await close.handle({ id: vote.id, version: versions[i] })).toEqual({ closed: false });
    const [{ closings }] = await app.dataSource.query(
      `SELECT count(*)::int AS closings FROM audit_event WHERE action = 'vote.closed' AND entity_id = ANY($1)`,
      [votes.map((v) => v.id)],
    );
    expect(closings).toBe(3);

    // One tally job counts the other closed votes with its own; their jobs find the same results.
    const tally = app.app.get(TallyVoteHandler);
    await tally.handle({ id: votes[0].id });
    const [{ tallied }] = await app.dataSource.query(
      `SELECT count(*)::int AS tallied FROM vote WHERE id = ANY($1::uuid[]) AND status = 'tallied'`,
      [votes.map((v) => v.id)],
    );
    expect(tallied).toBe(3);
    for (const vote of votes) {
      const { resultHash } = await tally.handle({ id: vote.id });
      const [stored] = await app.dataSource.query(
        'SELECT hash FROM vote_result WHERE vote_id = $1',
        [vote.id],
      );
      expect(resultHash).toBe(stored.hash);
    }
    const [{ tallies }] = await app.dataSource.query(
      `SELECT count(*)::int AS tallies FROM audit_event WHERE action = 'vote.tallied' AND entity_id = ANY($1)`,
      [votes.map((v) => v.id)],
    );
    expect(tallies).toBe(3);
  });

  it('a secret vote publishes its ballots, receipts and participants only once tallied and unlinked', async () => {
    const [trustee] = await votersIn(app, 1);
    await app.dataSource.query(
      `UPDATE account SET roles = '{member,trustee}' WHERE member_id = $1`,
      [trustee.member.id],
    );
    const vote = await boardVote({ rules: { secrecy: 'Secret', collegeWeighting: false } });
    await openVote(app, secretary, vote.id);
    ok(await castBallot(app, trustee.token, vote.id, { option: 'yes' }));
    const version = await dueSoon(vote.id);
    await sleep(800);
    expect(await app.app.get(CloseVoteHandler).handle({ id: vote.id, version })).toEqual({
      closed: true,
    });
    const fields = ['voteBallots', 'voteReceipts', 'voteParticipants'];
    const published = (field: string) =>
      app.gql<Record<string, { totalCount: number }>>(
        `query ($voteId: UUID!) { ${field}(voteId: $voteId) { totalCount } }`,
        { voteId: vote.id },
        { token: secretary },
      );
    for (const field of fields) expect(errorCode(await published(field))).toBe('VOTE_NOT_CLOSED');
    await app.app.get(TallyVoteHandler).handle({ id: vote.id });
    // The result is out; the ballots still lie in casting order until they are rewritten.
    for (const field of fields)
      expect(errorCode(await published(field))).toBe('BALLOTS_NOT_PUBLISHED');
    const order = () =>
      app.dataSource.query(`SELECT xmin::text, ctid::text FROM ballot WHERE vote_id = $1`, [
        vote.id,
      ]);
    const asCast = await order();
    const unlink = app.app.get(UnlinkBallotsHandler);
    expect(await unlink.handle({ id: vote.id })).toEqual({ unlinked: true });
    expect(await unlink.handle({ id: vote.id })).toEqual({ unlinked: false });
    // Rewritten by another transaction, elsewhere in the table: nothing left of the cast's trail.
    const [rewritten] = await order();
    expect(rewritten.xmin).not.toBe(asCast[0].xmin);
    expect(rewritten.ctid).not.toBe(asCast[0].ctid);
    for (const field of fields) expect(ok(await published(field))[field].totalCount).toBe(1);
  });

  it('a stale close job (an older version) does nothing; the current one closes', async () => {
    const vote = await boardVote();
    await openVote(app, secretary, vote.id);
    const version = await dueSoon(vote.id);
    expect(version).toBe(vote.version + 1);
    await sleep(800);
    const close = app.app.get(CloseVoteHandler);
    expect(await close.handle({ id: vote.id, version: vote.version })).toEqual({ closed: false });
    const [{ status }] = await app.dataSource.query('SELECT status FROM vote WHERE id = $1', [
      vote.id,
    ]);
    expect(status).toBe('open');
    expect(await close.handle({ id: vote.id, version })).toEqual({ closed: true });
  });
});
