import { charterChangeInput, draftOf, NO_CHARTER_CHANGE, ruleDraft } from './charter-change-draft';

describe('charterChangeInput', () => {
  it('sends null when the form changes nothing (only the deed’s text), and nothing for another kind', () => {
    expect(charterChangeInput(NO_CHARTER_CHANGE)).toEqual({ input: null });
    expect(charterChangeInput({ settings: { proxyLimitPerHolder: '  ' }, rules: [] })).toEqual({
      input: null,
    });
    const filled = { settings: { proxyLimitPerHolder: '3' }, rules: [] };
    expect(charterChangeInput(filled, 'Budget')).toEqual({ input: undefined });
  });

  it('sends a method chosen, and null for competing proposals no longer allowed', () => {
    const election = { ...ruleDraft('TrusteeElection'), voteMethod: 'Approval' as const };
    const scales = {
      ...ruleDraft('ContributionScale'),
      competingOptionsMethod: 'Schulze' as const,
    };
    expect(charterChangeInput({ settings: {}, rules: [election, scales] })).toEqual({
      input: {
        rules: [
          { decisionType: 'TrusteeElection', voteMethod: 'Approval' },
          { decisionType: 'ContributionScale', competingOptionsMethod: 'Schulze' },
        ],
      },
    });
    const withdrawn = { ...scales, competingOptionsMethod: 'None' as const };
    expect(charterChangeInput({ settings: {}, rules: [withdrawn] })).toEqual({
      input: { rules: [{ decisionType: 'ContributionScale', competingOptionsMethod: null }] },
    });
  });

  it('sends only the fields filled in, fractions and numbers read, the rest left to the charter', () => {
    const ordinary = {
      ...ruleDraft('OrdinaryResolution'),
      secrecy: 'Named' as const,
      collegeWeighting: 'no' as const,
      numbers: { threshold: '2/3', minVotingDays: '10' },
    };
    const opinion = { ...ruleDraft('Budget'), consultedCouncils: [] };
    expect(
      charterChangeInput({
        settings: { assemblyQuorum: '1 / 10', proxyLimitPerHolder: '3' },
        rules: [ordinary, opinion],
      }),
    ).toEqual({
      input: {
        settings: { assemblyQuorum: { numerator: 1, denominator: 10 }, proxyLimitPerHolder: 3 },
        rules: [
          {
            decisionType: 'OrdinaryResolution',
            threshold: { numerator: 2, denominator: 3 },
            minVotingDays: 10,
            secrecy: 'Named',
            collegeWeighting: false,
          },
          // An empty list is a change: the budget no longer consults any council.
          { decisionType: 'Budget', consultedCouncils: [] },
        ],
      },
    });
  });

  it('names the first field it cannot read', () => {
    expect(charterChangeInput({ settings: { assemblyQuorum: '10 %' }, rules: [] })).toEqual({
      unreadable: 'charter.assemblyQuorum',
    });
    expect(charterChangeInput({ settings: { proxyLimitPerHolder: '11' }, rules: [] })).toEqual({
      unreadable: 'charter.proxyLimit',
    });
    const count = { ...ruleDraft('Budget'), quorumKind: 'Count' as const, quorum: '1/2' };
    expect(charterChangeInput({ settings: {}, rules: [count] })).toEqual({
      unreadable: 'charter.quorum',
    });
    expect(charterChangeInput({ settings: { volunteerHourRate: '-5' }, rules: [] })).toEqual({
      unreadable: 'charter.volunteerRate',
    });
    const rule = { ...ruleDraft('SpecialResolution'), numbers: { minNoticeDays: 'trente' } };
    expect(charterChangeInput({ settings: {}, rules: [rule] })).toEqual({
      unreadable: 'charterChange.minNoticeDays',
    });
  });
});

describe('draftOf', () => {
  it('reads a stored change back into the form, which sends it again unchanged', () => {
    const stored = {
      settings: {
        assemblyQuorumNumerator: 1,
        assemblyQuorumDenominator: 10,
        proxyLimitPerHolder: 2,
        volunteerHourRateCents: 3550,
      },
      rules: {
        ordinary_resolution: {
          decidingBody: 'general_assembly',
          thresholdNumerator: 2,
          thresholdDenominator: 3,
          thresholdComparison: 'at_least',
          thresholdBase: 'cast',
          quorumKind: 'ratio',
          quorumNumerator: 1,
          quorumDenominator: 4,
          secrecy: 'named',
          collegeWeighting: false,
          consultedCouncils: ['youth'],
          informed: ['all_members', 'public'],
          minVotingDays: 10,
        },
        budget: { quorumKind: 'count', quorumNumerator: 40, quorumDenominator: 1 },
        trustee_election: { voteMethod: 'stv', competingOptionsMethod: 'irv' },
        contribution_scale: { competingOptionsMethod: null },
      },
    };
    const draft = draftOf(stored);
    expect(draft.settings.volunteerHourRate).toBe('35,50');
    expect(draftOf(stored, '.').settings.volunteerHourRate).toBe('35.50');
    expect(draft.rules[0]).toMatchObject({
      decisionType: 'OrdinaryResolution',
      decidingBody: 'GeneralAssembly',
      quorumKind: 'Ratio',
      quorum: '1/4',
      collegeWeighting: 'no',
      numbers: { threshold: '2/3', minVotingDays: '10' },
    });
    expect(charterChangeInput(draft)).toEqual({
      input: {
        settings: {
          assemblyQuorum: { numerator: 1, denominator: 10 },
          proxyLimitPerHolder: 2,
          volunteerHourRate: 3550,
        },
        rules: [
          {
            decisionType: 'OrdinaryResolution',
            decidingBody: 'GeneralAssembly',
            threshold: { numerator: 2, denominator: 3 },
            thresholdComparison: 'AtLeast',
            thresholdBase: 'Cast',
            quorum: { kind: 'Ratio', numerator: 1, denominator: 4 },
            secrecy: 'Named',
            collegeWeighting: false,
            consultedCouncils: ['youth'],
            informed: ['AllMembers', 'Public'],
            minVotingDays: 10,
          },
          { decisionType: 'Budget', quorum: { kind: 'Count', numerator: 40 } },
          // Stored methods are not the enum names' snake case: irv is InstantRunoff.
          {
            decisionType: 'TrusteeElection',
            voteMethod: 'SingleTransferableVote',
            competingOptionsMethod: 'InstantRunoff',
          },
          { decisionType: 'ContributionScale', competingOptionsMethod: null },
        ],
      },
    });
    expect(draftOf(null)).toEqual({ settings: expect.any(Object), rules: [] });
    expect(charterChangeInput(draftOf(undefined))).toEqual({ input: null });
  });
});
