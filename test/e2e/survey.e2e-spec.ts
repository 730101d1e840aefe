import { Role } from '@delibera/kernel';
import { signedInMember } from '../factories';
import {
  castBallot,
  closeVote,
  openVote,
  VOTE_FIELDS,
  VoteView,
  votersIn,
} from '../factories/votes';
import { ok, startTestApp, TestApp } from './test-app';

const SURVEY = `mutation ($input: ScheduleSurveyInput!) { scheduleSurvey(input: $input) { ${VOTE_FIELDS} surveyId binding } }`;
const option = (id: string) => ({ id, labelFr: id, labelEn: id });

describe('a consultative survey (e2e)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('asks several questions, one vote each, and reports each answer without adopting anything', async () => {
    const secretary = await signedInMember(app, [Role.Secretary]);
    const voters = await votersIn(app, 3);
    const questions = ok(
      await app.gql<{ scheduleSurvey: (VoteView & { surveyId: string; binding: boolean })[] }>(
        SURVEY,
        {
          input: {
            questions: [
              {
                titleFr: 'Quelle journée pour la rencontre régionale ?',
                titleEn: 'Which day for the regional meeting?',
                options: ['saturday', 'sunday'].map(option),
              },
              {
                titleFr: 'Quels thèmes ?',
                titleEn: 'Which themes?',
                method: 'Approval',
                options: ['housing', 'culture', 'transport'].map(option),
                maxSelections: 2,
              },
            ],
            opensAt: new Date(Date.now() - 1000).toISOString(),
            closesAt: new Date(Date.now() + 15 * 24 * 3600_000).toISOString(),
          },
        },
        { token: secretary.token },
      ),
    ).scheduleSurvey;
    expect(questions).toHaveLength(2);
    expect(new Set(questions.map((q) => q.surveyId)).size).toBe(1);
    expect(questions.every((q) => q.binding === false)).toBe(true);
    const [day, themes] = questions;
    for (const q of questions) await openVote(app, secretary.token, q.id);

    for (const [i, voter] of voters.entries()) {
      ok(await castBallot(app, voter.token, day.id, { option: i === 0 ? 'sunday' : 'saturday' }));
      ok(
        await castBallot(app, voter.token, themes.id, {
          approvals: i === 2 ? ['culture'] : ['housing', 'culture'],
        }),
      );
    }
    const dayResult = (await closeVote(app, secretary.token, day.id)).result!;
    expect(dayResult).toMatchObject({ outcome: 'completed', winners: ['saturday'] });
    expect(dayResult.details.tally.votes).toEqual({ saturday: '2', sunday: '1' });
    const themesResult = (await closeVote(app, secretary.token, themes.id)).result!;
    expect(themesResult).toMatchObject({ outcome: 'completed', winners: ['culture'] });
    expect(themesResult.details.tally.approvals).toEqual({
      housing: '2',
      culture: '3',
      transport: '0',
    });
  });
});
