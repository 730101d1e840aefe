import { EntityManager } from 'typeorm';
import { Locale } from '@delibera/kernel';
import { NotificationKind, NotificationsService } from '@delibera/notifications';

/** Outbox rows are written this many at a time, so a referendum's roll never sits in memory. */
const PAGE = 5000;

export interface RollNotice {
  voteId: string;
  kind: NotificationKind;
  /** Only the members of the roll who have not voted yet (reminders), or all of them. */
  onlyNotVoted: boolean;
  /** One key per member and notice: a notice written twice is kept once (one email per member). */
  dedupeKey: (memberId: string) => string;
  params: (member: { name: string; locale: Locale }) => Record<string, string | number>;
}

/**
 * Writes one notification per member of a vote's roll to the outbox, in the
 * caller's transaction, page by page in member order. Returns how many.
 */
export async function notifyRoll(
  manager: EntityManager,
  notifications: NotificationsService,
  notice: RollNotice,
): Promise<number> {
  let after = '00000000-0000-0000-0000-000000000000';
  let written = 0;
  for (;;) {
    // Reads `member` directly: the roll is this lib's, and joining in SQL keeps a
    // million-voter notice one query per page instead of one call per member.
    const page = await manager.query<{ id: string; email: string; locale: Locale; name: string }[]>(
      `SELECT m.id, m.email, m.locale, m.display_name AS name
         FROM vote_roll r JOIN member m ON m.id = r.member_id
        WHERE r.vote_id = $1 AND r.member_id > $2
          AND (NOT $4 OR NOT EXISTS (SELECT 1 FROM participation p
                                      WHERE p.vote_id = r.vote_id AND p.member_id = r.member_id))
        ORDER BY r.member_id LIMIT $3`,
      [notice.voteId, after, PAGE, notice.onlyNotVoted],
    );
    if (page.length === 0) return written;
    await notifications.enqueue(
      manager,
      page.map((member) => ({
        kind: notice.kind,
        dedupeKey: notice.dedupeKey(member.id),
        recipientEmail: member.email,
        recipientMemberId: member.id,
        locale: member.locale,
        params: notice.params(member),
      })),
    );
    written += page.length;
    after = page[page.length - 1].id;
  }
}
