import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig, HandlesJob, JobHandler, JobName, Locale } from '@delibera/kernel';
import { NotificationKind, NotificationsService } from '@delibera/notifications';
import { reminderOffsetSeconds } from './vote-reminder-job';

/** Reminders are written to the outbox this many at a time, so a referendum's roll never sits in memory. */
const PAGE = 5000;
/** A job a little early by the database's clock (clocks differ by milliseconds) retries instead of giving up. */
const CLOCK_SKEW_MS = 5000;

export class ReminderNotDueYet extends Error {}

type ReminderData = { id: string; transition: string; version: number };
type ReminderOutcome = { recipients: number } | { skipped: string };

/**
 * A reminder before close, to the roll members who have not voted, computed
 * in SQL when it is sent. Once per (vote, offset): the vote_reminder row is
 * claimed in the same transaction that writes the outbox, so a job run twice
 * (or after a crash) sends nothing more; each message's dedupe key says the same.
 */
@Injectable()
@HandlesJob(JobName.RemindVote)
export class VoteRemindersHandler implements JobHandler<ReminderData> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly config: AppConfig,
  ) {}

  async handle(data: ReminderData): Promise<ReminderOutcome> {
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
      const remindAt = closesAt - offsetSeconds * 1000;
      if (now < remindAt - CLOCK_SKEW_MS) return { skipped: 'not due' };
      if (now < remindAt) throw new ReminderNotDueYet(`reminder due in ${remindAt - now} ms`);

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

  /** Roll minus participations, page by page in member order; returns how many were written. */
  private async writeReminders(
    manager: EntityManager,
    voteId: string,
    offsetSeconds: number,
    vote: { fr: string; en: string; closesAt: string },
  ): Promise<number> {
    const link = new URL(`/votes/${voteId}`, this.config.PUBLIC_URL).toString();
    let after = '00000000-0000-0000-0000-000000000000';
    let written = 0;
    for (;;) {
      // Reads `member` directly: the roll is this lib's, and joining in SQL keeps a
      // million-voter reminder one query per page instead of one call per member.
      const page = await manager.query<
        { id: string; email: string; locale: Locale; name: string }[]
      >(
        `SELECT m.id, m.email, m.locale, m.display_name AS name
           FROM vote_roll r JOIN member m ON m.id = r.member_id
          WHERE r.vote_id = $1 AND r.member_id > $2
            AND NOT EXISTS (SELECT 1 FROM participation p
                             WHERE p.vote_id = r.vote_id AND p.member_id = r.member_id)
          ORDER BY r.member_id LIMIT $3`,
        [voteId, after, PAGE],
      );
      if (page.length === 0) return written;
      await this.notifications.enqueue(
        manager,
        page.map((member) => ({
          kind: NotificationKind.VoteReminder,
          dedupeKey: `vote-reminder:${voteId}:${offsetSeconds}:${member.id}`,
          recipientEmail: member.email,
          recipientMemberId: member.id,
          locale: member.locale,
          params: {
            name: member.name,
            title: member.locale === 'en' ? vote.en : vote.fr,
            closesAt: vote.closesAt,
            link,
          },
        })),
      );
      written += page.length;
      after = page[page.length - 1].id;
    }
  }
}
