import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Role } from '@delibera/kernel';
import { Member, MemberStatus } from '@delibera/membership';
import { Notification } from '@delibera/notifications';
import { signedInMember, signIn } from '../factories';
import { errorCode, ok, startTestApp, TestApp } from './test-app';

const INVITE = `mutation ($input: MemberFieldsInput!) { inviteMember(input: $input) { id status email } }`;
const person = (email: string, extra: Record<string, unknown> = {}) => ({
  kind: 'Person',
  displayName: 'Marie-Ève Côté',
  email,
  college: 'individuals',
  region: '03',
  ...extra,
});

async function waitFor<T>(probe: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('membership and accounts (e2e)', () => {
  let app: TestApp;
  let secretary: string;
  let member: string;

  beforeAll(async () => {
    app = await startTestApp();
    secretary = (await signedInMember(app, [Role.Secretary])).token;
    member = (await signedInMember(app)).token;
  });
  afterAll(() => app.close());

  const memberCount = () => app.dataSource.getRepository(Member).count();

  it('the secretary invites a member, who receives the email, accepts, signs in and sees themself', async () => {
    const invited = ok(
      await app.gql<{ inviteMember: { id: string; status: string } }>(
        INVITE,
        { input: person('nouvelle@example.org', { locale: 'en' }) },
        { token: secretary },
      ),
    );
    expect(invited.inviteMember.status).toBe('Applicant');

    // The invitation travels through the outbox and the notifications queue (real BullMQ) to a mail file.
    const mailDir = join(app.dataDir, 'mail');
    const file = await waitFor(() => {
      try {
        return readdirSync(mailDir).find((f) => f.endsWith('.eml'));
      } catch {
        return undefined;
      }
    });
    const eml = readFileSync(join(mailDir, file), 'utf8');
    expect(eml).toContain('Subject: Invitation to join');
    expect(eml).toContain('To: nouvelle@example.org');
    const notification = await app.dataSource
      .getRepository(Notification)
      .findOneByOrFail({ recipientMemberId: invited.inviteMember.id });
    expect(notification.sentAt).not.toBeNull();
    const token = new URL(String(notification.params.link)).searchParams.get('token');

    const weak = await app.gql(
      'mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { accessToken } }',
      { input: { token, password: 'short' } },
    );
    expect(errorCode(weak)).toBe('WEAK_PASSWORD');

    const accepted = ok(
      await app.gql<{ acceptInvitation: { accessToken: string; account: { email: string } } }>(
        'mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { accessToken account { email } } }',
        { input: { token, password: 'un mot de passe solide' } },
      ),
    );
    expect(accepted.acceptInvitation.account.email).toBe('nouvelle@example.org');

    const again = await app.gql(
      'mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { accessToken } }',
      { input: { token, password: 'un mot de passe solide' } },
    );
    expect(errorCode(again)).toBe('INVITATION_INVALID');

    const login = await signIn(app, 'nouvelle@example.org', 'un mot de passe solide');
    const me = ok(
      await app.gql<{
        me: { email: string; roles: string[]; member: { id: string; status: string } };
      }>('{ me { email roles member { id status } } }', {}, { token: login }),
    );
    expect(me.me).toEqual({
      email: 'nouvelle@example.org',
      roles: ['Member'],
      member: { id: invited.inviteMember.id, status: 'Applicant' },
    });

    // The secretary admits the applicant; the status history is dated.
    const admitted = ok(
      await app.gql<{ changeMemberStatus: { status: string } }>(
        'mutation ($input: ChangeMemberStatusInput!) { changeMemberStatus(input: $input) { status } }',
        { input: { memberId: invited.inviteMember.id, status: 'Active' } },
        { token: secretary },
      ),
    );
    expect(admitted.changeMemberStatus.status).toBe('Active');
    const resignedTwice = await app.gql(
      'mutation ($input: ChangeMemberStatusInput!) { changeMemberStatus(input: $input) { status } }',
      { input: { memberId: invited.inviteMember.id, status: 'Applicant' } },
      { token: secretary },
    );
    expect(errorCode(resignedTwice)).toBe('INVALID_STATUS_TRANSITION');
  });

  it('refuses a member calling a secretary mutation (FORBIDDEN) and an anonymous caller (UNAUTHENTICATED)', async () => {
    const before = await memberCount();
    expect(
      errorCode(await app.gql(INVITE, { input: person('x1@example.org') }, { token: member })),
    ).toBe('FORBIDDEN');
    expect(errorCode(await app.gql(INVITE, { input: person('x2@example.org') }))).toBe(
      'UNAUTHENTICATED',
    );
    expect(errorCode(await app.gql('{ me { email } }'))).toBe('UNAUTHENTICATED');
    expect(errorCode(await app.gql('{ me { email } }', {}, { token: 'forged.token.value' }))).toBe(
      'UNAUTHENTICATED',
    );
    expect(await memberCount()).toBe(before);
  });

  it.each([
    [
      'a bad email',
      person('not-an-email'),
      'INVALID_EMAIL',
      "L'adresse courriel « not-an-email » n'est pas valide.",
      'The email address “not-an-email” is not valid.',
    ],
    [
      'an unknown college',
      person('college@example.org', { college: 'nowhere' }),
      'UNKNOWN_COLLEGE',
      "Le collège « nowhere » n'existe pas.",
      'The college “nowhere” does not exist.',
    ],
    [
      'an unknown region',
      person('region@example.org', { region: '42' }),
      'UNKNOWN_REGION',
      null,
      null,
    ],
  ])(
    'refuses %s with its own code, in French by default and in English on request, changing nothing',
    async (_label, input, code, fr, en) => {
      const before = await memberCount();
      const french = await app.gql(INVITE, { input }, { token: secretary });
      const english = await app.gql(
        INVITE,
        { input },
        { token: secretary, locale: 'en-CA,en;q=0.9' },
      );
      expect(errorCode(french)).toBe(code);
      expect(errorCode(english)).toBe(code);
      if (fr) expect(french.errors?.[0].message).toBe(fr);
      if (en) expect(english.errors?.[0].message).toBe(en);
      expect(french.errors?.[0].message).not.toBe(english.errors?.[0].message);
      expect(await memberCount()).toBe(before);
    },
  );

  it('refuses a duplicate email (any case) with EMAIL_TAKEN and changes nothing', async () => {
    ok(await app.gql(INVITE, { input: person('doublon@example.org') }, { token: secretary }));
    const before = await memberCount();
    const duplicate = await app.gql(
      INVITE,
      { input: person('Doublon@Example.org') },
      { token: secretary, locale: 'en' },
    );
    expect(errorCode(duplicate)).toBe('EMAIL_TAKEN');
    expect(duplicate.errors?.[0].message).toBe(
      'The email address “doublon@example.org” is already used by a member.',
    );
    expect(await memberCount()).toBe(before);
  });

  it('answers a malformed GraphQL argument with BAD_USER_INPUT in the caller’s language', async () => {
    const response = await app.gql(
      '{ members(first: "many") { totalCount } }',
      {},
      { token: secretary },
    );
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].message).toMatch(/^Requête invalide/);
    const tooMany = await app.gql(
      '{ members(first: 101) { totalCount } }',
      {},
      { token: secretary },
    );
    expect(errorCode(tooMany)).toBe('INVALID_VALUE');
  });

  it('rotates refresh tokens: a used one no longer works', async () => {
    const session = ok(
      await app.gql<{ login: { refreshToken: string } }>(
        'mutation { login(input: { email: "nouvelle@example.org", password: "un mot de passe solide" }) { refreshToken } }',
      ),
    );
    const refresh =
      'mutation ($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }';
    const first = ok(
      await app.gql<{ refreshSession: { refreshToken: string } }>(refresh, {
        t: session.login.refreshToken,
      }),
    );
    expect(first.refreshSession.refreshToken).not.toBe(session.login.refreshToken);
    expect(errorCode(await app.gql(refresh, { t: session.login.refreshToken }))).toBe(
      'INVALID_REFRESH_TOKEN',
    );
    expect(
      errorCode(
        await app.gql(
          'mutation { login(input: { email: "nouvelle@example.org", password: "wrong password!" }) { accessToken } }',
        ),
      ),
    ).toBe('INVALID_CREDENTIALS');
  });

  it('lists the register with Relay pagination for the secretary only', async () => {
    const page = ok(
      await app.gql<{
        members: {
          totalCount: number;
          edges: { cursor: string }[];
          pageInfo: { hasNextPage: boolean; endCursor: string };
        };
      }>(
        '{ members(first: 2) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }',
        {},
        { token: secretary },
      ),
    );
    expect(page.members.edges).toHaveLength(2);
    expect(page.members.pageInfo.hasNextPage).toBe(page.members.totalCount > 2);
    const next = ok(
      await app.gql<{ members: { edges: { node: { id: string } }[] } }>(
        'query ($after: String) { members(first: 2, after: $after) { edges { node { id } } } }',
        { after: page.members.pageInfo.endCursor },
        { token: secretary },
      ),
    );
    expect(next.members.edges.length).toBeGreaterThan(0);
    expect(
      errorCode(await app.gql('{ members(first: 2) { totalCount } }', {}, { token: member })),
    ).toBe('FORBIDDEN');
    expect(
      errorCode(
        await app.gql('{ members(after: "garbage") { totalCount } }', {}, { token: secretary }),
      ),
    ).toBe('INVALID_CURSOR');
  });

  it('keeps a dated status history and an audit event for each change', async () => {
    const [row] = await app.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'member.status_changed'`,
    );
    expect(row.n).toBeGreaterThanOrEqual(1);
    const statuses = await app.dataSource.query(
      `SELECT to_status FROM member_status_change msc JOIN member m ON m.id = msc.member_id WHERE m.email = 'nouvelle@example.org' ORDER BY changed_at`,
    );
    expect(statuses.map((s: { to_status: string }) => s.to_status)).toEqual([
      MemberStatus.Applicant,
      MemberStatus.Active,
    ]);
  });
});
