import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AuthUser, ConnectionArgs, CurrentUser, LoaderContext, mapNodes } from '@delibera/kernel';
import { DeliberationLoaders } from './deliberation.loaders';
import { DeliberationService } from './deliberation.service';
import {
  ArgumentConnection,
  ArgumentType,
  ProposalThreadType,
  StanceCountsType,
} from './deliberation.types';
import { ProposalThreadArgs } from './dto/argument.input';
import { isRestricted, ThreadAccessService } from './thread-access.service';

@Resolver(() => ProposalThreadType)
export class ProposalThreadResolver {
  constructor(
    private readonly service: DeliberationService,
    private readonly access: ThreadAccessService,
    private readonly loaders: DeliberationLoaders,
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
    return {
      proposalId,
      councilId: councilId ?? null,
      restricted: councilId ? isRestricted(thread) : false,
      opinionPublishedAt: thread?.opinionPublishedAt ?? null,
      viewer,
    };
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
