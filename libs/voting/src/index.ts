import { Ballot } from './ballot.entity';
import { Participation } from './participation.entity';
import { Vote } from './vote.entity';
import { VoteResult } from './vote-result.entity';
import { VoteRollEntry } from './vote-roll.entity';

export * from './electorate/electorate-source';
export * from './voting.enums';
export * from './voting.errors';
export * from './voting.module';
export * from './votes.service';
export * from './vote-lifecycle.service';
export * from './ballot-box.service';
export { ScheduleVoteInput, VoteOptionInput } from './dto/schedule-vote.input';
export { BallotInput } from './ballots/ballot-content';
export { Vote, VoteOption } from './vote.entity';
export { VoteResult } from './vote-result.entity';
export const VOTING_ENTITIES = [Vote, VoteRollEntry, Participation, Ballot, VoteResult];
export { CAST_BALLOT_SQL } from './ballots/cast-ballot.sql';
