import { Role } from '@delibera/kernel';
import { signedInMember } from '../factories';
import { YES_NO_ABSTAIN_OPTIONS } from '../factories/votes';
import { errorCode, ok, startTestApp, TestApp } from './test-app';

const SCHEDULE = `mutation ($input: ScheduleVoteInput!) { scheduleVote(input: $input) { id version closesAt } }`;
const SURVEY = `mutation ($input: ScheduleSurveyInput!) { scheduleSurvey(input: $input) { id } }`;
const REFERENDUM = `mutation ($input: CallReferendumInput!) { callReferendum(input: $input) { id } }`;
const RESCHEDULE = `mutation ($input: RescheduleVoteInput!) { rescheduleVote(input: $input) { id version closesAt } }`;

const DAY_MS = 24 * 3600 * 1000;
const at = (ms: number) => new Date(Date.now() + ms).toISOString();

/**
 * The charter's minimum voting period (`minVotingDays` of the decision's
 * rule) holds for votes scheduled by hand, surveys, referendums and
 * rescheduling; refused votes leave nothing behind. Council-opinion and
 * amendment votes: council-and-amendment-votes.e2e-spec.ts.
 */
describe('minimum voting periods from the charter (e2e)', () => {
  let app: TestApp;
  let secretary: string;
  let trustee: string;
  const counts = async () =>
    (
      await app.dataSource.query(
        `SELECT (SELECT count(*)::int FROM vote) AS votes,
                (SELECT count(*)::int FROM audit_event) AS events`,
      )
    )[0] as { votes: number; events: number };

  beforeAll(async () => {
    app = await startTestApp();
    secretary = (await signedInMember(app, [Role.Secretary])).token;
    trustee = (await signedInMember(app, [Role.Trustee])).token;
  });
  afterAll(() => app.close());

  const motion = (decisionType: string, opensAt: string, closesAt: string) => ({
    subjectType: 'Referendum',
    decisionType,
    titleFr: 'Question',
    titleEn: 'Question',
    electorateKind: 'AllMembers',
    options: YES_NO_ABSTAIN_OPTIONS,
    binding: true,
    opensAt,
    closesAt,
  });

  it('refuses a vote closing before its rule’s minimum, in French and English, and writes nothing', async () => {
    const before = await counts();
    // A referendum is voted at least 14 days; counted from now when opensAt is past.
    const input = motion('Referendum', at(-DAY_MS), at(13 * DAY_MS));
    const fr = await app.gql(SCHEDULE, { input }, { token: secretary });
    expect(errorCode(fr)).toBe('VOTING_PERIOD_TOO_SHORT');
    expect(fr.errors?.[0].message).toMatch(
      /^La charte exige au moins 14 jour\(s\) de vote pour cette décision : le vote ne peut fermer avant \d{4}-/,
    );
    const en = await app.gql(SCHEDULE, { input }, { token: secretary, locale: 'en' });
    expect(en.errors?.[0].message).toMatch(
      /^The charter requires at least 14 day\(s\) of voting for this decision/,
    );
    // From a later opening, too.
    const later = motion('Referendum', at(2 * DAY_MS), at(15 * DAY_MS));
    expect(errorCode(await app.gql(SCHEDULE, { input: later }, { token: secretary }))).toBe(
      'VOTING_PERIOD_TOO_SHORT',
    );
    const survey = await app.gql(
      SURVEY,
      {
        input: {
          questions: [{ titleFr: 'Q', titleEn: 'Q', options: YES_NO_ABSTAIN_OPTIONS }],
          opensAt: at(-1000),
          closesAt: at(3600_000),
        },
      },
      { token: secretary },
    );
    expect(errorCode(survey)).toBe('VOTING_PERIOD_TOO_SHORT');
    const referendum = await app.gql(
      REFERENDUM,
      {
        input: {
          titleFr: 'R',
          titleEn: 'R',
          binding: false,
          opensAt: at(-1000),
          closesAt: at(7 * DAY_MS),
        },
      },
      { token: trustee },
    );
    expect(errorCode(referendum)).toBe('VOTING_PERIOD_TOO_SHORT');
    expect(await counts()).toEqual(before);
  });

  it('accepts exactly the minimum, each rule its own (a budget: 3 days), and holds it when rescheduling', async () => {
    const opensAt = at(DAY_MS);
    const closesAt = new Date(new Date(opensAt).getTime() + 3 * DAY_MS).toISOString();
    const { scheduleVote: vote } = ok(
      await app.gql<{ scheduleVote: { id: string; version: number } }>(
        SCHEDULE,
        { input: motion('Budget', opensAt, closesAt) },
        { token: secretary },
      ),
    );
    const before = await counts();
    const shorter = new Date(new Date(opensAt).getTime() + 2 * DAY_MS).toISOString();
    const refused = await app.gql(
      RESCHEDULE,
      { input: { voteId: vote.id, closesAt: shorter } },
      { token: secretary },
    );
    expect(errorCode(refused)).toBe('VOTING_PERIOD_TOO_SHORT');
    expect(await counts()).toEqual(before);
    const [row] = await app.dataSource.query(
      `SELECT version, closes_at AS "closesAt" FROM vote WHERE id = $1`,
      [vote.id],
    );
    expect(row).toEqual({ version: vote.version, closesAt: new Date(closesAt) });
    const longer = new Date(new Date(opensAt).getTime() + 4 * DAY_MS).toISOString();
    expect(
      ok(
        await app.gql<{ rescheduleVote: { version: number } }>(
          RESCHEDULE,
          { input: { voteId: vote.id, closesAt: longer } },
          { token: secretary },
        ),
      ).rescheduleVote.version,
    ).toBe(vote.version + 1);
  });
});
