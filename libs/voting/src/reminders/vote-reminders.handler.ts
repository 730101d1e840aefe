import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  AppConfig,
  HandlesJob,
  JobHandler,
  JobName,
  reminderDue,
  ReminderJobData,
  reminderOffsetSeconds,
  ReminderOutcome,
} from '@delibera/kernel';
import { NotificationKind, NotificationsService } from '@delibera/notifications';
import { notifyRoll } from '../notices/roll-notices';

/**
 * A reminder before close, to the roll members who have not voted, computed
 * in SQL when it is sent. Once per (vote, offset): the vote_reminder row is
 * claimed in the same transaction that writes the outbox, so a job run twice
 * (or after a crash) sends nothing more; each message's dedupe key says the same.
 */
@Injectable()
@HandlesJob(JobName.RemindVote)
export class VoteRemindersHandler implements JobHandler<ReminderJobData> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly config: AppConfig,
  ) {}

  async handle(data: ReminderJobData): Promise<ReminderOutcome> {
    const offsetSeconds = reminderOffsetSeconds(data.transition);
    if (!offsetSeconds) return { skipped: 'not a reminder' };
    const outcome = await this.dataSource.transaction(async (manager): Promise<ReminderOutcome> => {
      // Shared lock: closing (which locks the row for update) waits, and so cannot close under us.
      const [vote] = await manager.query<
        {
          status: string;
          version: number;
          closesAt: Date;
          titleFr: string;
          titleEn: string;
          now: Date;
        }[]
      >(
        `SELECT status, version, closes_at AS "closesAt", title_fr AS "titleFr",
                title_en AS "titleEn", now() AS now
           FROM vote WHERE id = $1 FOR SHARE`,
        [data.id],
      );
      if (!vote || vote.status !== 'open') return { skipped: 'vote not open' };
      if (vote.version !== Number(data.version)) return { skipped: 'rescheduled' };
      const closesAt = new Date(vote.closesAt).getTime();
      const now = new Date(vote.now).getTime();
      if (now >= closesAt) return { skipped: 'vote already past its close' };
      if (!reminderDue(new Date(now), new Date(closesAt - offsetSeconds * 1000))) {
        return { skipped: 'not due' };
      }

      const claimed = await manager.query(
        `INSERT INTO vote_reminder (vote_id, offset_seconds, recipients) VALUES ($1, $2, 0)
         ON CONFLICT DO NOTHING RETURNING vote_id`,
        [data.id, offsetSeconds],
      );
      if (claimed.length === 0) return { skipped: 'already sent' };
      const recipients = await this.writeReminders(manager, data.id, offsetSeconds, {
        fr: vote.titleFr,
        en: vote.titleEn,
        closesAt: new Date(closesAt).toISOString(),
      });
      await manager.query(
        `UPDATE vote_reminder SET recipients = $3 WHERE vote_id = $1 AND offset_seconds = $2`,
        [data.id, offsetSeconds, recipients],
      );
      return { recipients };
    });
    if ('recipients' in outcome && outcome.recipients > 0) await this.notifications.kick();
    return outcome;
  }

  /** Roll minus participations: the members who have not voted yet. */
  private writeReminders(
    manager: EntityManager,
    voteId: string,
    offsetSeconds: number,
    vote: { fr: string; en: string; closesAt: string },
  ): Promise<number> {
    const link = new URL(`/votes/${voteId}`, this.config.PUBLIC_URL).toString();
    return notifyRoll(manager, this.notifications, {
      voteId,
      kind: NotificationKind.VoteReminder,
      onlyNotVoted: true,
      dedupeKey: (memberId) => `vote-reminder:${voteId}:${offsetSeconds}:${memberId}`,
      params: (member) => ({
        name: member.name,
        title: member.locale === 'en' ? vote.en : vote.fr,
        closesAt: vote.closesAt,
        link,
      }),
    });
  }
}
