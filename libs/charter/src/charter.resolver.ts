import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { CharterService } from './charter.service';
import { CharterType } from './charter.types';

@Resolver(() => CharterType)
export class CharterResolver {
  constructor(private readonly charters: CharterService) {}

  @Query(() => CharterType, { description: 'The charter in force, or the given past version.' })
  async charter(
    @Args('version', { type: () => Int, nullable: true }) version?: number,
  ): Promise<CharterType> {
    const found = version ? await this.charters.byVersion(version) : await this.charters.inForce();
    return CharterType.from(found);
  }

  @Query(() => [CharterType], { description: 'Every version of the charter, newest first.' })
  async charterHistory(): Promise<CharterType[]> {
    return (await this.charters.history()).map(CharterType.from);
  }
}
