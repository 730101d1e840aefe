import { Role } from '@delibera/kernel';
import { signedInMember } from '../factories';
import { castBallot, closeVote, openVote, scheduleVote, votersIn } from '../factories/votes';
import { ok, startTestApp, TestApp } from './test-app';

describe('a college-weighted special resolution (e2e)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('is rejected at 66% of the weighted votes when two thirds are needed, though 72.5% of the ballots say yes', async () => {
    const secretary = await signedInMember(app, [Role.Secretary]);
    // Colleges weigh 40 (individuals), 30 (public bodies), 30 (civil society).
    const individuals = await votersIn(app, 20, { collegeCode: 'individuals' });
    const publicBodies = await votersIn(app, 5, { collegeCode: 'public_bodies' });
    const civilSociety = await votersIn(app, 15, { collegeCode: 'civil_society' });

    const vote = await scheduleVote(app, secretary.token, {
      subjectType: 'Proposal',
      decisionType: 'SpecialResolution',
      electorateKind: 'AllMembers',
    });
    expect(vote).toMatchObject({ secrecy: 'Secret', collegeWeighting: true });
    await openVote(app, secretary.token, vote.id);

    const cast = async (voters: { token: string }[], yes: number) => {
      for (const [i, voter] of voters.entries())
        ok(await castBallot(app, voter.token, vote.id, { option: i < yes ? 'yes' : 'no' }));
    };
    await cast(individuals, 20); // 20 of 20 → 40 × 20/20 = 40
    await cast(publicBodies, 2); // 2 of 5   → 30 × 2/5  = 12
    await cast(civilSociety, 7); // 7 of 15  → 30 × 7/15 = 14

    const closed = await closeVote(app, secretary.token, vote.id);
    // Yes: 40 + 12 + 14 = 66 of 100; two thirds of 100 is 200/3 ≈ 66.67: not reached.
    expect(closed.result).toMatchObject({ outcome: 'rejected', ballots: 40, participations: 40 });
    const tally = closed.result!.details.tally;
    expect(tally.votes).toEqual({ yes: '66', no: '34' });
    expect(tally.threshold).toMatchObject({
      ratio: '2/3',
      comparison: 'at_least',
      line: '200/3',
      support: '66',
      met: false,
    });
    const breakdown = Object.fromEntries(
      tally.colleges.map(
        (c: { weight: string; ballots: string; support: Record<string, string> }) => [
          c.weight + ':' + c.ballots,
          c.support,
        ],
      ),
    );
    // The secretary is an individual member too (on the roll, not voting): individuals cast 20.
    expect(breakdown['40:20']).toEqual({ yes: '20', no: '0' });
    expect(breakdown['30:5']).toEqual({ yes: '2', no: '3' });
    expect(breakdown['30:15']).toEqual({ yes: '7', no: '8' });
  });
});
