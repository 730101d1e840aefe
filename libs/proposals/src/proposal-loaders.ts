import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import { CharterService, CharterVersion } from '@delibera/charter';
import { Council, CouncilsService } from '@delibera/councils';
import { LoaderContext, requestLoader } from '@delibera/kernel';
import { Member, MembershipService } from '@delibera/membership';
import { AmendmentsService } from './amendments/amendments.service';
import { ConsultationRequest } from './consultation/consultation-request.entity';
import { ConsultationService } from './consultation/consultation.service';
import { CouncilOpinion } from './consultation/council-opinion.entity';
import { ProposalAmendment } from './amendments/proposal-amendment.entity';
import { ProposalAttachment } from './proposal-attachment.entity';
import { ProposalAttachmentsService } from './proposal-attachments.service';
import { ProposalVersion } from './proposal-version.entity';
import { ProposalsQueryService } from './proposals-query.service';
import { ProposalsService } from './proposals.service';

/**
 * The request's DataLoaders for everything hung on a proposal: a page of N
 * proposals costs one query per kind of field, never one per proposal.
 */
@Injectable()
export class ProposalLoaders {
  constructor(
    private readonly proposals: ProposalsService,
    private readonly query: ProposalsQueryService,
    private readonly consultation: ConsultationService,
    private readonly amendments: AmendmentsService,
    private readonly attachments: ProposalAttachmentsService,
    private readonly membership: MembershipService,
    private readonly councilsService: CouncilsService,
    private readonly charter: CharterService,
  ) {}

  authors(context: LoaderContext): DataLoader<string, Member | null> {
    return requestLoader(context, 'proposal.authors', async (ids: readonly string[]) => {
      const members = new Map((await this.membership.byIds(ids)).map((m) => [m.id, m]));
      return ids.map((id) => members.get(id) ?? null);
    });
  }

  /** Councils are few: one query per request loads them all. */
  councils(context: LoaderContext): Promise<Council[]> {
    return requestLoader(context, 'proposal.councils', async (keys: readonly string[]) => {
      const all = await this.councilsService.list();
      return keys.map(() => all);
    }).load('all');
  }

  /** Ids of the councils the caller sits on (none without a member record). */
  async myCouncilIds(context: LoaderContext, memberId: string | null): Promise<string[]> {
    if (!memberId) return [];
    const councils = await requestLoader(context, 'proposal.myCouncils', (ids: readonly string[]) =>
      Promise.all(ids.map((id) => this.councilsService.activeCouncilsOf(id))),
    ).load(memberId);
    return councils.map((c) => c.id);
  }

  versions(context: LoaderContext): DataLoader<string, ProposalVersion[]> {
    return requestLoader(context, 'proposal.versions', (ids: readonly string[]) =>
      this.proposals.versionsOf(ids),
    );
  }

  consultations(context: LoaderContext): DataLoader<string, ConsultationRequest[]> {
    return requestLoader(context, 'proposal.consultations', (ids: readonly string[]) =>
      this.consultation.requestsOf(ids),
    );
  }

  opinions(context: LoaderContext): DataLoader<string, CouncilOpinion | null> {
    return requestLoader(context, 'proposal.opinions', (ids: readonly string[]) =>
      this.consultation.opinionsByIds(ids),
    );
  }

  opinionDrafts(context: LoaderContext): DataLoader<string, CouncilOpinion[]> {
    return requestLoader(context, 'proposal.opinionDrafts', (ids: readonly string[]) =>
      this.consultation.opinionsOf(ids),
    );
  }

  amendmentsOf(context: LoaderContext): DataLoader<string, ProposalAmendment[]> {
    return requestLoader(context, 'proposal.amendments', (ids: readonly string[]) =>
      this.amendments.amendmentsOf(ids),
    );
  }

  attachmentsOf(context: LoaderContext): DataLoader<string, ProposalAttachment[]> {
    return requestLoader(context, 'proposal.attachments', (ids: readonly string[]) =>
      this.attachments.attachmentsOf(ids),
    );
  }

  cosignatures(context: LoaderContext): DataLoader<string, number> {
    return requestLoader(context, 'proposal.cosignatures', (ids: readonly string[]) =>
      this.query.cosignatureCounts(ids),
    );
  }

  /** Charter versions by id ('' for the one in force): a page spans one or two versions. */
  charters(context: LoaderContext): DataLoader<string, CharterVersion> {
    return requestLoader(context, 'proposal.charters', (ids: readonly string[]) =>
      Promise.all(ids.map((id) => (id ? this.charter.byId(id) : this.charter.inForce()))),
    );
  }
}
