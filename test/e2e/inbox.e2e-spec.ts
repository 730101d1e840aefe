import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Role } from '@delibera/kernel';
import { Notification } from '@delibera/notifications';
import { createAccount, createMember, signedInMember, signIn } from '../factories';
import { errorCode, ok, startTestApp, TestApp } from './test-app';

const CHANGE_STATUS =
  'mutation ($input: ChangeMemberStatusInput!) { changeMemberStatus(input: $input) { status } }';
const INBOX =
  '{ myNotifications(first: 10) { totalCount edges { node { id kind subject body readAt } } } }';

async function delivered(app: TestApp, memberId: string, count: number): Promise<Notification[]> {
  for (let i = 0; i < 100; i++) {
    const rows = await app.dataSource
      .getRepository(Notification)
      .findBy({ recipientMemberId: memberId });
    if (rows.length === count && rows.every((n) => n.sentAt)) return rows;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('notifications not processed in time');
}

describe('in-app notifications and email preferences (e2e)', () => {
  let app: TestApp;
  let secretary: string;

  beforeAll(async () => {
    app = await startTestApp();
    secretary = (await signedInMember(app, [Role.Secretary])).token;
  });
  afterAll(() => app.close());

  it('tells a member of a status change by email and in the portal, in their language, and marks it read', async () => {
    const member = await createMember(app.dataSource, {
      locale: 'en',
      status: 'applicant' as never,
    });
    const account = await createAccount(app.dataSource, { member });
    ok(
      await app.gql(
        CHANGE_STATUS,
        { input: { memberId: member.id, status: 'Active' } },
        { token: secretary },
      ),
    );
    const [notification] = await delivered(app, member.id, 1);
    expect(notification.emailSkipped).toBe(false);
    const eml = readFileSync(join(app.dataDir, 'mail', `${notification.id}.eml`), 'utf8');
    expect(eml).toContain('Subject: Your membership is now active');

    const token = await signIn(app, account.email);
    const inbox = ok(
      await app.gql<{
        myNotifications: {
          totalCount: number;
          edges: { node: { id: string; kind: string; subject: string; readAt: string | null } }[];
        };
      }>(INBOX, {}, { token }),
    );
    expect(inbox.myNotifications.totalCount).toBe(1);
    expect(inbox.myNotifications.edges[0].node).toMatchObject({
      kind: 'MemberStatusChanged',
      subject: 'Your membership is now active',
      readAt: null,
    });

    const id = inbox.myNotifications.edges[0].node.id;
    const marked = ok(
      await app.gql<{ markNotificationsRead: number }>(
        'mutation ($ids: [UUID!]!) { markNotificationsRead(input: { ids: $ids }) }',
        { ids: [id] },
        { token },
      ),
    );
    expect(marked.markNotificationsRead).toBe(1);
    const unread = ok(
      await app.gql<{ myNotifications: { totalCount: number } }>(
        '{ myNotifications(unreadOnly: true) { totalCount } }',
        {},
        { token },
      ),
    );
    expect(unread.myNotifications.totalCount).toBe(0);

    // Another member cannot mark it, nor see it.
    const other = await signedInMember(app);
    const theirs = ok(
      await app.gql<{ markNotificationsRead: number }>(
        'mutation ($ids: [UUID!]!) { markNotificationsRead(input: { ids: $ids }) }',
        { ids: [id] },
        { token: other.token },
      ),
    );
    expect(theirs.markNotificationsRead).toBe(0);
    expect(
      ok(
        await app.gql<{ myNotifications: { totalCount: number } }>(
          INBOX,
          {},
          { token: other.token },
        ),
      ).myNotifications.totalCount,
    ).toBe(0);
  });

  it('respects a member who turned email off for a kind: the notice stays in the portal only', async () => {
    const member = await createMember(app.dataSource);
    const account = await createAccount(app.dataSource, { member });
    const token = await signIn(app, account.email);
    const prefs = ok(
      await app.gql<{ updateNotificationPreferences: { emailDisabledKinds: string[] } }>(
        'mutation { updateNotificationPreferences(input: { emailDisabledKinds: [MemberStatusChanged, Invitation] }) { emailDisabledKinds } }',
        {},
        { token },
      ),
    );
    expect(prefs.updateNotificationPreferences.emailDisabledKinds).toEqual(['MemberStatusChanged']); // invitations are always emailed
    const mailsBefore = readdirSync(join(app.dataDir, 'mail')).length;

    ok(
      await app.gql(
        CHANGE_STATUS,
        { input: { memberId: member.id, status: 'Suspended', reason: 'Cotisation impayée' } },
        { token: secretary },
      ),
    );
    const [notification] = await delivered(app, member.id, 1);
    expect(notification.emailSkipped).toBe(true);
    expect(readdirSync(join(app.dataDir, 'mail')).length).toBe(mailsBefore);
    const staffOnly = await createAccount(app.dataSource, { member: null, roles: [Role.Admin] });
    expect(errorCode(await app.gql(INBOX, {}, { token: await signIn(app, staffOnly.email) }))).toBe(
      'FORBIDDEN',
    );
  });
});
