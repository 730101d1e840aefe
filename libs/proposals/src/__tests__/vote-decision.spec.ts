import { VoteClosedEvent } from '@delibera/kernel';
import { Proposal } from '../proposal.entity';
import { ProposalStatus } from '../proposal-status';
import { decisionOf } from '../vote-closed.listener';

const OPTIONS = [
  { id: 'scale-a', labelFr: 'A', labelEn: 'A' },
  { id: 'scale-b', labelFr: 'B', labelEn: 'B' },
];
const proposal = (voteOptions: Proposal['voteOptions']) => ({ voteOptions });
const closed = (outcome: VoteClosedEvent['outcome'], winners: string[] = []) => ({
  outcome,
  winners,
});

describe('a proposal decided by its vote', () => {
  it('takes a yes-or-no outcome as it is, and ignores outcomes that decide nothing', () => {
    expect(decisionOf(proposal(null), closed('adopted'))).toEqual({ to: ProposalStatus.Adopted });
    expect(decisionOf(proposal(null), closed('rejected'))).toEqual({ to: ProposalStatus.Rejected });
    expect(decisionOf(proposal(null), closed('quorum_not_met'))).toEqual({
      to: ProposalStatus.QuorumNotMet,
    });
    expect(decisionOf(proposal(null), closed('completed', ['x']))).toBeNull();
  });

  it('adopts the winning option of a ranked vote between options', () => {
    expect(decisionOf(proposal(OPTIONS), closed('completed', ['scale-b']))).toEqual({
      to: ProposalStatus.Adopted,
      winningOptionId: 'scale-b',
    });
  });

  it('rejects when the ranked vote has no winner (no ballot) or names an unknown option', () => {
    expect(decisionOf(proposal(OPTIONS), closed('completed'))).toEqual({
      to: ProposalStatus.Rejected,
    });
    expect(decisionOf(proposal(OPTIONS), closed('completed', ['scale-z']))).toEqual({
      to: ProposalStatus.Rejected,
    });
  });

  it('records a ranked vote without its quorum as quorum not met', () => {
    expect(decisionOf(proposal(OPTIONS), closed('quorum_not_met'))).toEqual({
      to: ProposalStatus.QuorumNotMet,
    });
  });
});
