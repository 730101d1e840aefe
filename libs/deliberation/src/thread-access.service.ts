import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CouncilsService } from '@delibera/councils';
import { AuthUser, hasRole, Role } from '@delibera/kernel';
import { MembershipService, MemberStatus } from '@delibera/membership';
import { ProposalsService, ProposalStatus } from '@delibera/proposals';
import { CouncilThread } from './council-thread.entity';
import { EDITORIAL_COMMITTEE_CODE } from './deliberation.enums';
import { DeliberationErrors } from './deliberation.errors';

/** Who is looking: resolved once per request, then used for every rule and every row shown. */
export interface Viewer {
  accountId: string;
  memberId: string | null;
  /** Councils on which the viewer holds an active seat. */
  councilIds: ReadonlySet<string>;
  /** Holds the moderator role or sits on the editorial committee. */
  moderator: boolean;
}

/** Deliberation is open while councils are consulted and during the deliberation phase. */
const OPEN_PHASES: ReadonlySet<ProposalStatus> = new Set([
  ProposalStatus.Consultation,
  ProposalStatus.Deliberation,
]);

/** A council's thread is closed to non-members until its opinion is out or the restriction lifted. */
export function isRestricted(thread: CouncilThread | null): boolean {
  return (thread?.restricted ?? true) && !thread?.opinionPublishedAt;
}

/**
 * Every deliberation access rule, in one place: who may read and post in
 * which thread, and who moderates. The general thread (no council) is open to
 * every signed-in account; a council's thread takes posts only from its
 * active members and, while restricted, is read only by them and moderators.
 */
@Injectable()
export class ThreadAccessService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly councils: CouncilsService,
    private readonly membership: MembershipService,
    private readonly proposals: ProposalsService,
  ) {}

  async viewer(user: AuthUser): Promise<Viewer> {
    const councils = user.memberId ? await this.councils.activeCouncilsOf(user.memberId) : [];
    return {
      accountId: user.accountId,
      memberId: user.memberId,
      councilIds: new Set(councils.map((council) => council.id)),
      moderator:
        hasRole(user, Role.Moderator) ||
        councils.some((council) => council.code === EDITORIAL_COMMITTEE_CODE),
    };
  }

  councilThread(
    proposalId: string,
    councilId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<CouncilThread | null> {
    return manager.findOneBy(CouncilThread, { proposalId, councilId });
  }

  /** Refuses NOT_COUNCIL_MEMBER for a restricted council thread the viewer may not read. */
  async assertCanRead(
    viewer: Viewer,
    proposalId: string,
    councilId: string | null,
    manager?: EntityManager,
  ): Promise<CouncilThread | null> {
    // Existence first, so an unknown proposal is PROPOSAL_NOT_FOUND for everyone.
    await this.proposals.byId(proposalId, manager);
    if (!councilId) return null;
    const thread = await this.councilThread(proposalId, councilId, manager);
    if (isRestricted(thread) && !viewer.moderator && !viewer.councilIds.has(councilId)) {
      throw DeliberationErrors.NOT_COUNCIL_MEMBER();
    }
    return thread;
  }

  /**
   * Posting (and replying, editing, endorsing) needs an active member, an open
   * deliberation phase, and for a council's thread an active seat on that council.
   */
  async assertCanPost(
    viewer: Viewer,
    proposalId: string,
    councilId: string | null,
    manager: EntityManager,
  ): Promise<string> {
    const memberId = await this.activeMemberId(viewer, manager);
    const proposal = await this.proposals.byId(proposalId, manager);
    if (councilId && !viewer.councilIds.has(councilId)) {
      throw DeliberationErrors.NOT_COUNCIL_MEMBER();
    }
    if (!OPEN_PHASES.has(proposal.status)) {
      throw DeliberationErrors.DELIBERATION_CLOSED({ status: proposal.status });
    }
    return memberId;
  }

  /** The viewer's member id, if that member is active; MEMBERS_ONLY otherwise. */
  async activeMemberId(viewer: Viewer, manager?: EntityManager): Promise<string> {
    if (!viewer.memberId) throw DeliberationErrors.MEMBERS_ONLY();
    const member = await this.membership.byId(viewer.memberId, manager);
    if (member.status !== MemberStatus.Active) throw DeliberationErrors.MEMBERS_ONLY();
    return member.id;
  }

  assertModerator(viewer: Viewer): void {
    if (!viewer.moderator) throw DeliberationErrors.NOT_MODERATOR();
  }

  /**
   * The same read rule as `assertCanRead`, as SQL over `argument a` left-joined
   * to `council_thread t`: for aggregates and lists spanning several threads.
   */
  readableCondition(viewer: Viewer): { sql: string; params: Record<string, unknown> } {
    if (viewer.moderator) return { sql: 'TRUE', params: {} };
    return {
      sql: `(a.council_id IS NULL OR a.council_id = ANY(:viewerCouncilIds) OR t.restricted = false OR t.opinion_published_at IS NOT NULL)`,
      params: { viewerCouncilIds: [...viewer.councilIds] },
    };
  }
}
