import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AuthUser, ConnectionArgs, CurrentUser, LoaderContext, mapNodes } from '@delibera/kernel';
import { DeliberationLoaders } from './deliberation.loaders';
import {
  ArgumentAuthorType,
  ArgumentFlagConnection,
  ArgumentFlagType,
  ArgumentType,
} from './deliberation.types';
import { FlagArgumentInput, ResolveFlagInput, RestoreArgumentInput } from './dto/flag.input';
import { ModerationService } from './moderation.service';

/** Flags raised by members and the moderators' queue and decisions. */
@Resolver(() => ArgumentFlagType)
export class ModerationResolver {
  constructor(
    private readonly service: ModerationService,
    private readonly loaders: DeliberationLoaders,
  ) {}

  @Mutation(() => ArgumentFlagType, {
    description: 'Ask moderators to review an argument (one open flag per kind).',
  })
  async flagArgument(
    @CurrentUser() user: AuthUser,
    @Context() context: LoaderContext,
    @Args('input') input: FlagArgumentInput,
  ): Promise<ArgumentFlagType> {
    const viewer = await this.loaders.viewer(context, user);
    return ArgumentFlagType.from(await this.service.flag(viewer, input), viewer);
  }

  @Mutation(() => ArgumentType, {
    description:
      "Moderators: keep, annotate or hide the flagged argument; resolves all of the argument's open flags.",
  })
  async resolveFlag(
    @CurrentUser() user: AuthUser,
    @Context() context: LoaderContext,
    @Args('input') input: ResolveFlagInput,
  ): Promise<ArgumentType> {
    const viewer = await this.loaders.viewer(context, user);
    return ArgumentType.from(await this.service.resolve(viewer, input), viewer);
  }

  @Mutation(() => ArgumentType, {
    description: 'Moderators: show a hidden argument again, with the reason.',
  })
  async restoreArgument(
    @CurrentUser() user: AuthUser,
    @Context() context: LoaderContext,
    @Args('input') input: RestoreArgumentInput,
  ): Promise<ArgumentType> {
    const viewer = await this.loaders.viewer(context, user);
    return ArgumentType.from(await this.service.restore(viewer, input), viewer);
  }

  @Query(() => ArgumentFlagConnection, { description: 'Moderators: open flags, oldest first.' })
  async moderationQueue(
    @CurrentUser() user: AuthUser,
    @Context() context: LoaderContext,
    @Args() args: ConnectionArgs,
  ): Promise<ArgumentFlagConnection> {
    const viewer = await this.loaders.viewer(context, user);
    const page = await this.service.queue(viewer, args);
    return mapNodes(page, (flag) => ArgumentFlagType.from(flag, viewer));
  }

  @ResolveField(() => ArgumentAuthorType)
  flaggedBy(
    @Parent() flag: ArgumentFlagType,
    @Context() context: LoaderContext,
  ): Promise<ArgumentAuthorType> {
    return this.loaders.authors(context).load(flag.flaggedByMemberId);
  }

  @ResolveField(() => ArgumentType)
  async argument(
    @Parent() flag: ArgumentFlagType,
    @Context() context: LoaderContext,
  ): Promise<ArgumentType> {
    const argument = await this.loaders.arguments(context).load(flag.argumentId);
    if (!argument) throw new Error(`Flagged argument ${flag.argumentId} is missing`);
    return ArgumentType.from(argument, flag.viewer);
  }
}
