import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CouncilType } from '@delibera/councils';
import { AuthUser, CurrentUser, LoaderContext } from '@delibera/kernel';
import { DraftOpinionInput, PutOpinionToVoteInput } from '../dto/proposal.inputs';
import { ProposalLoaders } from '../proposal-loaders';
import { ProposalPolicy } from '../proposal-policy';
import { ConsultationType, CouncilOpinionType } from '../proposals.types';
import { ConsultationService } from './consultation.service';

@Resolver(() => ConsultationType)
export class ConsultationResolver {
  constructor(
    private readonly consultation: ConsultationService,
    private readonly loaders: ProposalLoaders,
    private readonly policy: ProposalPolicy,
  ) {}

  @ResolveField(() => CouncilType)
  async council(
    @Parent() c: ConsultationType,
    @Context() context: LoaderContext,
  ): Promise<CouncilType> {
    const council = (await this.loaders.councils(context)).find((x) => x.id === c.councilId)!;
    return CouncilType.from(council);
  }

  @ResolveField(() => CouncilOpinionType, {
    nullable: true,
    description: 'The published opinion that answered the request.',
  })
  async opinion(
    @Parent() c: ConsultationType,
    @Context() context: LoaderContext,
  ): Promise<CouncilOpinionType | null> {
    if (!c.opinionId) return null;
    const opinion = await this.loaders.opinions(context).load(c.opinionId);
    return opinion && CouncilOpinionType.from(opinion);
  }

  @ResolveField(() => [CouncilOpinionType], {
    description:
      "Every opinion drafted for this request, with the council vote on each: the council's own (and the secretary's) until the consultation closes.",
  })
  async opinionDrafts(
    @CurrentUser() user: AuthUser,
    @Parent() c: ConsultationType,
    @Context() context: LoaderContext,
  ): Promise<CouncilOpinionType[]> {
    const mine = await this.loaders.myCouncilIds(context, user.memberId);
    if (!this.policy.canSeeOpinionDrafts(user, c, mine)) return [];
    return (await this.loaders.opinionDrafts(context).load(c.id)).map(CouncilOpinionType.from);
  }

  @Mutation(() => CouncilOpinionType, {
    description: 'A member sitting on the consulted council drafts its opinion.',
  })
  async draftCouncilOpinion(
    @CurrentUser() user: AuthUser,
    @Args('input') input: DraftOpinionInput,
  ): Promise<CouncilOpinionType> {
    return CouncilOpinionType.from(await this.consultation.draftOpinion(user, input));
  }

  @Mutation(() => CouncilOpinionType, {
    description:
      "The council's chair (or the secretary) puts a drafted opinion to the council's vote; adopted, it is published.",
  })
  async putCouncilOpinionToVote(
    @CurrentUser() user: AuthUser,
    @Args('input') input: PutOpinionToVoteInput,
  ): Promise<CouncilOpinionType> {
    return CouncilOpinionType.from(await this.consultation.putOpinionToVote(user, input));
  }
}
