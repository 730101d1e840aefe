import { INestApplication } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@delibera/audit';
import { Role } from '@delibera/kernel';
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

/** Accounts printed at start-up, one per role, so a newcomer can try every view. */
const ROLE_ACCOUNTS: { role: Role; email: string }[] = [
  { role: Role.Admin, email: 'admin@demo.delibera.quebec' },
  { role: Role.Secretary, email: 'secretariat@demo.delibera.quebec' },
  { role: Role.Treasurer, email: 'tresorerie@demo.delibera.quebec' },
  { role: Role.Trustee, email: 'fiduciaire@demo.delibera.quebec' },
  { role: Role.Moderator, email: 'moderation@demo.delibera.quebec' },
  { role: Role.Member, email: 'membre@demo.delibera.quebec' },
];

/**
 * Loads a small demo trust (colleges and councils come from the founding
 * charter migration): about 50 active members of both kinds across Québec's
 * regions, and an account per role. Does nothing if accounts already exist.
 */
export async function seedDemoTrust(
  app: INestApplication,
): Promise<{ role: string; email: string }[]> {
  const dataSource = app.get(DataSource);
  const accounts: { role: string; email: string }[] = [
    ...ROLE_ACCOUNTS,
    { role: 'org. rep', email: 'organisation1@demo.delibera.quebec' },
  ];
  if ((await dataSource.getRepository(Account).count()) > 0) return accounts;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const membership = app.get(MembershipService);
  const audit = app.get(AuditService);
  await dataSource.transaction(async (manager) => {
    const colleges = new Map((await manager.find(College)).map((c) => [c.code, c.id]));
    const members: Member[] = [];
    for (let i = 0; i < 35; i++) {
      const first = FIRST_NAMES[i % FIRST_NAMES.length];
      const last = LAST_NAMES[(i * 7) % LAST_NAMES.length];
      const birthYear = 1945 + ((i * 13) % 62); // ages from about 19 to 81
      members.push(
        await addMember(manager, {
          kind: MemberKind.Person,
          displayName: `${first} ${last}`,
          email:
            i === 0
              ? 'membre@demo.delibera.quebec'
              : `${first}.${last}.${i}@demo.delibera.quebec`
                  .toLowerCase()
                  .normalize('NFD')
                  .replace(/[\u0300-\u036f]/g, ''),
          collegeId: colleges.get('individuals')!,
          region: REGION_CODES[i % REGION_CODES.length],
          locale: i % 5 === 4 ? 'en' : 'fr',
          birthDate: `${birthYear}-0${(i % 9) + 1}-15`,
        }),
      );
    }
    for (const [i, [name, category, size, college]] of ORGANISATIONS.entries()) {
      members.push(
        await addMember(manager, {
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
    for (const member of members) {
      await membership.recordStatus(manager, member, null, MemberStatus.Active, null, 'demo data');
    }
    // Staff accounts are also members (persons) so they can vote; the member account is the first person.
    for (const [i, { role, email }] of ROLE_ACCOUNTS.entries()) {
      const member = role === Role.Member ? members[0] : members[i + 1];
      if (role !== Role.Member) await manager.update(Member, member.id, { email });
      await manager.insert(Account, {
        email,
        passwordHash,
        roles: role === Role.Member ? [Role.Member] : [Role.Member, role],
        memberId: member.id,
        locale: 'fr',
      });
    }
    // Organisations vote through their representative's account.
    for (const org of members.filter((m) => m.kind === MemberKind.Organisation)) {
      await manager.insert(Account, {
        email: org.email,
        passwordHash,
        roles: [Role.Member],
        memberId: org.id,
        locale: 'fr',
      });
    }
    await audit.append(manager, {
      actorAccountId: null,
      action: 'demo.seeded',
      entityType: 'trust',
      data: { members: members.length },
    });
  });
  return accounts;
}

async function addMember(manager: EntityManager, fields: Partial<Member>): Promise<Member> {
  return manager.save(
    manager.create(Member, { ...fields, status: MemberStatus.Active, admittedAt: new Date() }),
  );
}
