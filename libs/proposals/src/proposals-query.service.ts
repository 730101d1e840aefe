import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DecisionType } from '@delibera/charter';
import { AuthUser, ConnectionArgs, ConnectionShape, paginate } from '@delibera/kernel';
import { Proposal } from './proposal.entity';
import { ProposalPolicy } from './proposal-policy';
import { ProposalStatus } from './proposal-status';
import { ProposalErrors } from './proposals.errors';

export interface ProposalFilter {
  status?: ProposalStatus;
  decisionType?: DecisionType;
  /** Proposals on which this council is (or was) consulted. */
  councilId?: string;
  authorMemberId?: string;
  /** Words searched in the current title and body, in French and in English. */
  search?: string;
}

/**
 * What members may read: every submitted proposal, and drafts only to their
 * author and the secretary.
 */
@Injectable()
export class ProposalsQueryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: ProposalPolicy,
  ) {}

  async visible(user: AuthUser, id: string): Promise<Proposal> {
    const proposal = await this.dataSource.manager.findOneBy(Proposal, { id });
    const hidden =
      proposal?.status === ProposalStatus.Draft &&
      !this.policy.isAuthor(user, proposal) &&
      !this.policy.isSecretary(user);
    if (!proposal || hidden) throw ProposalErrors.PROPOSAL_NOT_FOUND();
    return proposal;
  }

  list(
    user: AuthUser,
    filter: ProposalFilter,
    args: ConnectionArgs,
  ): Promise<ConnectionShape<Proposal>> {
    const query = this.dataSource.getRepository(Proposal).createQueryBuilder('p');
    if (!this.policy.isSecretary(user)) {
      query.andWhere(
        `(p.status <> 'draft' OR p.authorMemberId = :me OR p.createdByAccountId = :account)`,
        { me: user.memberId, account: user.accountId },
      );
    }
    if (filter.status) query.andWhere('p.status = :status', { status: filter.status });
    if (filter.decisionType) {
      query.andWhere('p.decisionType = :decisionType', { decisionType: filter.decisionType });
    }
    if (filter.authorMemberId) {
      query.andWhere('p.authorMemberId = :author', { author: filter.authorMemberId });
    }
    if (filter.councilId) {
      query.andWhere(
        'EXISTS (SELECT 1 FROM consultation_request r WHERE r.proposal_id = p.id AND r.council_id = :councilId)',
        { councilId: filter.councilId },
      );
    }
    if (filter.search?.trim()) {
      // The generated `search` column holds French and English vectors (GIN-indexed): match either stemming.
      query.andWhere(
        `p.search @@ (websearch_to_tsquery('french', :search) || websearch_to_tsquery('english', :search))`,
        { search: filter.search.trim() },
      );
    }
    return paginate(
      query,
      args,
      {
        column: 'p.createdAt',
        id: 'p.id',
        direction: 'DESC',
        key: (p) => [p.createdAt.toISOString(), p.id],
      },
      (p) => p,
    );
  }

  /** Co-signature counts of several proposals in one query, for DataLoaders. */
  async cosignatureCounts(proposalIds: readonly string[]): Promise<number[]> {
    const rows: { proposal_id: string; n: number }[] = await this.dataSource.query(
      `SELECT proposal_id, count(*)::int AS n FROM proposal_cosignature WHERE proposal_id = ANY($1) GROUP BY proposal_id`,
      [proposalIds],
    );
    const counts = new Map(rows.map((row) => [row.proposal_id, row.n]));
    return proposalIds.map((id) => counts.get(id) ?? 0);
  }
}
