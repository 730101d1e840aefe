import {
  Args,
  Context,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { DecisionRuleType } from '@delibera/charter';
import { CouncilType } from '@delibera/councils';
import {
  AuthUser,
  CurrentUser,
  LoaderContext,
  mapNodes,
  Role,
  Roles,
  UUIDScalar,
} from '@delibera/kernel';
import { decisionRights } from './decision-rights';
import {
  AdvanceProposalInput,
  AttachLinkInput,
  CancelProposalInput,
  DraftProposalInput,
  EditProposalDraftInput,
  ProposalsArgs,
  SubmitProposalInput,
} from './dto/proposal.inputs';
import { ProposalAttachmentsService } from './proposal-attachments.service';
import { ProposalLifecycleService } from './proposal-lifecycle.service';
import { ProposalLoaders } from './proposal-loaders';
import { ProposalsQueryService } from './proposals-query.service';
import { ProposalsService } from './proposals.service';
import {
  ConsultationType,
  CouncilOpinionType,
  DecisionRightsType,
  ProposalAmendmentType,
  ProposalAttachmentType,
  ProposalAuthorType,
  ProposalConnection,
  ProposalDiffType,
  ProposalType,
  ProposalVersionType,
} from './proposals.types';
import { diffTexts, renderMarkdown } from './text/proposal-text';

@Resolver(() => ProposalType)
export class ProposalsResolver {
  constructor(
    private readonly proposalsService: ProposalsService,
    private readonly query: ProposalsQueryService,
    private readonly lifecycle: ProposalLifecycleService,
    private readonly attachmentsService: ProposalAttachmentsService,
    private readonly loaders: ProposalLoaders,
  ) {}

  @Query(() => ProposalConnection, { description: 'Proposals, newest first.' })
  async proposals(
    @CurrentUser() user: AuthUser,
    @Args() args: ProposalsArgs,
  ): Promise<ProposalConnection> {
    return mapNodes(await this.query.list(user, args, args), ProposalType.from);
  }

  @Query(() => ProposalType)
  async proposal(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => UUIDScalar }) id: string,
  ): Promise<ProposalType> {
    return ProposalType.from(await this.query.visible(user, id));
  }

  @ResolveField(() => ProposalAuthorType, { nullable: true })
  async author(
    @Parent() p: ProposalType,
    @Context() context: LoaderContext,
  ): Promise<ProposalAuthorType | null> {
    if (!p.authorMemberId) return null;
    const member = await this.loaders.authors(context).load(p.authorMemberId);
    return member && { id: member.id, displayName: member.displayName };
  }

  @ResolveField(() => String, { description: 'The current body as sanitised HTML.' })
  renderedBody(@Parent() p: ProposalType): string {
    return renderMarkdown(p.body);
  }

  @ResolveField(() => [ProposalVersionType], { description: 'Every version, oldest first.' })
  async versions(
    @Parent() p: ProposalType,
    @Context() context: LoaderContext,
  ): Promise<ProposalVersionType[]> {
    return (await this.loaders.versions(context).load(p.id)).map(ProposalVersionType.from);
  }

  @ResolveField(() => ProposalDiffType)
  async diff(
    @Parent() p: ProposalType,
    @Args('from', { type: () => Int }) from: number,
    @Args('to', { type: () => Int }) to: number,
  ): Promise<ProposalDiffType> {
    const [a, b] = await Promise.all([
      this.proposalsService.version(p.id, from),
      this.proposalsService.version(p.id, to),
    ]);
    return ProposalDiffType.from(from, to, diffTexts(a, b));
  }

  @ResolveField(() => Int, { description: 'Co-signatures an initiative has gathered.' })
  cosignatureCount(@Parent() p: ProposalType, @Context() context: LoaderContext): Promise<number> {
    return this.loaders.cosignatures(context).load(p.id);
  }

  @ResolveField(() => [ConsultationType])
  async consultations(
    @Parent() p: ProposalType,
    @Context() context: LoaderContext,
  ): Promise<ConsultationType[]> {
    return (await this.loaders.consultations(context).load(p.id)).map(ConsultationType.from);
  }

  @ResolveField(() => [ProposalAmendmentType])
  async amendments(
    @Parent() p: ProposalType,
    @Context() context: LoaderContext,
  ): Promise<ProposalAmendmentType[]> {
    return (await this.loaders.amendmentsOf(context).load(p.id)).map(ProposalAmendmentType.from);
  }

  @ResolveField(() => [ProposalAttachmentType])
  async attachments(
    @Parent() p: ProposalType,
    @Context() context: LoaderContext,
  ): Promise<ProposalAttachmentType[]> {
    return (await this.loaders.attachmentsOf(context).load(p.id)).map(ProposalAttachmentType.from);
  }

  @ResolveField(() => DecisionRightsType)
  async decisionRights(
    @Parent() p: ProposalType,
    @Context() context: LoaderContext,
  ): Promise<DecisionRightsType> {
    const [charter, requests] = await Promise.all([
      this.loaders.charters(context).load(p.charterVersionId ?? ''),
      this.loaders.consultations(context).load(p.id),
    ]);
    const rule = charter.rules.find((r) => r.decisionType === p.decisionType)!;
    const councils = await this.loaders.councils(context);
    const codeOf = (councilId: string) => councils.find((c) => c.id === councilId)?.code ?? '';
    const rights = decisionRights(
      rule,
      requests.map((r) => ({ ...r, councilCode: codeOf(r.councilId) })),
    );
    const consulted = await Promise.all(
      rights.consulted.map(async (c) => {
        const opinion = c.request?.opinionId
          ? await this.loaders.opinions(context).load(c.request.opinionId)
          : null;
        const council = councils.find((candidate) => candidate.code === c.councilCode);
        return {
          councilCode: c.councilCode,
          council: council ? CouncilType.from(council) : null,
          status: c.status,
          dueAt: c.request?.dueAt ?? null,
          opinion: opinion && CouncilOpinionType.from(opinion),
        };
      }),
    );
    return {
      charterVersion: charter.version,
      pinned: !!p.charterVersionId,
      participates: rights.participates,
      deliberates: rights.deliberates,
      consulted,
      decides: rights.decides,
      rule: DecisionRuleType.from(rule),
      informed: rights.informed,
    };
  }

  @Mutation(() => ProposalType, {
    description: 'A member drafts an initiative (it will collect co-signatures once submitted).',
  })
  async draftProposal(
    @CurrentUser() user: AuthUser,
    @Args('input') input: DraftProposalInput,
  ): Promise<ProposalType> {
    return ProposalType.from(await this.lifecycle.draft(user, { ...input, tabled: false }));
  }

  @Mutation(() => ProposalType, {
    description: 'The board (secretary or trustee) drafts a proposal it will table.',
  })
  @Roles(Role.Secretary, Role.Trustee)
  async draftBoardProposal(
    @CurrentUser() user: AuthUser,
    @Args('input') input: DraftProposalInput,
  ): Promise<ProposalType> {
    return ProposalType.from(await this.lifecycle.draft(user, { ...input, tabled: true }));
  }

  @Mutation(() => ProposalType, {
    description: 'The author edits a draft; each edit is a new version.',
  })
  async editProposalDraft(
    @CurrentUser() user: AuthUser,
    @Args('input') input: EditProposalDraftInput,
  ): Promise<ProposalType> {
    return ProposalType.from(await this.lifecycle.editDraft(user, input));
  }

  @Mutation(() => ProposalType, {
    description:
      'Submits a draft under the charter in force. Phase dates default to the charter minimums; earlier ones are refused.',
  })
  async submitProposal(
    @CurrentUser() user: AuthUser,
    @Args('input') input: SubmitProposalInput,
  ): Promise<ProposalType> {
    const { proposalId, ...requested } = input;
    return ProposalType.from(await this.lifecycle.submit(user, proposalId, requested));
  }

  @Mutation(() => ProposalType, {
    description: 'A member co-signs an initiative collecting support.',
  })
  async cosignProposal(
    @CurrentUser() user: AuthUser,
    @Args('proposalId', { type: () => UUIDScalar }) proposalId: string,
  ): Promise<ProposalType> {
    return ProposalType.from(await this.lifecycle.cosign(user, proposalId));
  }

  @Mutation(() => ProposalType, {
    description:
      'The author or the secretary ends consultation early (every council answered) or opens the vote when deliberation is over.',
  })
  async advanceProposal(
    @CurrentUser() user: AuthUser,
    @Args('input') input: AdvanceProposalInput,
  ): Promise<ProposalType> {
    return ProposalType.from(await this.lifecycle.advance(user, input.proposalId, input.to));
  }

  @Mutation(() => ProposalType, {
    description: 'The author withdraws the proposal (before voting).',
  })
  async withdrawProposal(
    @CurrentUser() user: AuthUser,
    @Args('proposalId', { type: () => UUIDScalar }) proposalId: string,
  ): Promise<ProposalType> {
    return ProposalType.from(await this.lifecycle.withdraw(user, proposalId));
  }

  @Mutation(() => ProposalType, { description: 'The secretary cancels a proposal, with a reason.' })
  @Roles(Role.Secretary)
  async cancelProposal(
    @CurrentUser() user: AuthUser,
    @Args('input') input: CancelProposalInput,
  ): Promise<ProposalType> {
    return ProposalType.from(await this.lifecycle.cancel(user, input.proposalId, input.reason));
  }

  @Mutation(() => ProposalType, {
    description: 'The secretary records that an adopted proposal was implemented.',
  })
  @Roles(Role.Secretary)
  async markProposalImplemented(
    @CurrentUser() user: AuthUser,
    @Args('proposalId', { type: () => UUIDScalar }) proposalId: string,
  ): Promise<ProposalType> {
    return ProposalType.from(await this.lifecycle.markImplemented(user, proposalId));
  }

  @Mutation(() => ProposalAttachmentType, {
    description: 'The author or the secretary links a document.',
  })
  async attachProposalLink(
    @CurrentUser() user: AuthUser,
    @Args('input') input: AttachLinkInput,
  ): Promise<ProposalAttachmentType> {
    return ProposalAttachmentType.from(await this.attachmentsService.attach(user, input));
  }
}
