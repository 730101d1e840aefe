import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { AuthUser, CurrentUser } from '@delibera/kernel';
import {
  DecideAmendmentInput,
  ProposeAmendmentInput,
  PutAmendmentToVoteInput,
} from '../dto/proposal.inputs';
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
    description: 'The author accepts the amendment (a new version) or refuses it.',
  })
  async decideAmendment(
    @CurrentUser() user: AuthUser,
    @Args('input') input: DecideAmendmentInput,
  ): Promise<ProposalAmendmentType> {
    return ProposalAmendmentType.from(
      await this.amendments.decide(user, input.amendmentId, input.decision),
    );
  }

  @Mutation(() => ProposalAmendmentType, {
    description:
      'The author or the secretary puts the amendment to its own vote, by the body that decides the proposal.',
  })
  async putAmendmentToVote(
    @CurrentUser() user: AuthUser,
    @Args('input') input: PutAmendmentToVoteInput,
  ): Promise<ProposalAmendmentType> {
    return ProposalAmendmentType.from(await this.amendments.putToVote(user, input));
  }
}
