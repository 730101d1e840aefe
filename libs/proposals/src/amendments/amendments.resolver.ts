import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { AuthUser, CurrentUser } from '@delibera/kernel';
import { DecideAmendmentInput, ProposeAmendmentInput } from '../dto/proposal.inputs';
import { ProposalAmendmentType } from '../proposals.types';
import { AmendmentsService } from './amendments.service';

@Resolver(() => ProposalAmendmentType)
export class AmendmentsResolver {
  constructor(private readonly amendments: AmendmentsService) {}

  @Mutation(() => ProposalAmendmentType, {
    description: 'Any member proposes a new text during deliberation.',
  })
  async proposeAmendment(
    @CurrentUser() user: AuthUser,
    @Args('input') input: ProposeAmendmentInput,
  ): Promise<ProposalAmendmentType> {
    return ProposalAmendmentType.from(await this.amendments.propose(user, input));
  }

  @Mutation(() => ProposalAmendmentType, {
    description:
      'The author accepts (a new version) or refuses; the author or the secretary puts it to its own vote.',
  })
  async decideAmendment(
    @CurrentUser() user: AuthUser,
    @Args('input') input: DecideAmendmentInput,
  ): Promise<ProposalAmendmentType> {
    return ProposalAmendmentType.from(
      await this.amendments.decide(user, input.amendmentId, input.decision),
    );
  }
}
