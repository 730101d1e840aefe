import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Role } from '@delibera/kernel';
import { Notification } from '@delibera/notifications';
import { signedInMember } from '../factories';
import { ok, startTestApp, TestApp } from './test-app';

const SESSION = 'accessToken refreshToken';

/**
 * Runs the flows that handle secrets with the most verbose logs on, then reads
 * every log line: no password, access token, refresh token or invitation token
 * may appear, whether the call succeeded or failed.
 */
describe('secrets never reach the logs (e2e)', () => {
  let app: TestApp;
  let logFile: string;

  beforeAll(async () => {
    logFile = join(tmpdir(), `delibera-log-${process.pid}-${Date.now()}.log`);
    app = await startTestApp({ LOG_LEVEL: 'trace', LOG_FILE: logFile }, { logs: true });
  });
  afterAll(() => app.close());

  it('keeps passwords and tokens out of every log line', async () => {
    const secretary = await signedInMember(app, [Role.Secretary]);
    const secrets: string[] = [secretary.token];

    const invited = ok(
      await app.gql<{ inviteMember: { id: string } }>(
        'mutation ($input: MemberFieldsInput!) { inviteMember(input: $input) { id } }',
        {
          input: {
            kind: 'Person',
            displayName: 'Journal Secret',
            email: 'journal@example.org',
            college: 'individuals',
            region: '05',
          },
        },
        { token: secretary.token },
      ),
    );
    const notification = await app.dataSource
      .getRepository(Notification)
      .findOneByOrFail({ recipientMemberId: invited.inviteMember.id });
    const invitationToken = String(
      new URL(String(notification.params.link)).searchParams.get('token'),
    );
    const firstPassword = 'premier-mot-de-passe-tres-secret';
    const secondPassword = 'second-mot-de-passe-tres-secret';
    const wrongPassword = 'mauvais-mot-de-passe-tres-secret';
    secrets.push(invitationToken, firstPassword, secondPassword, wrongPassword);

    const accepted = ok(
      await app.gql<{ acceptInvitation: Record<string, string> }>(
        `mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { ${SESSION} } }`,
        { input: { token: invitationToken, password: firstPassword } },
      ),
    ).acceptInvitation;
    secrets.push(accepted.accessToken, accepted.refreshToken);

    // A failed call must not echo what it was given either.
    const failed = await app.gql(
      'mutation ($input: LoginInput!) { login(input: $input) { accessToken } }',
      { input: { email: 'journal@example.org', password: wrongPassword } },
    );
    expect(failed.errors?.[0].extensions?.code).toBe('INVALID_CREDENTIALS');

    const refreshed = ok(
      await app.gql<{ refreshSession: Record<string, string> }>(
        `mutation ($t: String!) { refreshSession(refreshToken: $t) { ${SESSION} } }`,
        { t: accepted.refreshToken },
      ),
    ).refreshSession;
    secrets.push(refreshed.accessToken, refreshed.refreshToken);

    const changed = ok(
      await app.gql<{ changePassword: Record<string, string> }>(
        `mutation ($input: ChangePasswordInput!) { changePassword(input: $input) { ${SESSION} } }`,
        { input: { currentPassword: firstPassword, newPassword: secondPassword } },
        { token: refreshed.accessToken },
      ),
    ).changePassword;
    secrets.push(changed.accessToken, changed.refreshToken);
    ok(await app.gql('{ me { id } }', {}, { token: changed.accessToken }));

    const log = readFileSync(logFile, 'utf8');
    expect(log.split('\n').length).toBeGreaterThan(8); // the requests were logged…
    expect(log).toContain('"method":"POST","url":"/graphql"'); // …by method and URL…
    expect(log).not.toMatch(/"(authorization|cookie)"/i); // …without their headers
    for (const secret of secrets) expect(log).not.toContain(secret);
  });
});
