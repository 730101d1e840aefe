import { Module } from '@nestjs/common';
import { UpcomingVoteReminders } from './upcoming-vote-reminders';
import { VoteRemindersHandler } from './vote-reminders.handler';

/** Reminders before a vote closes (VOTE_REMINDERS), to those who have not voted. */
@Module({ providers: [VoteRemindersHandler, UpcomingVoteReminders] })
export class VoteRemindersModule {}
