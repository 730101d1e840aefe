import { canTransition, isBeforeVoting, isFinal, ProposalStatus as S } from '../proposal-status';

describe('proposal state machine', () => {
  it('follows DESIGN.md §3: no phase can be skipped on the way to a vote', () => {
    expect(canTransition(S.Draft, S.Submitted)).toBe(true);
    expect(canTransition(S.Submitted, S.Consultation)).toBe(true);
    expect(canTransition(S.Consultation, S.Deliberation)).toBe(true);
    expect(canTransition(S.Deliberation, S.Voting)).toBe(true);
    expect(canTransition(S.Voting, S.Adopted)).toBe(true);
    expect(canTransition(S.Adopted, S.Implemented)).toBe(true);

    expect(canTransition(S.Draft, S.Voting)).toBe(false);
    expect(canTransition(S.Consultation, S.Voting)).toBe(false);
    expect(canTransition(S.Rejected, S.Implemented)).toBe(false);
  });

  it('lets the author withdraw only before voting, and the secretary cancel any unfinished proposal after drafting', () => {
    for (const status of Object.values(S)) {
      expect(canTransition(status, S.Withdrawn)).toBe(isBeforeVoting(status));
    }
    expect(canTransition(S.Voting, S.Cancelled)).toBe(true);
    expect(canTransition(S.Draft, S.Cancelled)).toBe(false);
    expect(canTransition(S.Adopted, S.Cancelled)).toBe(false);
  });

  it('only initiatives in support can expire, and final states lead nowhere', () => {
    expect(canTransition(S.Support, S.Expired)).toBe(true);
    expect(canTransition(S.Consultation, S.Expired)).toBe(false);
    for (const status of [
      S.Rejected,
      S.QuorumNotMet,
      S.Implemented,
      S.Withdrawn,
      S.Cancelled,
      S.Expired,
    ]) {
      expect(isFinal(status)).toBe(true);
    }
    expect(isFinal(S.Adopted)).toBe(false);
  });
});
