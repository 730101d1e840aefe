import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AuthUser, ConnectionArgs, CurrentUser, LoaderContext, mapNodes } from '@delibera/kernel';
import { DeliberationLoaders } from './deliberation.loaders';
import { DeliberationService } from './deliberation.service';
import {
  ArgumentConnection,
  ArgumentType,
  ProposalThreadType,
  StanceCountsType,
} from './deliberation.types';
import { CouncilThreadsService } from './council-threads.service';
import { ProposalThreadArgs, SetCouncilThreadRestrictedInput } from './dto/argument.input';
import { ThreadAccessService } from './thread-access.service';

@Resolver(() => ProposalThreadType)
export class ProposalThreadResolver {
  constructor(
    private readonly service: DeliberationService,
    private readonly access: ThreadAccessService,
    private readonly loaders: DeliberationLoaders,
    private readonly councilThreads: CouncilThreadsService,
  ) {}

  @Query(() => ProposalThreadType, {
    description:
      "A proposal's general thread, or a council's thread on it (NOT_COUNCIL_MEMBER while restricted to its members).",
  })
  async proposalThread(
    @CurrentUser() user: AuthUser,
    @Context() context: LoaderContext,
    @Args() { proposalId, councilId }: ProposalThreadArgs,
  ): Promise<ProposalThreadType> {
    const viewer = await this.loaders.viewer(context, user);
    const thread = await this.access.assertCanRead(viewer, proposalId, councilId ?? null);
    return ProposalThreadType.of(proposalId, councilId ?? null, thread, viewer);
  }

  @Mutation(() => ProposalThreadType, {
    description:
      "The council's chair or the secretary opens the council's thread to all members before its opinion is published, or restricts it again.",
  })
  async setCouncilThreadRestricted(
    @CurrentUser() user: AuthUser,
    @Context() context: LoaderContext,
    @Args('input') { proposalId, councilId, restricted }: SetCouncilThreadRestrictedInput,
  ): Promise<ProposalThreadType> {
    const thread = await this.councilThreads.setRestricted(user, proposalId, councilId, restricted);
    return ProposalThreadType.of(
      proposalId,
      councilId,
      thread,
      await this.loaders.viewer(context, user),
    );
  }

  @ResolveField(() => ArgumentConnection, { description: 'Top-level arguments, oldest first.' })
  async arguments(
    @Parent() thread: ProposalThreadType,
    @Args() args: ConnectionArgs,
  ): Promise<ArgumentConnection> {
    const page = await this.service.topLevel(thread.proposalId, thread.councilId, args);
    return mapNodes(page, (argument) => ArgumentType.from(argument, thread.viewer));
  }

  @ResolveField(() => StanceCountsType, { description: "This thread's counts." })
  async counts(@Parent() thread: ProposalThreadType): Promise<StanceCountsType> {
    return StanceCountsType.from(
      await this.service.counts(thread.viewer, thread.proposalId, { councilId: thread.councilId }),
    );
  }
}
