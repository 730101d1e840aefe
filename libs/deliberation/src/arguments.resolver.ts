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
import {
  AuthUser,
  ConnectionArgs,
  CurrentUser,
  LoaderContext,
  mapNodes,
  UUIDScalar,
} from '@delibera/kernel';
import { DeliberationLoaders } from './deliberation.loaders';
import { DeliberationService } from './deliberation.service';
import {
  ArgumentAuthorType,
  ArgumentConnection,
  ArgumentRevisionType,
  ArgumentType,
  StanceCountsType,
} from './deliberation.types';
import { FlagKind } from './deliberation.enums';
import {
  EditArgumentInput,
  FirstRepliesArgs,
  PostArgumentInput,
  ReplyToArgumentInput,
} from './dto/argument.input';
import { ThreadAccessService } from './thread-access.service';

/** Arguments: posting, replying, editing and endorsing, and every field read under an argument. */
@Resolver(() => ArgumentType)
export class ArgumentsResolver {
  constructor(
    private readonly service: DeliberationService,
    private readonly access: ThreadAccessService,
    private readonly loaders: DeliberationLoaders,
  ) {}

  @Query(() => StanceCountsType, {
    description: 'For / against / question / information counts over the threads you may read.',
  })
  async deliberationCounts(
    @CurrentUser() user: AuthUser,
    @Context() context: LoaderContext,
    @Args('proposalId', { type: () => UUIDScalar }) proposalId: string,
  ): Promise<StanceCountsType> {
    const viewer = await this.loaders.viewer(context, user);
    await this.access.assertCanRead(viewer, proposalId, null);
    return StanceCountsType.from(await this.service.counts(viewer, proposalId));
  }

  @Query(() => ArgumentConnection, { description: "One argument's replies, oldest first." })
  async argumentReplies(
    @CurrentUser() user: AuthUser,
    @Context() context: LoaderContext,
    @Args('argumentId', { type: () => UUIDScalar }) argumentId: string,
    @Args() args: ConnectionArgs,
  ): Promise<ArgumentConnection> {
    const viewer = await this.loaders.viewer(context, user);
    await this.service.readableArgument(viewer, argumentId);
    const page = await this.service.replies(argumentId, args);
    return mapNodes(page, (argument) => ArgumentType.from(argument, viewer));
  }

  @Mutation(() => ArgumentType, { description: 'A new top-level argument in a thread.' })
  async postArgument(
    @CurrentUser() user: AuthUser,
    @Context() context: LoaderContext,
    @Args('input') input: PostArgumentInput,
  ): Promise<ArgumentType> {
    const viewer = await this.loaders.viewer(context, user);
    return ArgumentType.from(await this.service.post(viewer, input), viewer);
  }

  @Mutation(() => ArgumentType)
  async replyToArgument(
    @CurrentUser() user: AuthUser,
    @Context() context: LoaderContext,
    @Args('input') input: ReplyToArgumentInput,
  ): Promise<ArgumentType> {
    const viewer = await this.loaders.viewer(context, user);
    return ArgumentType.from(await this.service.reply(viewer, input), viewer);
  }

  @Mutation(() => ArgumentType, { description: 'The author edits; earlier texts are kept.' })
  async editArgument(
    @CurrentUser() user: AuthUser,
    @Context() context: LoaderContext,
    @Args('input') input: EditArgumentInput,
  ): Promise<ArgumentType> {
    const viewer = await this.loaders.viewer(context, user);
    return ArgumentType.from(await this.service.edit(viewer, input.argumentId, input.body), viewer);
  }

  @Mutation(() => ArgumentType)
  async endorseArgument(
    @CurrentUser() user: AuthUser,
    @Context() context: LoaderContext,
    @Args('argumentId', { type: () => UUIDScalar }) argumentId: string,
  ): Promise<ArgumentType> {
    const viewer = await this.loaders.viewer(context, user);
    return ArgumentType.from(await this.service.endorse(viewer, argumentId), viewer);
  }

  @Mutation(() => ArgumentType)
  async unendorseArgument(
    @CurrentUser() user: AuthUser,
    @Context() context: LoaderContext,
    @Args('argumentId', { type: () => UUIDScalar }) argumentId: string,
  ): Promise<ArgumentType> {
    const viewer = await this.loaders.viewer(context, user);
    return ArgumentType.from(await this.service.unendorse(viewer, argumentId), viewer);
  }

  @ResolveField(() => ArgumentAuthorType)
  author(
    @Parent() argument: ArgumentType,
    @Context() context: LoaderContext,
  ): Promise<ArgumentAuthorType> {
    return this.loaders.authors(context).load(argument.authorMemberId);
  }

  @ResolveField(() => [ArgumentType], {
    description: 'The first replies, oldest first; page further with `argumentReplies`.',
  })
  async replies(
    @Parent() argument: ArgumentType,
    @Context() context: LoaderContext,
    @Args() { first }: FirstRepliesArgs,
  ): Promise<ArgumentType[]> {
    if (first === 0) return [];
    const replies = await this.loaders.firstReplies(context, first).load(argument.id);
    return replies.map((reply) => ArgumentType.from(reply, argument.viewer));
  }

  @ResolveField(() => Int, { description: 'Direct replies, hidden ones included.' })
  replyCount(@Parent() argument: ArgumentType, @Context() context: LoaderContext) {
    return this.loaders.replyCounts(context).load(argument.id);
  }

  @ResolveField(() => Int)
  endorsementCount(@Parent() argument: ArgumentType, @Context() context: LoaderContext) {
    return this.loaders.endorsementCounts(context).load(argument.id);
  }

  @ResolveField(() => Boolean)
  async endorsedByMe(
    @Parent() argument: ArgumentType,
    @Context() context: LoaderContext,
  ): Promise<boolean> {
    const memberId = argument.viewer.memberId;
    return memberId ? this.loaders.endorsedBy(context, memberId).load(argument.id) : false;
  }

  @ResolveField(() => [FlagKind], { description: 'The kinds of your open flags on it.' })
  async myOpenFlags(
    @Parent() argument: ArgumentType,
    @Context() context: LoaderContext,
  ): Promise<FlagKind[]> {
    const memberId = argument.viewer.memberId;
    return memberId ? this.loaders.openFlagKindsBy(context, memberId).load(argument.id) : [];
  }

  @ResolveField(() => [ArgumentRevisionType], {
    description:
      'Every text it has had, oldest first. Empty for a hidden argument unless you moderate.',
  })
  async revisions(
    @Parent() argument: ArgumentType,
    @Context() context: LoaderContext,
  ): Promise<ArgumentRevisionType[]> {
    if (argument.hidden && !argument.viewer.moderator) return [];
    return (await this.loaders.revisions(context).load(argument.id)).map(ArgumentRevisionType.from);
  }
}
