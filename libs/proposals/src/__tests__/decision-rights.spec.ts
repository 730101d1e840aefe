import { Audience, DecidingBody, DecisionRule } from '@delibera/charter';
import {
  ConsultationRequest,
  ConsultationStatus,
} from '../consultation/consultation-request.entity';
import { decisionRights, Participation } from '../decision-rights';

const rule = {
  decidingBody: DecidingBody.GeneralAssembly,
  consultedCouncils: ['youth', 'seniors', 'artists'],
  informed: [Audience.AllMembers, Audience.Board],
} as DecisionRule;

const request = (councilCode: string, status: ConsultationStatus) =>
  ({ councilCode, status, councilId: `${councilCode}-id` }) as ConsultationRequest & {
    councilCode: string;
  };

describe('decision rights from the charter rule', () => {
  it('answers the five questions, with each consulted council’s status', () => {
    const rights = decisionRights(rule, [
      request('youth', ConsultationStatus.Answered),
      request('artists', ConsultationStatus.DidNotAnswer),
    ]);
    expect(rights.participates).toEqual([
      Participation.AllMembers,
      Participation.ConsultedCouncilMembers,
      Participation.Secretary,
    ]);
    expect(rights.deliberates).toEqual(['all_members', 'youth', 'seniors', 'artists']);
    expect(rights.consulted.map((c) => [c.councilCode, c.status])).toEqual([
      ['youth', ConsultationStatus.Answered],
      ['seniors', null], // not yet asked
      ['artists', ConsultationStatus.DidNotAnswer],
    ]);
    expect(rights.decides).toBe(DecidingBody.GeneralAssembly);
    expect(rights.informed).toEqual([Audience.AllMembers, Audience.Board]);
  });

  it('names no council when the rule consults none', () => {
    const rights = decisionRights({ ...rule, consultedCouncils: [] } as DecisionRule, []);
    expect(rights.consulted).toEqual([]);
    expect(rights.participates).not.toContain(Participation.ConsultedCouncilMembers);
    expect(rights.deliberates).toEqual(['all_members']);
  });
});
