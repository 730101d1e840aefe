import { createHash, randomUUID } from 'node:crypto';
import { Role } from '@delibera/kernel';
import { signedInMember } from '../factories';
import {
  CAST,
  castBallot,
  closeVote,
  openVote,
  scheduleVote,
  VoteView,
  votersIn,
  voteRows,
} from '../factories/votes';
import { errorCode, ok, startTestApp, TestApp } from './test-app';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** castBallot with a client request id: a retry after a lost reply gets the same receipt. */
describe('castBallot retried with a client request id (e2e)', () => {
  let app: TestApp;
  let secretary: string;

  beforeAll(async () => {
    app = await startTestApp({ RUN_WORKER_IN_PROCESS: 'false' });
    secretary = (await signedInMember(app, [Role.Secretary])).token;
  });
  afterAll(() => app.close());

  /** A yes/no vote of the board, open now, and its trustees' tokens. */
  async function boardVote(secrecy: 'Secret' | 'Named', trustees = 1) {
    const voters = await votersIn(app, trustees);
    await app.dataSource.query(
      `UPDATE account SET roles = '{member,trustee}' WHERE member_id = ANY ($1::uuid[])`,
      [voters.map((v) => v.member.id)],
    );
    const vote: VoteView = await scheduleVote(app, secretary, {
      subjectType: 'Proposal',
      decisionType: 'OrdinaryResolution',
      electorateKind: 'Board',
      rules: { secrecy, collegeWeighting: false },
    });
    await openVote(app, secretary, vote.id);
    return { vote, voters };
  }

  async function ballotsOf(voteId: string): Promise<{ content: unknown; receiptHash: string }[]> {
    return app.dataSource.query(
      `SELECT content, receipt_hash AS "receiptHash" FROM ballot WHERE vote_id = $1`,
      [voteId],
    );
  }

  it('a secret ballot retried with its id gets its receipt back; the same id with another ballot is refused and changes nothing', async () => {
    const {
      vote,
      voters: [voter],
    } = await boardVote('Secret');
    const key = randomUUID();
    const first = ok(
      await castBallot(app, voter.token, vote.id, { option: 'yes' }, undefined, key),
    );
    const retry = ok(
      await castBallot(app, voter.token, vote.id, { option: 'yes' }, undefined, key),
    );
    expect(retry.castBallot).toEqual(first.castBallot);
    expect(first.castBallot.replaced).toBe(false);

    // Another ballot under the same id: a stable code, in French by default and in English on request.
    const reused = await castBallot(app, voter.token, vote.id, { option: 'no' }, undefined, key);
    expect(errorCode(reused)).toBe('CLIENT_REQUEST_ID_REUSED');
    expect(reused.errors![0].message).toMatch(/identifiant de demande/);
    const english = await app.gql(
      CAST,
      { input: { voteId: vote.id, ballot: { option: 'no' }, clientRequestId: key } },
      { token: voter.token, locale: 'en' },
    );
    expect(errorCode(english)).toBe('CLIENT_REQUEST_ID_REUSED');
    expect(english.errors![0].message).toMatch(/request id was already used/);

    // Without the id, or with another, a secret ballot is still final.
    expect(errorCode(await castBallot(app, voter.token, vote.id, { option: 'yes' }))).toBe(
      'ALREADY_VOTED',
    );
    expect(
      errorCode(
        await castBallot(app, voter.token, vote.id, { option: 'yes' }, undefined, randomUUID()),
      ),
    ).toBe('ALREADY_VOTED');
    expect(await voteRows(app.dataSource, vote.id)).toEqual({
      participations: 1,
      ballots: 1,
      results: 0,
    });
    expect(await ballotsOf(vote.id)).toEqual([
      { content: { option: 'yes' }, receiptHash: sha256(first.castBallot.receipt) },
    ]);
  });

  it("another voter's retry id does not reveal a receipt", async () => {
    const {
      vote,
      voters: [alice, bob],
    } = await boardVote('Secret', 2);
    const key = randomUUID();
    const mine = ok(await castBallot(app, alice.token, vote.id, { option: 'yes' }, undefined, key));
    const theirs = ok(await castBallot(app, bob.token, vote.id, { option: 'yes' }, undefined, key));
    expect(theirs.castBallot.receipt).not.toBe(mine.castBallot.receipt);
    expect(await voteRows(app.dataSource, vote.id)).toMatchObject({
      participations: 2,
      ballots: 2,
    });
  });

  it('50 concurrent retries with the same id leave one ballot and all get its receipt', async () => {
    const {
      vote,
      voters: [voter],
    } = await boardVote('Secret');
    const key = randomUUID();
    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        castBallot(app, voter.token, vote.id, { option: 'no' }, undefined, key),
      ),
    );
    const receipts = new Set(responses.map((r) => ok(r).castBallot.receipt));
    expect(receipts.size).toBe(1);
    expect(await voteRows(app.dataSource, vote.id)).toEqual({
      participations: 1,
      ballots: 1,
      results: 0,
    });
    expect(await ballotsOf(vote.id)).toEqual([
      { content: { option: 'no' }, receiptHash: sha256([...receipts][0]) },
    ]);
  });

  it('a named ballot: a retry does not replace it, a change does, and concurrent retries of the change agree', async () => {
    const {
      vote,
      voters: [voter],
    } = await boardVote('Named');
    const firstKey = randomUUID();
    const first = ok(
      await castBallot(app, voter.token, vote.id, { option: 'yes' }, undefined, firstKey),
    ).castBallot;
    expect(
      ok(await castBallot(app, voter.token, vote.id, { option: 'yes' }, undefined, firstKey))
        .castBallot,
    ).toEqual(first);

    const changeKey = randomUUID();
    const changes = await Promise.all(
      Array.from({ length: 20 }, () =>
        castBallot(app, voter.token, vote.id, { option: 'no' }, undefined, changeKey),
      ),
    );
    const answers = changes.map((r) => ok(r).castBallot);
    expect(new Set(answers.map((a) => a.receipt)).size).toBe(1);
    expect(answers.every((a) => a.replaced)).toBe(true);
    expect(answers[0].receipt).not.toBe(first.receipt);
    expect(
      errorCode(
        await castBallot(app, voter.token, vote.id, { option: 'yes' }, undefined, changeKey),
      ),
    ).toBe('CLIENT_REQUEST_ID_REUSED');
    expect(await ballotsOf(vote.id)).toEqual([
      { content: { option: 'no' }, receiptHash: sha256(answers[0].receipt) },
    ]);
  });

  it('a retry arriving after the close still gets the receipt; a first cast then is refused', async () => {
    const {
      vote,
      voters: [voter, late],
    } = await boardVote('Secret', 2);
    const key = randomUUID();
    const first = ok(
      await castBallot(app, voter.token, vote.id, { option: 'yes' }, undefined, key),
    );
    await closeVote(app, secretary, vote.id);
    const retry = ok(
      await castBallot(app, voter.token, vote.id, { option: 'yes' }, undefined, key),
    );
    expect(retry.castBallot).toEqual(first.castBallot);
    expect(errorCode(await castBallot(app, voter.token, vote.id, { option: 'yes' }))).toBe(
      'VOTE_CLOSED',
    );
    expect(
      errorCode(await castBallot(app, late.token, vote.id, { option: 'yes' }, undefined, key)),
    ).toBe('VOTE_CLOSED');
    const [{ result }] = await app.dataSource.query(
      `SELECT (SELECT count(*)::int FROM ballot WHERE vote_id = $1 AND receipt_hash = $2) AS result`,
      [vote.id, sha256(first.castBallot.receipt)],
    );
    expect(result).toBe(1);
  });

  it('refuses an id that is not a random (v4) UUID, changing nothing', async () => {
    const {
      vote,
      voters: [voter],
    } = await boardVote('Secret');
    const timeBased = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
    const refused = await castBallot(
      app,
      voter.token,
      vote.id,
      { option: 'yes' },
      undefined,
      timeBased,
    );
    expect(errorCode(refused)).toBe('INVALID_VALUE');
    expect(await voteRows(app.dataSource, vote.id)).toMatchObject({
      participations: 0,
      ballots: 0,
    });
  });
});
