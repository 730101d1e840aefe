import { Role } from '@delibera/kernel';
import { VoteLifecycleService } from '@delibera/voting';
import { signedInMember, staffToken } from '../factories';
import { castBallot, closeVote, openVote, scheduleVote, votersIn } from '../factories/votes';
import { ok, startTestApp, TestApp } from './test-app';

interface Head {
  seq: number;
  hash: string;
}

const HEADS = `query ($id: UUID!) { vote(id: $id) { status auditHeadAtOpen { seq hash } auditHeadAtClose { seq hash } } }`;

describe('the audit chain head published when a vote opens and closes (e2e)', () => {
  let app: TestApp;
  let secretary: string;

  beforeAll(async () => {
    app = await startTestApp();
    secretary = (await signedInMember(app, [Role.Secretary])).token;
  });
  afterAll(() => app.close());

  const heads = async (voteId: string) =>
    ok(
      await app.gql<{
        vote: { status: string; auditHeadAtOpen: Head | null; auditHeadAtClose: Head | null };
      }>(HEADS, { id: voteId }, { token: secretary }),
    ).vote;

  /** The event at `head.seq` has `head.hash`, and the very next event is the vote's own, carrying the head. */
  async function expectPublishedBefore(head: Head, voteId: string, action: string) {
    const rows = await app.dataSource.query<
      {
        seq: string;
        hash: string;
        prevHash: string;
        action: string;
        entityId: string;
        data: { chainHead?: Head };
      }[]
    >(
      `SELECT seq, hash, prev_hash AS "prevHash", action, entity_id AS "entityId", data
         FROM audit_event WHERE seq IN ($1::bigint, $1::bigint + 1) ORDER BY seq`,
      [head.seq],
    );
    expect(rows).toHaveLength(2);
    expect(rows[0].hash).toBe(head.hash);
    expect(rows[1]).toMatchObject({ action, entityId: voteId, prevHash: head.hash });
    expect(rows[1].data.chainHead).toEqual(head);
  }

  it('publishes at opening the head the vote.opened event follows, and at closing the one vote.closed follows', async () => {
    const voters = await votersIn(app, 3);
    const vote = await scheduleVote(app, secretary, {
      electorateKind: 'AllMembers',
      subjectType: 'Referendum',
      decisionType: 'Referendum',
    });
    expect((await heads(vote.id)).auditHeadAtOpen).toBeNull();

    await openVote(app, secretary, vote.id);
    const opened = await heads(vote.id);
    expect(opened.auditHeadAtOpen?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(opened.auditHeadAtClose).toBeNull();
    await expectPublishedBefore(opened.auditHeadAtOpen!, vote.id, 'vote.opened');

    for (const voter of voters) ok(await castBallot(app, voter.token, vote.id, { option: 'yes' }));
    await closeVote(app, secretary, vote.id);
    const closed = await heads(vote.id);
    expect(closed.auditHeadAtOpen).toEqual(opened.auditHeadAtOpen);
    expect(closed.auditHeadAtClose!.seq).toBeGreaterThan(opened.auditHeadAtOpen!.seq);
    await expectPublishedBefore(closed.auditHeadAtClose!, vote.id, 'vote.closed');

    // Anyone holding the published heads can check the log still agrees.
    const trustee = await staffToken(app, [Role.Trustee]);
    const verified = ok(
      await app.gql<{ auditVerify: { valid: boolean } }>(
        '{ auditVerify { valid } }',
        {},
        { token: trustee },
      ),
    );
    expect(verified.auditVerify.valid).toBe(true);
  });

  it('gives each vote of a sweep its own head, chained one after the other', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const vote = await scheduleVote(app, secretary, {
        electorateKind: 'AllMembers',
        subjectType: 'Referendum',
        decisionType: 'Referendum',
      });
      await openVote(app, secretary, vote.id);
      ids.push(vote.id);
    }
    await app.dataSource.query(`UPDATE vote SET closes_at = now() WHERE id = ANY($1::uuid[])`, [
      ids,
    ]);
    const swept = await app.app.get(VoteLifecycleService).closeDue();
    expect(swept).toEqual(expect.arrayContaining(ids));

    const published = await Promise.all(ids.map(async (id) => (await heads(id)).auditHeadAtClose!));
    for (const [i, id] of ids.entries())
      await expectPublishedBefore(published[i], id, 'vote.closed');
    expect(new Set(published.map((h) => h.seq)).size).toBe(2);
  });
});
