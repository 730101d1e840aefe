import { Query, Resolver } from '@nestjs/graphql';
import { CouncilsService } from './councils.service';
import { CouncilType } from './councils.types';

@Resolver(() => CouncilType)
export class CouncilsResolver {
  constructor(private readonly service: CouncilsService) {}

  @Query(() => [CouncilType])
  async councils(): Promise<CouncilType[]> {
    return (await this.service.list()).map(CouncilType.from);
  }
}
