import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CouncilsService } from '@delibera/councils';
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
import { MembershipService } from '@delibera/membership';
import { NotificationKind, NotificationsService } from '@delibera/notifications';
import { AWAITING_OPINION, dueVersion } from './consultation-reminder-job';

interface AwaitedRequest {
  proposalId: string;
  councilId: string;
  title: string;
  dueAt: Date;
  now: Date;
}

/**
 * A reminder before a consultation is due, to the members holding an active
 * seat on the council when it is sent, while the council's opinion is still
 * awaited. Once per (request, offset): the consultation_reminder row is
 * claimed in the transaction that writes the outbox, so a job run twice sends
 * nothing more; each message's dedupe key says the same.
 */
@Injectable()
@HandlesJob(JobName.RemindConsultation)
export class ConsultationRemindersHandler implements JobHandler<ReminderJobData> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly councils: CouncilsService,
    private readonly membership: MembershipService,
    private readonly notifications: NotificationsService,
    private readonly config: AppConfig,
  ) {}

  async handle(data: ReminderJobData): Promise<ReminderOutcome> {
    const offsetSeconds = reminderOffsetSeconds(data.transition);
    if (!offsetSeconds) return { skipped: 'not a reminder' };
    const outcome = await this.dataSource.transaction(async (manager): Promise<ReminderOutcome> => {
      // Shared lock: publishing an opinion or closing the consultation (both update the row) waits.
      const [request] = await manager.query<AwaitedRequest[]>(
        `SELECT cr.proposal_id AS "proposalId", cr.council_id AS "councilId", p.title,
                cr.due_at AS "dueAt", now() AS now
           FROM consultation_request cr JOIN proposal p ON p.id = cr.proposal_id
          WHERE cr.id = $1 AND ${AWAITING_OPINION}
            FOR SHARE OF cr`,
        [data.id],
      );
      if (!request) return { skipped: 'no opinion awaited' };
      const dueAt = new Date(request.dueAt);
      const now = new Date(request.now);
      if (dueVersion(dueAt) !== Number(data.version)) return { skipped: 'rescheduled' };
      if (now >= dueAt) return { skipped: 'past due' };
      if (!reminderDue(now, new Date(dueAt.getTime() - offsetSeconds * 1000))) {
        return { skipped: 'not due' };
      }

      const claimed = await manager.query(
        `INSERT INTO consultation_reminder (consultation_id, offset_seconds, recipients)
         VALUES ($1, $2, 0) ON CONFLICT DO NOTHING RETURNING consultation_id`,
        [data.id, offsetSeconds],
      );
      if (claimed.length === 0) return { skipped: 'already sent' };
      const recipients = await this.writeReminders(manager, data.id, offsetSeconds, request);
      await manager.query(
        `UPDATE consultation_reminder SET recipients = $3
          WHERE consultation_id = $1 AND offset_seconds = $2`,
        [data.id, offsetSeconds, recipients],
      );
      return { recipients };
    });
    if ('recipients' in outcome && outcome.recipients > 0) await this.notifications.kick();
    return outcome;
  }

  /** One notice per member of the council's active seats now, in their language. */
  private async writeReminders(
    manager: EntityManager,
    requestId: string,
    offsetSeconds: number,
    request: AwaitedRequest,
  ): Promise<number> {
    const council = await this.councils.byId(request.councilId, manager);
    const ids = await this.councils.activeMemberIds(manager, council.id);
    const members = ids.length ? await this.membership.byIds(ids, manager) : [];
    const link = `${this.config.PUBLIC_URL}/proposals/${request.proposalId}`;
    await this.notifications.enqueue(
      manager,
      members.map((member) => ({
        kind: NotificationKind.ConsultationDueSoon,
        dedupeKey: `consultation-due-soon:${requestId}:${offsetSeconds}:${member.id}`,
        recipientEmail: member.email,
        recipientMemberId: member.id,
        locale: member.locale,
        params: {
          name: member.displayName,
          councilFr: council.nameFr,
          councilEn: council.nameEn,
          title: request.title,
          dueAt: new Date(request.dueAt).toISOString(),
          link,
        },
      })),
    );
    return members.length;
  }
}
