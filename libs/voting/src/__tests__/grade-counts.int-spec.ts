import { randomUUID } from 'node:crypto';
import { Role } from '@delibera/kernel';
import { signedInMember } from '../../../../test/factories';
import {
  allowVotesOfSeconds,
  castBallot,
  openVote,
  scheduleVote,
  votersIn,
} from '../../../../test/factories/votes';
import { ok, startTestApp, TestApp } from '../../../../test/e2e/test-app';
import { GRADE_JUDGES_SQL, GRADE_ROWS_SQL, GROUPED_BALLOTS_SQL } from '../ballots/grade-counts.sql';
import { BallotGroup, countVote, JudgedGroup } from '../ballots/vote-count';
import { CloseVoteHandler } from '../jobs/close-vote.handler';
import { TallyVoteHandler } from '../jobs/tally-vote.handler';
import { Vote } from '../vote.entity';
import { VoteResult } from '../vote-result.entity';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const CANDIDATES = ['ana', 'ben', 'cleo'];
const GRADES = ['excellent', 'good', 'fair', 'poor'];

/** Majority judgment ballots reach the tally added up by PostgreSQL: the same result as reading them one by one. */
describe('majority judgment counted from grade counts', () => {
  let app: TestApp;
  let secretary: string;

  beforeAll(async () => {
    app = await startTestApp({ RUN_WORKER_IN_PROCESS: 'false' });
    await allowVotesOfSeconds(app.dataSource);
    secretary = (await signedInMember(app, [Role.Secretary])).token;
  });
  afterAll(() => app.close());

  /** The count input the old way: every ballot grouped by content, none added up. */
  async function oneByOne(voteId: string) {
    const groups = await app.dataSource.query<BallotGroup[]>(
      `SELECT content, college_id AS "collegeId", count(*)::int AS count
         FROM ballot WHERE vote_id = $1 GROUP BY content, college_id`,
      [voteId],
    );
    return groups;
  }

  /** The count input as the close path reads it: counted ballots added up, the rest grouped. */
  async function addedUp(
    voteId: string,
  ): Promise<{ groups: BallotGroup[]; judged: JudgedGroup[] }> {
    const grouped = await app.dataSource.query<BallotGroup[]>(GROUPED_BALLOTS_SQL, [[voteId]]);
    const groups = grouped.map(({ content, collegeId, count }) => ({ content, collegeId, count }));
    const judges = await app.dataSource.query<{ collegeId: string | null; judges: number }[]>(
      GRADE_JUDGES_SQL,
      [[voteId]],
    );
    const rows = await app.dataSource.query<
      { collegeId: string | null; candidate: string; grade: number; count: number }[]
    >(GRADE_ROWS_SQL, [[voteId]]);
    const judged = judges.map(({ collegeId, judges }) => ({
      collegeId,
      judges,
      rows: rows
        .filter((row) => row.collegeId === collegeId)
        .map(({ candidate, grade, count }) => ({ candidate, grade, count })),
    }));
    return { groups, judged };
  }

  it('publishes the result the ballots read one by one give, byte for byte, and leaves odd ballots to the tally', async () => {
    const voters = await votersIn(app, 7);
    await app.dataSource.query(
      `UPDATE account SET roles = '{member,trustee}' WHERE member_id = ANY ($1::uuid[])`,
      [voters.map((v) => v.member.id)],
    );
    const scheduled = await scheduleVote(app, secretary, {
      subjectType: 'Proposal',
      decisionType: 'OrdinaryResolution',
      electorateKind: 'Board',
      rules: { method: 'MajorityJudgment', collegeWeighting: false },
      options: CANDIDATES.map((id) => ({ id, labelFr: id, labelEn: id })),
      grades: GRADES.map((id) => ({ id, labelFr: id, labelEn: id })),
      opensAt: new Date(Date.now() - 1000).toISOString(),
      closesAt: new Date(Date.now() + 1500).toISOString(),
    });
    await openVote(app, secretary, scheduled.id);
    // Ana and Ben share the majority grade "good"; the tie-break separates them.
    const judgments = [
      ['excellent', 'good', 'poor'],
      ['good', 'excellent', 'fair'],
      ['good', 'good', 'good'],
      ['fair', 'good', 'excellent'],
      ['good', 'fair', 'poor'],
      ['poor', 'good', 'fair'],
      ['excellent', 'poor', 'good'],
    ];
    for (const [i, voter] of voters.entries()) {
      const grades = CANDIDATES.map((candidate, c) => ({ candidate, grade: judgments[i][c] }));
      ok(await castBallot(app, voter.token, scheduled.id, { grades }));
    }
    await sleep(1600);
    await app.app.get(CloseVoteHandler).handle({ id: scheduled.id, version: scheduled.version });
    await app.app.get(TallyVoteHandler).handle({ id: scheduled.id });

    const vote = await app.dataSource.manager.findOneByOrFail(Vote, { id: scheduled.id });
    const stored = await app.dataSource.manager.findOneByOrFail(VoteResult, { voteId: vote.id });
    const input = {
      colleges: [{ collegeId: 'x', weight: 1, voters: 7 }],
      participations: 7,
      electorateQuorum: null,
    };
    const expected = countVote(vote, { ...input, groups: await oneByOne(vote.id) });
    expect(stored.canonical).toBe(expected.canonical);
    expect(stored.winners).toEqual(expected.winners);
    const read = await addedUp(vote.id);
    expect(read.groups).toEqual([]);
    expect(read.judged.map((j) => j.judges)).toEqual([7]);

    // Ballots castBallot would refuse, written straight to the table: none is added up, and the
    // count from the close path's input is still the count of every ballot one by one.
    const odd = [
      {},
      { ana: 1, zed: 0 },
      { ana: 4 },
      { ana: -1 },
      { ana: 1.5 },
      { ana: '1' },
      { ana: 1.0, ben: 3 }, // valid: a whole number written as 1.0
      [1, 2],
      'blank',
    ];
    for (const content of odd)
      await app.dataSource.query(
        `INSERT INTO ballot (id, vote_id, content, college_id, receipt_hash)
         VALUES ($1, $2, $3::jsonb, NULL, $4)`,
        [randomUUID(), vote.id, JSON.stringify(content), randomUUID()],
      );
    const withOdd = await addedUp(vote.id);
    expect(withOdd.groups).toHaveLength(odd.length - 1);
    expect(withOdd.judged.map((j) => j.judges)).toEqual([8]);
    const all = { ...input, participations: 7 + odd.length };
    const fromSql = countVote(vote, { ...all, ...withOdd });
    const fromEach = countVote(vote, { ...all, groups: await oneByOne(vote.id) });
    expect(fromSql.canonical).toBe(fromEach.canonical);
    expect(fromEach.tally.ballots.invalid.toString()).toBe('7');
    expect(fromEach.tally.ballots.blank.toString()).toBe('1');
  });
});
