import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthUser, CommonErrors, ConnectionArgs, CurrentUser, mapNodes } from '@delibera/kernel';
import { InKindContributionConnection, InKindContributionType } from './contributions.types';
import {
  DecideInKindInput,
  InKindContributionsArgs,
  RecordLentResourceInput,
  RecordVolunteerHoursInput,
} from './dto/in-kind.input';
import { InKindService } from './in-kind.service';

@Resolver(() => InKindContributionType)
export class InKindResolver {
  constructor(private readonly inKind: InKindService) {}

  @Query(() => InKindContributionConnection, {
    description:
      'The treasurer, secretary and trustees see all; a council chair sees their council’s; a member their own.',
  })
  async inKindContributions(
    @CurrentUser() user: AuthUser,
    @Args() args: InKindContributionsArgs,
  ): Promise<InKindContributionConnection> {
    const { memberId, councilId, status, ...page } = args;
    if (!(await this.inKind.mayList(user, { memberId, councilId, status })))
      throw CommonErrors.FORBIDDEN();
    return mapNodes(
      await this.inKind.list({ memberId, councilId, status }, page),
      InKindContributionType.from,
    );
  }

  @Query(() => InKindContributionConnection)
  async myInKindContributions(
    @CurrentUser() user: AuthUser,
    @Args() page: ConnectionArgs,
  ): Promise<InKindContributionConnection> {
    if (!user.memberId) throw CommonErrors.FORBIDDEN();
    return mapNodes(
      await this.inKind.list({ memberId: user.memberId }, page),
      InKindContributionType.from,
    );
  }

  @Mutation(() => InKindContributionType)
  async recordVolunteerHours(
    @CurrentUser() user: AuthUser,
    @Args('input') input: RecordVolunteerHoursInput,
  ): Promise<InKindContributionType> {
    return InKindContributionType.from(await this.inKind.recordVolunteerHours(user, input));
  }

  @Mutation(() => InKindContributionType, {
    description: 'Seconded staff, lent premises or equipment, at a declared value.',
  })
  async recordLentResource(
    @CurrentUser() user: AuthUser,
    @Args('input') input: RecordLentResourceInput,
  ): Promise<InKindContributionType> {
    return InKindContributionType.from(await this.inKind.recordLentResource(user, input));
  }

  @Mutation(() => InKindContributionType, {
    description:
      'Volunteer hours: the council’s chair or the secretary; declared resources: the treasurer or the secretary.',
  })
  async decideInKindContribution(
    @CurrentUser() user: AuthUser,
    @Args('input') input: DecideInKindInput,
  ): Promise<InKindContributionType> {
    return InKindContributionType.from(
      await this.inKind.decide(user, input.id, input.approve, input.reason),
    );
  }
}
