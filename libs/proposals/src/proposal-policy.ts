import { Injectable } from '@nestjs/common';
import { Council, CouncilsService, SeatStatus } from '@delibera/councils';
import { AuthUser, CommonErrors, hasRole, Role } from '@delibera/kernel';
import { ConsultationStatus } from './consultation/consultation-request.entity';
import { Proposal } from './proposal.entity';
import { ProposalErrors } from './proposals.errors';

/**
 * Who may do what to a proposal, in one place. Roles come from the token;
 * per-resource rules (author, council member, council chair) from the data.
 * Checks run before the action's transaction: they read through services
 * on their own connections, which must never happen inside a transaction.
 */
@Injectable()
export class ProposalPolicy {
  constructor(private readonly councils: CouncilsService) {}

  /** The secretary acts for the board; trustees are the board. */
  canTable(user: AuthUser): boolean {
    return hasRole(user, Role.Secretary, Role.Trustee);
  }

  isSecretary(user: AuthUser): boolean {
    return hasRole(user, Role.Secretary);
  }

  isAuthor(user: AuthUser, proposal: Proposal): boolean {
    return proposal.authorMemberId
      ? user.memberId === proposal.authorMemberId
      : user.accountId === proposal.createdByAccountId;
  }

  /** The caller's member id: drafting, co-signing and amending are members' acts. */
  member(user: AuthUser): string {
    if (!user.memberId) throw ProposalErrors.MEMBER_REQUIRED();
    return user.memberId;
  }

  assertAuthor(user: AuthUser, proposal: Proposal): void {
    if (!this.isAuthor(user, proposal)) throw CommonErrors.FORBIDDEN();
  }

  assertAuthorOrSecretary(user: AuthUser, proposal: Proposal): void {
    if (!this.isAuthor(user, proposal) && !this.isSecretary(user)) throw CommonErrors.FORBIDDEN();
  }

  assertSecretary(user: AuthUser): void {
    if (!this.isSecretary(user)) throw CommonErrors.FORBIDDEN();
  }

  /** Drafting an opinion is for members holding an active seat on the council. */
  async assertCouncilMember(user: AuthUser, councilId: string): Promise<void> {
    const seated = user.memberId && (await this.activeMemberIds(councilId)).includes(user.memberId);
    if (!seated) throw ProposalErrors.NOT_ON_COUNCIL();
  }

  /**
   * A council's drafts and its internal votes are its own until the
   * consultation closes; the secretary sees them to support the council.
   */
  canSeeOpinionDrafts(
    user: AuthUser,
    consultation: { councilId: string; status: ConsultationStatus },
    myCouncilIds: string[],
  ): boolean {
    return (
      consultation.status !== ConsultationStatus.Requested ||
      this.isSecretary(user) ||
      myCouncilIds.includes(consultation.councilId)
    );
  }

  /** Recording the council's vote and publishing its opinion is the chair's (or the secretary's). */
  async assertCouncilChair(user: AuthUser, councilId: string): Promise<Council> {
    const council = (await this.councils.list()).find((c) => c.id === councilId);
    if (!council) throw CommonErrors.NOT_FOUND({ entity: 'council' });
    const chair = !!user.memberId && council.chairMemberId === user.memberId;
    if (!chair && !this.isSecretary(user)) throw CommonErrors.FORBIDDEN();
    return council;
  }

  async activeMemberIds(councilId: string): Promise<string[]> {
    const [seats] = await this.councils.openSeatsByCouncil([councilId]);
    return seats.filter((s) => s.status === SeatStatus.Active).map((s) => s.memberId);
  }
}
