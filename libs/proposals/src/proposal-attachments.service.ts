import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AuditService } from '@delibera/audit';
import { AuthUser } from '@delibera/kernel';
import { ProposalAttachment } from './proposal-attachment.entity';
import { isBeforeVoting } from './proposal-status';
import { ProposalErrors } from './proposals.errors';
import { ProposalsService } from './proposals.service';
import { ProposalPolicy } from './proposal-policy';
import { groupByKey } from './batch';

/** Documents linked by URL: the author or the secretary adds them until the vote. */
@Injectable()
export class ProposalAttachmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly proposals: ProposalsService,
    private readonly policy: ProposalPolicy,
    private readonly audit: AuditService,
  ) {}

  async attach(
    user: AuthUser,
    link: { proposalId: string; url: string; title: string },
  ): Promise<ProposalAttachment> {
    return this.dataSource.transaction(async (manager) => {
      const proposal = await this.proposals.lock(manager, link.proposalId);
      this.policy.assertAuthorOrSecretary(user, proposal);
      if (!isBeforeVoting(proposal.status)) {
        throw ProposalErrors.NOT_IN_PHASE({ expected: 'deliberation', status: proposal.status });
      }
      const attachment = await manager.save(
        manager.create(ProposalAttachment, {
          proposalId: proposal.id,
          url: link.url,
          title: link.title,
          addedByAccountId: user.accountId,
        }),
      );
      await this.audit.append(manager, {
        actorAccountId: user.accountId,
        action: 'proposal.attachment_added',
        entityType: 'proposal_attachment',
        entityId: attachment.id,
        data: { proposalId: proposal.id, url: link.url, title: link.title },
      });
      return attachment;
    });
  }

  async attachmentsOf(proposalIds: readonly string[]): Promise<ProposalAttachment[][]> {
    const rows = await this.dataSource.getRepository(ProposalAttachment).find({
      where: { proposalId: In([...proposalIds]) },
      order: { createdAt: 'ASC' },
    });
    return groupByKey(proposalIds, rows, (row) => row.proposalId);
  }
}
