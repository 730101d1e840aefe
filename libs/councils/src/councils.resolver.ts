import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AuthUser, CurrentUser, LoaderContext, requestLoader, Role, Roles } from '@delibera/kernel';
import { CouncilsService } from './councils.service';
import { CouncilSeatType, CouncilType } from './councils.types';
import {
  ApplyToCouncilInput,
  DecideCouncilSeatInput,
  DissolveCouncilInput,
  SetCouncilChairInput,
} from './dto/council-seat.input';
import { CreateCouncilInput, UpdateCouncilInput } from './dto/create-council.input';

@Resolver(() => CouncilType)
export class CouncilsResolver {
  constructor(private readonly service: CouncilsService) {}

  @Query(() => [CouncilType], {
    description: 'The sitting councils; with includeDissolved, the dissolved ones too.',
  })
  async councils(
    @Args('includeDissolved', { type: () => Boolean, defaultValue: false })
    includeDissolved: boolean,
  ): Promise<CouncilType[]> {
    const councils = await this.service.list();
    return councils
      .filter((council) => includeDissolved || !council.dissolvedAt)
      .map(CouncilType.from);
  }

  @ResolveField(() => [CouncilSeatType], {
    description: 'Current members (active seats) and pending applications.',
  })
  async members(
    @Parent() council: CouncilType,
    @Context() context: LoaderContext,
  ): Promise<CouncilSeatType[]> {
    const loader = requestLoader(context, 'council.openSeats', (ids: readonly string[]) =>
      this.service.openSeatsByCouncil(ids),
    );
    return (await loader.load(council.id)).map(CouncilSeatType.from);
  }

  @Mutation(() => CouncilSeatType, {
    description: 'Apply for a seat; eligibility is checked from your member data.',
  })
  async applyToCouncil(
    @CurrentUser() user: AuthUser,
    @Args('input') input: ApplyToCouncilInput,
  ): Promise<CouncilSeatType> {
    return CouncilSeatType.from(
      await this.service.apply(user, input.councilId, input.declaredPractice),
    );
  }

  @Mutation(() => CouncilSeatType, {
    description: "The council's chair or the secretary approves or refuses an application.",
  })
  async decideCouncilSeat(
    @CurrentUser() user: AuthUser,
    @Args('input') input: DecideCouncilSeatInput,
  ): Promise<CouncilSeatType> {
    return CouncilSeatType.from(
      await this.service.decide(user, input.seatId, input.approve, input.reason),
    );
  }

  @Mutation(() => CouncilType, {
    description:
      'The secretary creates a council or committee (editorial committee, a regional group…).',
  })
  @Roles(Role.Secretary)
  async createCouncil(
    @CurrentUser() user: AuthUser,
    @Args('input') input: CreateCouncilInput,
  ): Promise<CouncilType> {
    return CouncilType.from(await this.service.create(user, input));
  }

  @Mutation(() => CouncilType, {
    description:
      "The secretary changes a council's names, seats, term or eligibility; seats held keep their term.",
  })
  @Roles(Role.Secretary)
  async updateCouncil(
    @CurrentUser() user: AuthUser,
    @Args('input') input: UpdateCouncilInput,
  ): Promise<CouncilType> {
    return CouncilType.from(await this.service.update(user, input));
  }

  @Mutation(() => CouncilType, {
    description:
      'The secretary dissolves a council the charter no longer consults and that has no work under way: its seats end, its applications are refused, its history stays.',
  })
  @Roles(Role.Secretary)
  async dissolveCouncil(
    @CurrentUser() user: AuthUser,
    @Args('input') input: DissolveCouncilInput,
  ): Promise<CouncilType> {
    return CouncilType.from(
      await this.service.dissolve(user, input.councilId, input.reason.trim()),
    );
  }

  @Mutation(() => CouncilType)
  @Roles(Role.Secretary)
  async setCouncilChair(
    @CurrentUser() user: AuthUser,
    @Args('input') input: SetCouncilChairInput,
  ): Promise<CouncilType> {
    return CouncilType.from(await this.service.setChair(user, input.councilId, input.memberId));
  }
}
