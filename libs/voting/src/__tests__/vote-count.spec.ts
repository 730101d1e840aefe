import {
  QuorumKind,
  Secrecy,
  ThresholdBase,
  ThresholdComparison,
  VoteMethod,
} from '@delibera/charter';
import { countVote, CountInput } from '../ballots/vote-count';
import { Vote } from '../vote.entity';
import { ChoiceKind, VoteSubjectType } from '../voting.enums';

const option = (id: string) => ({ id, labelFr: id, labelEn: id });

function vote(fields: Partial<Vote>): Vote {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    rollFingerprint: 'f'.repeat(64),
    subjectType: VoteSubjectType.Proposal,
    method: VoteMethod.Choice,
    choiceKind: ChoiceKind.Motion,
    options: [option('yes'), option('no')],
    grades: null,
    seats: 1,
    minSelections: null,
    maxSelections: null,
    stvRules: null,
    thresholdNumerator: 1,
    thresholdDenominator: 2,
    thresholdComparison: ThresholdComparison.MoreThan,
    thresholdBase: ThresholdBase.Cast,
    quorumKind: QuorumKind.None,
    quorumNumerator: 0,
    quorumDenominator: 1,
    secrecy: Secrecy.Secret,
    collegeWeighting: false,
    ...fields,
  } as Vote;
}

const oneCollege = (voters: number): CountInput['colleges'] => [
  { collegeId: 'c1', weight: 1, voters },
];

describe('countVote', () => {
  it('measures a ratio quorum on voters against the roll: 25 of 100 meets 1/4, 24 does not', () => {
    const referendum = vote({
      quorumKind: QuorumKind.Ratio,
      quorumNumerator: 1,
      quorumDenominator: 4,
    });
    const input = (participations: number): CountInput => ({
      groups: [{ content: { option: 'yes' }, collegeId: null, count: participations }],
      colleges: oneCollege(100),
      participations,
      electorateQuorum: null,
    });
    expect(countVote(referendum, input(25))).toMatchObject({
      outcome: 'adopted',
      winners: ['yes'],
    });
    expect(countVote(referendum, input(24))).toMatchObject({
      outcome: 'quorum_not_met',
      winners: [],
    });
  });

  it("lets the electorate's own quorum (an assembly's attendance) veto the outcome", () => {
    const count = countVote(vote({}), {
      groups: [{ content: { option: 'yes' }, collegeId: null, count: 3 }],
      colleges: oneCollege(3),
      participations: 3,
      electorateQuorum: { met: false, details: { present: 3, required: 10 } },
    });
    expect(count.outcome).toBe('quorum_not_met');
    expect(count.quorum.electorate).toEqual({ met: false, details: { present: 3, required: 10 } });
  });

  it('elects by STV (Scottish rules) and gives the same bytes on a recount', () => {
    const election = vote({
      subjectType: VoteSubjectType.Election,
      method: VoteMethod.SingleTransferableVote,
      choiceKind: null,
      options: ['ana', 'ben', 'cleo'].map(option),
      seats: 2,
    });
    const input: CountInput = {
      groups: [
        { content: ['ana', 'ben'], collegeId: null, count: 6 },
        { content: ['cleo'], collegeId: null, count: 4 },
        { content: ['ben', 'cleo'], collegeId: null, count: 2 },
      ],
      colleges: oneCollege(12),
      participations: 12,
      electorateQuorum: null,
    };
    const first = countVote(election, input);
    // Quota ⌊12 / 3⌋ + 1 = 5: Ana (6) is elected, her surplus of 1 goes to Ben (2 + 1 = 3 < Cleo's 4).
    expect(first.outcome).toBe('elected');
    expect(first.winners).toEqual(['ana', 'cleo']);
    expect(countVote(election, input).hash).toBe(first.hash);
  });
});
