import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Role, TokenService } from '@delibera/kernel';
import {
  Account,
  College,
  hashPassword,
  Member,
  MemberKind,
  MemberStatus,
  OrganisationCategory,
  SizeBand,
} from '@delibera/membership';
import { ok, TestApp } from '../e2e/test-app';

export const TEST_PASSWORD = 'test-password-long-enough';
let passwordHash: Promise<string> | undefined;
/** argon2id is deliberately slow; hash the shared test password once per file. */
const testPasswordHash = () => (passwordHash ??= hashPassword(TEST_PASSWORD));

const unique = () => randomBytes(5).toString('hex');

export async function collegeByCode(dataSource: DataSource, code: string): Promise<College> {
  return dataSource.getRepository(College).findOneByOrFail({ code });
}

export async function createCollege(
  dataSource: DataSource,
  fields: Partial<College> = {},
): Promise<College> {
  const repo = dataSource.getRepository(College);
  return repo.save(
    repo.create({
      code: `college-${unique()}`,
      nameFr: 'Collège',
      nameEn: 'College',
      weight: 1,
      ...fields,
    }),
  );
}

/** An active member (a person by default) in the given college (code) or the individuals college. */
export async function createMember(
  dataSource: DataSource,
  fields: Partial<Member> & { collegeCode?: string } = {},
): Promise<Member> {
  const { collegeCode, ...rest } = fields;
  const college = await collegeByCode(dataSource, collegeCode ?? 'individuals');
  const organisation = rest.kind === MemberKind.Organisation;
  const repo = dataSource.getRepository(Member);
  return repo.save(
    repo.create({
      kind: MemberKind.Person,
      displayName: `Membre ${unique()}`,
      email: `member-${unique()}@example.org`,
      status: MemberStatus.Active,
      collegeId: college.id,
      region: '06',
      locale: 'fr',
      admittedAt: new Date(),
      ...(organisation
        ? {
            organisationCategory: OrganisationCategory.Community,
            sizeBand: SizeBand.Small,
            representativeName: 'Rep',
          }
        : {}),
      ...rest,
    }),
  );
}

export async function createAccount(
  dataSource: DataSource,
  fields: { roles?: Role[]; member?: Member | null; email?: string } = {},
): Promise<Account> {
  const repo = dataSource.getRepository(Account);
  const member = fields.member === undefined ? await createMember(dataSource) : fields.member;
  return repo.save(
    repo.create({
      email: fields.email ?? member?.email ?? `staff-${unique()}@example.org`,
      passwordHash: await testPasswordHash(),
      roles: fields.roles ?? [Role.Member],
      memberId: member?.id ?? null,
      locale: 'fr',
    }),
  );
}

/** Signs in through the login mutation, as a client would, and returns the access token. */
export async function signIn(
  app: TestApp,
  email: string,
  password = TEST_PASSWORD,
): Promise<string> {
  const data = ok(
    await app.gql<{ login: { accessToken: string } }>(
      'mutation ($input: LoginInput!) { login(input: $input) { accessToken } }',
      { input: { email, password } },
    ),
  );
  return data.login.accessToken;
}

/** A member with an account holding these roles, signed in. */
export async function signedInMember(app: TestApp, roles: Role[] = [Role.Member]) {
  const member = await createMember(app.dataSource);
  const account = await createAccount(app.dataSource, { member, roles: [Role.Member, ...roles] });
  return { member, account, token: await signIn(app, account.email) };
}

/**
 * Staff without a membership (so not on any electorate), holding these roles,
 * with an access token minted by the app: no argon2 sign-in.
 */
export async function staffToken(app: TestApp, roles: Role[]): Promise<string> {
  const account = await createAccount(app.dataSource, { member: null, roles });
  return app.app
    .get(TokenService)
    .signAccessToken({ accountId: account.id, memberId: null, roles });
}
