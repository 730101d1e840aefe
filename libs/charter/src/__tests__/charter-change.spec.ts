import { DomainError } from '@delibera/kernel';
import { charterChangeOf } from '../charter-change';
import { DecisionType, QuorumKind, VoteMethod } from '../charter.enums';
import { CharterChangeInput, RuleChangeInput } from '../dto/charter-change.input';

const rules = (...changes: Partial<RuleChangeInput>[]): CharterChangeInput => ({
  rules: changes.map((change) => ({ decisionType: DecisionType.Budget, ...change })),
});

/** The refusal's code and its message in both languages. */
function refusal(input: CharterChangeInput) {
  try {
    charterChangeOf(input);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { code: error.code, fr: error.localizedMessage('fr'), en: error.localizedMessage('en') };
  }
  throw new Error('the change was accepted');
}

describe('charterChangeOf', () => {
  it('names a rule as members read it, in their language', () => {
    expect(refusal(rules({}))).toEqual({
      code: 'CHARTER_CHANGE_INVALID',
      fr: 'Cette modification de la charte est invalide : la règle « Budget » ne change en rien.',
      en: 'This charter change is invalid: nothing changes in the “Budget” rule.',
    });
    const twice = rules(
      { decisionType: DecisionType.OrdinaryResolution, minVotingDays: 3 },
      { decisionType: DecisionType.OrdinaryResolution, minVotingDays: 4 },
    );
    expect(refusal(twice).fr).toContain('la règle « Résolution ordinaire » est modifiée deux fois');
    expect(refusal(twice).en).toContain('the “Ordinary resolution” rule is changed twice');
  });

  it('changes a vote method only to one that fits the decision’s ballots', () => {
    expect(
      charterChangeOf(
        rules({ decisionType: DecisionType.TrusteeElection, voteMethod: VoteMethod.Approval }),
      ),
    ).toEqual({ rules: { trustee_election: { voteMethod: 'approval' } } });
    expect(refusal(rules({ voteMethod: VoteMethod.Schulze }))).toEqual({
      code: 'CHARTER_CHANGE_INVALID',
      fr: 'Cette modification de la charte est invalide : « Méthode Schulze » ne convient pas à la règle « Budget », seulement Choix.',
      en: 'This charter change is invalid: “Schulze method” does not fit the “Budget” rule, only Choice.',
    });
    const election = refusal(
      rules({ decisionType: DecisionType.TrusteeElection, voteMethod: VoteMethod.Choice }),
    );
    expect(election.fr).toContain('seulement Vote unique transférable ou Vote par approbation');
    expect(election.en).toContain('only Single transferable vote or Approval voting');
  });

  it('sets, keeps or withdraws the method of competing options', () => {
    const contribution = { decisionType: DecisionType.ContributionScale };
    expect(
      charterChangeOf(rules({ ...contribution, competingOptionsMethod: VoteMethod.Schulze })),
    ).toEqual({ rules: { contribution_scale: { competingOptionsMethod: 'schulze' } } });
    // Null withdraws the permission; left out, the method stays as it is.
    expect(charterChangeOf(rules({ ...contribution, competingOptionsMethod: null }))).toEqual({
      rules: { contribution_scale: { competingOptionsMethod: null } },
    });
    expect(charterChangeOf(rules({ ...contribution, minVotingDays: 9 }))).toEqual({
      rules: { contribution_scale: { minVotingDays: 9 } },
    });
    const graded = refusal(
      rules({ ...contribution, competingOptionsMethod: VoteMethod.MajorityJudgment }),
    );
    expect(graded.en).toContain(
      '“Majority judgment” does not fit the “Contribution scale” rule, only Instant runoff, Schulze method, or Ranked pairs',
    );
    // Only contribution scales compete.
    expect(refusal(rules({ competingOptionsMethod: VoteMethod.Schulze })).fr).toContain(
      'la règle « Budget » ne connaît pas de propositions concurrentes',
    );
  });

  it('refuses fractions above 1 and a count quorum of nobody', () => {
    expect(refusal(rules({ threshold: { numerator: 3, denominator: 2 } })).code).toBe(
      'CHARTER_CHANGE_INVALID',
    );
    expect(
      refusal(rules({ quorum: { kind: QuorumKind.Count, numerator: 0, denominator: 1 } })).en,
    ).toContain('the quorum 0/1 must be above 0');
    expect(refusal({}).en).toContain('the change leaves the charter as it is');
  });
});
