import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  AuthUser,
  CommonErrors,
  ConnectionArgs,
  CurrentUser,
  hasRole,
  Role,
  Roles,
  UUIDScalar,
} from '@delibera/kernel';
import { ScaleStatus } from './contributions.enums';
import {
  ContributionScaleType,
  ScaleSimulationType,
  SimulatedOrganisationConnection,
} from './contributions.types';
import {
  ContributionScaleInput,
  SubmitCompetingScalesInput,
  UpdateContributionScaleInput,
} from './dto/scale.input';
import { ContributionScalesArgs } from './dto/fiscal-year.args';
import { ScaleSubmission } from './scale-submission.service';
import { ScalesService } from './scales.service';

/** Drafts are the treasurer's working papers; once submitted, every member may read a scale. */
const seesDrafts = (user: AuthUser) => hasRole(user, Role.Treasurer, Role.Trustee);

@Resolver(() => ContributionScaleType)
export class ScalesResolver {
  constructor(
    private readonly scales: ScalesService,
    private readonly submission: ScaleSubmission,
  ) {}

  @Query(() => [ContributionScaleType])
  async contributionScales(
    @CurrentUser() user: AuthUser,
    @Args() { fiscalYear }: ContributionScalesArgs,
  ): Promise<ContributionScaleType[]> {
    return (await this.scales.list(fiscalYear, seesDrafts(user))).map(ContributionScaleType.from);
  }

  @Query(() => ContributionScaleType)
  async contributionScale(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => UUIDScalar }) id: string,
  ): Promise<ContributionScaleType> {
    return ContributionScaleType.from(await this.readable(user, id));
  }

  @Query(() => ScaleSimulationType, {
    description:
      "What the scale would raise from today's membership, by tier, category and region.",
  })
  async contributionScaleSimulation(
    @CurrentUser() user: AuthUser,
    @Args('scaleId', { type: () => UUIDScalar }) scaleId: string,
  ): Promise<ScaleSimulationType> {
    await this.readable(user, scaleId);
    return this.scales.simulate(scaleId);
  }

  @Query(() => SimulatedOrganisationConnection, {
    description: "Each organisation's amount under the scale, alphabetically.",
  })
  async contributionScaleSimulatedOrganisations(
    @CurrentUser() user: AuthUser,
    @Args('scaleId', { type: () => UUIDScalar }) scaleId: string,
    @Args() page: ConnectionArgs,
  ): Promise<SimulatedOrganisationConnection> {
    await this.readable(user, scaleId);
    return this.scales.simulatedOrganisations(scaleId, page);
  }

  @Mutation(() => ContributionScaleType)
  @Roles(Role.Treasurer)
  async draftContributionScale(
    @CurrentUser() user: AuthUser,
    @Args('input') input: ContributionScaleInput,
  ): Promise<ContributionScaleType> {
    return ContributionScaleType.from(await this.scales.draft(user, input));
  }

  @Mutation(() => ContributionScaleType, {
    description: 'Replaces the scale’s content; SCALE_LOCKED once the vote on it has opened.',
  })
  @Roles(Role.Treasurer)
  async updateContributionScale(
    @CurrentUser() user: AuthUser,
    @Args('input') input: UpdateContributionScaleInput,
  ): Promise<ContributionScaleType> {
    const { scaleId, ...content } = input;
    return ContributionScaleType.from(
      await this.scales.update(user, scaleId, content, (proposalId, manager) =>
        this.submission.voteHasOpened(proposalId, manager),
      ),
    );
  }

  @Mutation(() => ContributionScaleType, {
    description:
      'Creates the contribution-scale proposal that the charter’s process carries to a vote.',
  })
  @Roles(Role.Treasurer)
  async submitContributionScale(
    @CurrentUser() user: AuthUser,
    @Args('scaleId', { type: () => UUIDScalar }) scaleId: string,
  ): Promise<ContributionScaleType> {
    return ContributionScaleType.from(await this.submission.submit(user, scaleId));
  }

  @Mutation(() => [ContributionScaleType], {
    description:
      'Puts competing draft scales of one fiscal year to one contribution-scale proposal, voted by the ranked method the charter allows; the winner is adopted, the others rejected.',
  })
  @Roles(Role.Treasurer, Role.Secretary)
  async submitCompetingContributionScales(
    @CurrentUser() user: AuthUser,
    @Args('input') input: SubmitCompetingScalesInput,
  ): Promise<ContributionScaleType[]> {
    return (await this.submission.submitCompeting(user, input.scaleIds)).map(
      ContributionScaleType.from,
    );
  }

  private async readable(user: AuthUser, scaleId: string) {
    const scale = await this.scales.byId(scaleId);
    if (scale.status === ScaleStatus.Draft && !seesDrafts(user)) throw CommonErrors.FORBIDDEN();
    return scale;
  }
}
