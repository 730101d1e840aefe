import { JwtService } from '@nestjs/jwt';
import { randomBytes } from 'node:crypto';
import { Role } from '@delibera/kernel';
import { Notification } from '@delibera/notifications';
import { createAccount, signIn, TEST_PASSWORD } from '../factories';
import { castBallot, openVote, scheduleVote, voteRows, votersIn } from '../factories/votes';
import { errorCode, ok, startTestApp, TestApp } from './test-app';

const LOGIN =
  'mutation ($input: LoginInput!) { login(input: $input) { accessToken refreshToken } }';
const ME = '{ me { id email } }';
const CHANGE_PASSWORD =
  'mutation ($input: ChangePasswordInput!) { changePassword(input: $input) { accessToken refreshToken } }';
const REFRESH = 'mutation ($t: String!) { refreshSession(refreshToken: $t) { accessToken } }';

const login = (app: TestApp, email: string, password: string, locale?: string) =>
  app.gql<{ login: { accessToken: string; refreshToken: string } }>(
    LOGIN,
    { input: { email, password } },
    { locale },
  );

describe('security: lockout, revocation, key rotation, headers (e2e)', () => {
  const previousSecret = randomBytes(32).toString('hex');
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({
      LOGIN_ATTEMPTS_PER_IP_PER_MINUTE: '1000',
      LOGIN_FAILURES_BEFORE_LOCKOUT: '5',
      LOCKOUT_MINUTES: '15',
      JWT_PREVIOUS_SECRETS: previousSecret,
      CORS_ORIGINS: 'https://portail.fiducie.example',
    });
  });
  afterAll(() => app.close());

  it('locks an account after 5 failed sign-ins, refuses even the right password, and tells its holder once', async () => {
    const account = await createAccount(app.dataSource);
    const other = await createAccount(app.dataSource);
    for (let i = 0; i < 4; i++) {
      expect(errorCode(await login(app, account.email, 'wrong-password-123'))).toBe(
        'INVALID_CREDENTIALS',
      );
    }
    const fifth = await login(app, account.email, 'wrong-password-123', 'en');
    expect(errorCode(fifth)).toBe('ACCOUNT_LOCKED');
    expect(fifth.errors?.[0].message).toMatch(/^Too many failed sign-in attempts/);
    const rightPassword = await login(app, account.email, TEST_PASSWORD);
    expect(errorCode(rightPassword)).toBe('ACCOUNT_LOCKED');
    expect(rightPassword.errors?.[0].message).toMatch(/verrouillé jusqu’à/);
    expect(errorCode(await login(app, account.email, 'wrong-password-123'))).toBe('ACCOUNT_LOCKED');

    const notices = await app.dataSource
      .getRepository(Notification)
      .findBy({ recipientEmail: account.email, kind: 'account_locked' as never });
    expect(notices).toHaveLength(1);
    expect(notices[0].params).toMatchObject({ failures: 5 });

    // Another account is not affected.
    ok(await login(app, other.email, TEST_PASSWORD));
  });

  it('counts unknown emails like real ones, so a lockout does not reveal which accounts exist', async () => {
    const codes = [];
    for (let i = 0; i < 6; i++) {
      codes.push(errorCode(await login(app, 'personne@example.org', 'wrong-password-123')));
    }
    expect(codes).toEqual([
      ...Array(4).fill('INVALID_CREDENTIALS'),
      'ACCOUNT_LOCKED',
      'ACCOUNT_LOCKED',
    ]);
  });

  it('changing the password revokes every earlier access and refresh token, and keeps the new session', async () => {
    const account = await createAccount(app.dataSource);
    const first = ok(await login(app, account.email, TEST_PASSWORD)).login;
    const second = ok(await login(app, account.email, TEST_PASSWORD)).login;
    ok(await app.gql(ME, {}, { token: first.accessToken }));

    // A second has to pass: JWT `iat` counts whole seconds.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const weak = await app.gql(
      CHANGE_PASSWORD,
      { input: { currentPassword: TEST_PASSWORD, newPassword: 'short' } },
      { token: first.accessToken },
    );
    expect(errorCode(weak)).toBe('WEAK_PASSWORD');
    const wrong = await app.gql(
      CHANGE_PASSWORD,
      { input: { currentPassword: 'not-my-password', newPassword: 'a-new-long-password' } },
      { token: first.accessToken },
    );
    expect(errorCode(wrong)).toBe('INVALID_CREDENTIALS');
    ok(await app.gql(ME, {}, { token: second.accessToken })); // nothing changed yet

    const changed = ok(
      await app.gql<{ changePassword: { accessToken: string; refreshToken: string } }>(
        CHANGE_PASSWORD,
        { input: { currentPassword: TEST_PASSWORD, newPassword: 'a-new-long-password' } },
        { token: first.accessToken },
      ),
    ).changePassword;

    for (const old of [first, second]) {
      expect(errorCode(await app.gql(ME, {}, { token: old.accessToken }))).toBe('UNAUTHENTICATED');
      expect(errorCode(await app.gql(REFRESH, { t: old.refreshToken }))).toBe(
        'INVALID_REFRESH_TOKEN',
      );
    }
    ok(await app.gql(ME, {}, { token: changed.accessToken }));
    expect(errorCode(await login(app, account.email, TEST_PASSWORD))).toBe('INVALID_CREDENTIALS');
    ok(await login(app, account.email, 'a-new-long-password'));
  });

  it('a suspended member loses access at once, not when their token expires', async () => {
    const secretary = await createAccount(app.dataSource, { roles: [Role.Member, Role.Secretary] });
    const secretaryToken = await signIn(app, secretary.email);
    const account = await createAccount(app.dataSource);
    const token = await signIn(app, account.email);
    ok(await app.gql(ME, {}, { token }));
    await new Promise((resolve) => setTimeout(resolve, 1100)); // past the token's `iat` second
    ok(
      await app.gql(
        'mutation ($input: ChangeMemberStatusInput!) { changeMemberStatus(input: $input) { status } }',
        { input: { memberId: account.memberId, status: 'Suspended', reason: 'Enquête' } },
        { token: secretaryToken },
      ),
    );
    expect(errorCode(await app.gql(ME, {}, { token }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await login(app, account.email, TEST_PASSWORD))).toBe('ACCOUNT_DISABLED');
  });

  it('accepts tokens signed with a previous key (rotation) and refuses a key it does not know', async () => {
    const account = await createAccount(app.dataSource, { roles: [Role.Member] });
    const claims = { sub: account.id, mid: account.memberId, roles: account.roles };
    const signed = (secret: string) => new JwtService({ secret }).sign(claims, { expiresIn: 60 });
    const me = await app.gql<{ me: { id: string } }>(ME, {}, { token: signed(previousSecret) });
    expect(ok(me).me.id).toBe(account.id);
    const forged = await app.gql(ME, {}, { token: signed(randomBytes(32).toString('hex')) });
    expect(errorCode(forged)).toBe('UNAUTHENTICATED');
  });

  it('sends security headers, and CORS only to the configured origins', async () => {
    const preflight = (origin: string) =>
      fetch(app.url, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,authorization',
        },
      });
    const allowed = await preflight('https://portail.fiducie.example');
    expect(allowed.headers.get('access-control-allow-origin')).toBe(
      'https://portail.fiducie.example',
    );
    const foreign = await preflight('https://malveillant.example');
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();

    const response = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=/);
    expect(response.headers.get('x-powered-by')).toBeNull();
  });
});

describe('security: per-IP sign-in limit (e2e)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ LOGIN_ATTEMPTS_PER_IP_PER_MINUTE: '3' });
  });
  afterAll(() => app.close());

  it('refuses the fourth sign-in from one address within a minute with RATE_LIMITED', async () => {
    const account = await createAccount(app.dataSource);
    for (let i = 0; i < 3; i++) await signIn(app, account.email);
    const fourth = await login(app, account.email, TEST_PASSWORD);
    expect(errorCode(fourth)).toBe('RATE_LIMITED');
    expect(fourth.errors?.[0].message).toBe('Trop de tentatives; réessayez dans quelques minutes.');
  });
});

describe('security: ballot casting limit (e2e)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ BALLOTS_PER_ACCOUNT_PER_MINUTE: '2' });
  });
  afterAll(() => app.close());

  it('refuses a third cast by one account within a minute with RATE_LIMITED, before touching the vote', async () => {
    const secretary = await createAccount(app.dataSource, { roles: [Role.Member, Role.Secretary] });
    const secretaryToken = await signIn(app, secretary.email);
    const [voter] = await votersIn(app, 1);
    const vote = await scheduleVote(app, secretaryToken, {
      electorateKind: 'AllMembers',
      subjectType: 'Referendum',
      decisionType: 'Referendum',
      rules: { secrecy: 'Named' },
    });
    await openVote(app, secretaryToken, vote.id);
    const cast = () => castBallot(app, voter.token, vote.id, { option: 'yes' });
    ok(await cast());
    ok(await cast()); // a named ballot may be replaced
    const third = await cast();
    expect(errorCode(third)).toBe('RATE_LIMITED');
    expect(third.errors?.[0].extensions).toMatchObject({ retryable: true });
    expect(await voteRows(app.dataSource, vote.id)).toMatchObject({
      participations: 1,
      ballots: 1,
    });
  });
});
