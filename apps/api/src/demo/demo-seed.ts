import { INestApplication } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@delibera/audit';
import { AuthUser, Role } from '@delibera/kernel';
import {
  Account,
  College,
  hashPassword,
  Member,
  MemberKind,
  MembershipService,
  MemberStatus,
  OrganisationCategory,
  REGION_CODES,
  SizeBand,
} from '@delibera/membership';
import { seedDemoActivity } from './demo-activity';
import { DemoPeople } from './demo-people';

/** Shared by every demo account, printed at start-up. Demo data only: never in production. */
export const DEMO_PASSWORD = 'demo-delibera-2026';

const FIRST_NAMES = [
  'Camille',
  'Félix',
  'Léa',
  'Mathis',
  'Chloé',
  'William',
  'Maëlle',
  'Samuel',
  'Rosalie',
  'Thomas',
  'Alice',
  'Nathan',
  'Florence',
  'Olivier',
  'Juliette',
  'Émile',
  'Béatrice',
  'Antoine',
];
const LAST_NAMES = [
  'Tremblay',
  'Gagnon',
  'Roy',
  'Côté',
  'Bouchard',
  'Gauthier',
  'Morin',
  'Lavoie',
  'Fortin',
  'Gagné',
  'Ouellet',
  'Pelletier',
  'Bélanger',
  'Lévesque',
  'Bergeron',
  'Leblanc',
  'Paquette',
  'Girard',
];
const ORGANISATIONS: [string, OrganisationCategory, SizeBand, string][] = [
  ['Ville de Rimouski', OrganisationCategory.Municipality, SizeBand.Medium, 'public_bodies'],
  [
    'Municipalité de Sainte-Flavie',
    OrganisationCategory.Municipality,
    SizeBand.Micro,
    'public_bodies',
  ],
  ['MRC de La Matanie', OrganisationCategory.Mrc, SizeBand.Small, 'public_bodies'],
  ['MRC du Granit', OrganisationCategory.Mrc, SizeBand.Small, 'public_bodies'],
  [
    'Université du Québec à Rimouski',
    OrganisationCategory.University,
    SizeBand.Large,
    'public_bodies',
  ],
  ['Cégep de Sherbrooke', OrganisationCategory.College, SizeBand.Medium, 'public_bodies'],
  [
    'Coopérative de solidarité Le Pont',
    OrganisationCategory.SocialEconomy,
    SizeBand.Small,
    'civil_society',
  ],
  [
    'Chantier de l’économie sociale régional',
    OrganisationCategory.SocialEconomy,
    SizeBand.Medium,
    'civil_society',
  ],
  [
    'Centre communautaire Saint-Roch',
    OrganisationCategory.Community,
    SizeBand.Micro,
    'civil_society',
  ],
  [
    'Maison des jeunes de Limoilou',
    OrganisationCategory.Community,
    SizeBand.Micro,
    'civil_society',
  ],
  [
    'Table de concertation des aînés',
    OrganisationCategory.Community,
    SizeBand.Small,
    'civil_society',
  ],
  [
    'Syndicat régional des travailleuses et travailleurs',
    OrganisationCategory.Union,
    SizeBand.Medium,
    'civil_society',
  ],
  ['Conseil central des syndicats', OrganisationCategory.Union, SizeBand.Large, 'civil_society'],
  ['Festival des arts de la rue', OrganisationCategory.Other, SizeBand.Small, 'civil_society'],
  ['Ville de Gatineau', OrganisationCategory.Municipality, SizeBand.VeryLarge, 'public_bodies'],
];

/** Who to sign in as for what, printed at start-up. */
export interface DemoAccount {
  role: string;
  email: string;
  use: string;
}

/** Accounts printed at start-up, one per role, so a newcomer can try every view. */
const ROLE_ACCOUNTS: { role: Role; email: string; use: string }[] = [
  { role: Role.Admin, email: 'admin@demo.delibera.quebec', use: 'queues, members, audit' },
  {
    role: Role.Secretary,
    email: 'secretariat@demo.delibera.quebec',
    use: 'proposals, votes, assemblies, council seats',
  },
  {
    role: Role.Treasurer,
    email: 'tresorerie@demo.delibera.quebec',
    use: 'contribution scales, calls, payments',
  },
  { role: Role.Trustee, email: 'fiduciaire@demo.delibera.quebec', use: 'audit log and its check' },
  {
    role: Role.Moderator,
    email: 'moderation@demo.delibera.quebec',
    use: 'a flagged argument awaits moderation',
  },
  {
    role: Role.Member,
    email: 'membre@demo.delibera.quebec',
    use: 'can vote now (Budget 2027), sits on the seniors council',
  },
];
/** The youth council's chair: publishes its opinions, approves its volunteers' hours. */
const CHAIR_EMAIL = 'presidence.jeunes@demo.delibera.quebec';
/** Index of the youth council's chair among the demo persons (born in 2000). */
const CHAIR_INDEX = 9;

export const DEMO_ACCOUNTS: DemoAccount[] = [
  ...ROLE_ACCOUNTS,
  { role: 'chair', email: CHAIR_EMAIL, use: 'chairs the youth council (opinions, seats)' },
  {
    role: 'org. rep',
    email: 'organisation1@demo.delibera.quebec',
    use: 'Ville de Rimouski: its 2026 contribution call (paid)',
  },
];

/**
 * Loads a demo trust (colleges and councils come from the founding charter
 * migration): about 50 active members of both kinds across Québec's regions,
 * an account for each of them and one per role; then, through the domain
 * services, the trust's life (see demo-activity.ts). Runs only on a fresh
 * database: does nothing if accounts already exist.
 */
export async function seedDemoTrust(app: INestApplication): Promise<DemoAccount[]> {
  const dataSource = app.get(DataSource);
  if ((await dataSource.getRepository(Account).count()) > 0) return DEMO_ACCOUNTS;
  const people = await seedMembers(app);
  await seedDemoActivity(app, people);
  return DEMO_ACCOUNTS;
}

/** Members, their accounts and the audit record, in one transaction. */
async function seedMembers(app: INestApplication): Promise<DemoPeople> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const membership = app.get(MembershipService);
  const audit = app.get(AuditService);
  return app.get(DataSource).transaction(async (manager) => {
    const colleges = new Map((await manager.find(College)).map((c) => [c.code, c.id]));
    const persons: Member[] = [];
    for (let i = 0; i < 35; i++) {
      const first = FIRST_NAMES[i % FIRST_NAMES.length];
      const last = LAST_NAMES[(i * 7) % LAST_NAMES.length];
      const birthYear = 1945 + ((i * 13) % 62); // ages from about 13 to 81
      persons.push(
        await addMember(manager, i, {
          kind: MemberKind.Person,
          displayName: `${first} ${last}`,
          email: personEmail(i, first, last),
          collegeId: colleges.get('individuals')!,
          region: REGION_CODES[i % REGION_CODES.length],
          locale: i % 5 === 4 ? 'en' : 'fr',
          birthDate: `${birthYear}-0${(i % 9) + 1}-15`,
        }),
      );
    }
    const organisations: Member[] = [];
    for (const [i, [name, category, size, college]] of ORGANISATIONS.entries()) {
      organisations.push(
        await addMember(manager, i, {
          kind: MemberKind.Organisation,
          displayName: name,
          email: `organisation${i + 1}@demo.delibera.quebec`,
          collegeId: colleges.get(college)!,
          region: REGION_CODES[(i * 5) % REGION_CODES.length],
          locale: 'fr',
          organisationCategory: category,
          sizeBand: size,
          representativeName: `${FIRST_NAMES[(i + 3) % FIRST_NAMES.length]} ${LAST_NAMES[(i + 5) % LAST_NAMES.length]}`,
        }),
      );
    }
    for (const member of [...persons, ...organisations]) {
      await membership.recordStatus(manager, member, null, MemberStatus.Active, null, 'demo data');
    }
    // Everyone signs in (so every action below has a real actor); staff are persons too, so
    // they vote; the member account is the first person, staff the next ones.
    const signIn = async (member: Member, roles: Role[]): Promise<AuthUser> => {
      const account = await manager.save(
        manager.create(Account, {
          email: member.email,
          passwordHash,
          roles,
          memberId: member.id,
          locale: member.locale,
        }),
      );
      return { accountId: account.id, memberId: member.id, roles };
    };
    const staff = new Map<Role, AuthUser>();
    const personUsers: AuthUser[] = [];
    for (const [i, member] of persons.entries()) {
      const role = roleOfPerson(i);
      const email = role?.email ?? (i === CHAIR_INDEX ? CHAIR_EMAIL : member.email);
      if (email !== member.email) {
        await manager.update(Member, member.id, { email });
        member.email = email;
      }
      const roles = !role || role.role === Role.Member ? [Role.Member] : [Role.Member, role.role];
      const user = await signIn(member, roles);
      if (role) staff.set(role.role, user);
      personUsers.push(user);
    }
    // Organisations vote through their representative's account.
    const organisationUsers: AuthUser[] = [];
    for (const org of organisations) organisationUsers.push(await signIn(org, [Role.Member]));
    await audit.append(manager, {
      actorAccountId: null,
      action: 'demo.seeded',
      entityType: 'trust',
      data: { members: persons.length + organisations.length },
    });
    return {
      member: staff.get(Role.Member)!,
      admin: staff.get(Role.Admin)!,
      secretary: staff.get(Role.Secretary)!,
      treasurer: staff.get(Role.Treasurer)!,
      trustee: staff.get(Role.Trustee)!,
      moderator: staff.get(Role.Moderator)!,
      persons: personUsers,
      personMembers: persons,
      organisations: organisationUsers,
      organisationMembers: organisations,
      youthChair: personUsers[CHAIR_INDEX],
    };
  });
}

/** The member account is the first person; admin, secretary… the next ones, in ROLE_ACCOUNTS order. */
function roleOfPerson(i: number) {
  if (i === 0) return ROLE_ACCOUNTS.find((r) => r.role === Role.Member)!;
  const staff = ROLE_ACCOUNTS.filter((r) => r.role !== Role.Member);
  return i <= staff.length ? staff[i - 1] : null;
}

function personEmail(i: number, first: string, last: string): string {
  return `${first}.${last}.${i}@demo.delibera.quebec`
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

/**
 * Admitted in 2024–2025, before the 2026 fiscal year: their 2026 contribution
 * calls are for the full year, not prorated.
 */
async function addMember(
  manager: EntityManager,
  i: number,
  fields: Partial<Member>,
): Promise<Member> {
  const admittedAt = new Date(Date.UTC(2024 + (i % 2), i % 12, 10 + (i % 15), 15));
  return manager.save(
    manager.create(Member, { ...fields, status: MemberStatus.Active, admittedAt }),
  );
}
