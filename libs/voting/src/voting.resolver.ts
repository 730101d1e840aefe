import {
  Args,
  ArgsType,
  Context,
  Field,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { IsString, IsUUID, MaxLength } from 'class-validator';
import {
  AuthUser,
  CurrentUser,
  LoaderContext,
  mapNodes,
  requestLoader,
  Role,
  Roles,
  UUIDScalar,
} from '@delibera/kernel';
import { BallotBoxService } from './ballot-box.service';
import { CastBallotInput } from './dto/cast-ballot.input';
import {
  CallReferendumInput,
  RescheduleVoteInput,
  ScheduleSurveyInput,
  ScheduleVoteInput,
} from './dto/schedule-vote.input';
import { VoteLifecycleService } from './vote-lifecycle.service';
import { VotePublicationService } from './vote-publication.service';
import { VotesService } from './votes.service';
import {
  AnonymousBallotConnection,
  BallotReceiptType,
  MyVoteParticipationType,
  PublishedReceiptConnection,
  RecountType,
  VoteConnection,
  VoteParticipantConnection,
  VotePageArgs,
  VoteResultType,
  VotesArgs,
  VoteType,
} from './voting.types';

@ArgsType()
class VoteIdArgs {
  @Field(() => UUIDScalar) @IsUUID() voteId: string;
}

@ArgsType()
class IdArgs {
  @Field(() => UUIDScalar) @IsUUID() id: string;
}

@ArgsType()
class CheckReceiptArgs extends VoteIdArgs {
  @Field(() => String) @IsString() @MaxLength(100) receipt: string;
}

@Resolver(() => VoteType)
export class VotingResolver {
  constructor(
    private readonly service: VotesService,
    private readonly lifecycle: VoteLifecycleService,
    private readonly ballotBox: BallotBoxService,
    private readonly publication: VotePublicationService,
  ) {}

  @Query(() => VoteConnection)
  async votes(@Args() args: VotesArgs): Promise<VoteConnection> {
    return mapNodes(await this.service.list(args), VoteType.from);
  }

  @Query(() => VoteType)
  async vote(@Args() { id }: IdArgs): Promise<VoteType> {
    return VoteType.from(await this.service.byId(id));
  }

  @ResolveField(() => MyVoteParticipationType, {
    nullable: true,
    description:
      'Your place on the roll and whether your ballot is in (null for staff without a member).',
  })
  async myParticipation(
    @Parent() vote: VoteType,
    @CurrentUser() user: AuthUser,
  ): Promise<MyVoteParticipationType | null> {
    if (!user.memberId) return null;
    const [mine, proxiesHeld] = await Promise.all([
      this.service.participationOf(vote.id, user.memberId),
      this.service.heldEntries(vote.id, user.memberId),
    ]);
    return {
      onRoll: mine.onRoll,
      voted: mine.voted,
      castByMemberId: mine.castBy,
      proxiesHeld,
    };
  }

  @ResolveField(() => VoteResultType, { nullable: true, description: 'Once tallied.' })
  async result(
    @Parent() vote: VoteType,
    @Context() context: LoaderContext,
  ): Promise<VoteResultType | null> {
    const loader = requestLoader(context, 'vote.result', (ids: readonly string[]) =>
      this.service.resultsOf(ids),
    );
    const result = await loader.load(vote.id);
    return result ? VoteResultType.from(result) : null;
  }

  @Query(() => VoteParticipantConnection, {
    description: 'After close: who took part (and, for a named vote, how).',
  })
  async voteParticipants(@Args() args: VotePageArgs): Promise<VoteParticipantConnection> {
    return this.publication.participants(args.voteId, args);
  }

  @Query(() => PublishedReceiptConnection, { description: 'After close: every receipt hash.' })
  async voteReceipts(@Args() args: VotePageArgs): Promise<PublishedReceiptConnection> {
    return mapNodes(await this.publication.receipts(args.voteId, args), (receiptHash) => ({
      receiptHash,
    }));
  }

  @Query(() => AnonymousBallotConnection, {
    description: 'After close: the ballots, shuffled, without voters, to recount.',
  })
  async voteBallots(@Args() args: VotePageArgs): Promise<AnonymousBallotConnection> {
    return this.publication.ballots(args.voteId, args);
  }

  @Query(() => Boolean, { description: 'Is this receipt among the ballots of the vote?' })
  async checkReceipt(@Args() { voteId, receipt }: CheckReceiptArgs): Promise<boolean> {
    return this.ballotBox.checkReceipt(voteId, receipt);
  }

  @Mutation(() => BallotReceiptType, {
    description: 'Cast your ballot, or the ballot of a member whose proxy you hold (onBehalfOf).',
  })
  async castBallot(
    @CurrentUser() user: AuthUser,
    @Args('input') input: CastBallotInput,
  ): Promise<BallotReceiptType> {
    return this.ballotBox.cast(
      user,
      input.voteId,
      input.ballot,
      input.onBehalfOf,
      input.clientRequestId,
    );
  }

  @Mutation(() => RecountType, { description: 'Recount from the stored ballots.' })
  @Roles(Role.Secretary, Role.Trustee, Role.Admin)
  async recount(@Args() { voteId }: VoteIdArgs): Promise<RecountType> {
    return this.lifecycle.recount(voteId);
  }

  @Mutation(() => VoteType)
  @Roles(Role.Secretary, Role.Admin)
  async scheduleVote(
    @CurrentUser() user: AuthUser,
    @Args('input') input: ScheduleVoteInput,
  ): Promise<VoteType> {
    return VoteType.from(await this.service.schedule(user, input));
  }

  @Mutation(() => VoteType, { description: 'Move the dates; stale deadline jobs then do nothing.' })
  @Roles(Role.Secretary, Role.Admin)
  async rescheduleVote(
    @CurrentUser() user: AuthUser,
    @Args('input') input: RescheduleVoteInput,
  ): Promise<VoteType> {
    return VoteType.from(await this.service.reschedule(user, input));
  }

  @Mutation(() => VoteType, { description: 'Open now: freezes the roll.' })
  @Roles(Role.Secretary, Role.Admin)
  async openVote(@CurrentUser() user: AuthUser, @Args() { voteId }: VoteIdArgs): Promise<VoteType> {
    await this.lifecycle.open(voteId, { by: 'secretary', actor: user });
    return VoteType.from(await this.service.byId(voteId));
  }

  @Mutation(() => VoteType, { description: 'Close now and count.' })
  @Roles(Role.Secretary, Role.Admin)
  async closeVote(
    @CurrentUser() user: AuthUser,
    @Args() { voteId }: VoteIdArgs,
  ): Promise<VoteType> {
    await this.lifecycle.closeNow(voteId, user);
    return VoteType.from(await this.service.byId(voteId));
  }

  @Mutation(() => [VoteType], {
    description: 'A consultative survey: one vote per question, sharing a surveyId.',
  })
  @Roles(Role.Secretary, Role.Admin)
  async scheduleSurvey(
    @CurrentUser() user: AuthUser,
    @Args('input') input: ScheduleSurveyInput,
  ): Promise<VoteType[]> {
    return (await this.service.scheduleSurvey(user, input)).map(VoteType.from);
  }

  @Mutation(() => VoteType, { description: 'The board calls a referendum of all active members.' })
  @Roles(Role.Trustee)
  async callReferendum(
    @CurrentUser() user: AuthUser,
    @Args('input') input: CallReferendumInput,
  ): Promise<VoteType> {
    return VoteType.from(await this.service.callReferendum(user, input));
  }
}
